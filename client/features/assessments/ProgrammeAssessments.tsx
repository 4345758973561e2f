import { useQuery } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../lib/i18n";
import { FormAlert, useSubmission } from "../../lib/ui";
import { AggregatesView, FeedbackView } from "./AggregatesView";
import { assessmentsApi } from "./assessmentsApi";
import { saveFile } from "./format";
import { assessmentKeys } from "./live";
import "./assessments.css";

/**
 * A coordinator's view of self-assessments: each group's anonymous aggregates (each group checked
 * against the threshold on its own, with no programme total), their CSV, and the templates.
 */
export function ProgrammeAssessments({ programmeId, programmeName }: { programmeId: string; programmeName: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: assessmentKeys.programme(programmeId), queryFn: () => assessmentsApi.programmeAggregates(programmeId) });
  const download = useSubmission();
  const groups = query.data?.groups ?? [];
  const anyAvailable = groups.some((group) => group.assessments.available || group.feedback.available);

  return (
    <section className="card" aria-labelledby="programme-assessments-heading">
      <div className="section-header">
        <h2 id="programme-assessments-heading">{t("assessments.programme.title")}</h2>
        <Link className="button button--secondary button--small" to={`/programmes/${programmeId}/assessment-templates`}>
          {t("assessments.templates.link")}
        </Link>
      </div>
      <p className="muted">{t("assessments.programme.lead")}</p>
      {query.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : query.isError ? (
        <p className="field-error">{errorMessage(t, query.error)}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t("assessments.programme.noGroups")}</p>
      ) : (
        <>
          {groups.map((group) => (
            <div key={group.groupId} className="programme-aggregates__group">
              <h3 className="subsection-title">{group.groupName}</h3>
              <AggregatesView aggregates={group.assessments} caption={t("assessments.aggregates.groupCaption", { group: group.groupName })} />
              {group.feedback.available && (
                <>
                  <h4 className="programme-aggregates__subtitle">{t("assessments.feedback.title")}</h4>
                  <FeedbackView feedback={group.feedback} caption={t("assessments.feedback.caption", { group: group.groupName })} />
                </>
              )}
            </div>
          ))}
          {anyAvailable && (
            <>
              <FormAlert problem={download.problem} />
              <Button
                className="button button--secondary"
                isPending={download.pending}
                onPress={() =>
                  void download.submit(async () => {
                    const blob = await assessmentsApi.programmeAggregatesCsv(programmeId);
                    saveFile(blob, `${t("assessments.programme.fileName", { programme: programmeName }).replace(/[^\p{L}\p{N}_-]+/gu, "-")}.csv`);
                  })
                }
              >
                {t("assessments.programme.download")}
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
