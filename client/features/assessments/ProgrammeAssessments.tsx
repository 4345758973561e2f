import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ASSESSMENT, GROUP } from "../../../shared/limits";
import type { AssessmentSettings } from "../../../shared/schemas/assessments";
import { errorMessage } from "../../lib/i18n";
import { Field, FormAlert, formText, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { AggregatesView, FeedbackView } from "./AggregatesView";
import { assessmentsApi } from "./assessmentsApi";
import { saveFile } from "./format";
import { assessmentKeys } from "./live";
import "./assessments.css";

/**
 * The programme's anonymity threshold: how many must have answered before a group's results show.
 * It can be raised above the shared minimum, never lowered; an empty field goes back to the minimum.
 */
function ThresholdForm({ programmeId, settings }: { programmeId: string; settings: AssessmentSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const { pending, problem, submit } = useSubmission();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(new FormData(event.currentTarget), "minRespondents");
    await submit(async () => {
      const saved = await assessmentsApi.updateProgrammeSettings(programmeId, { minRespondents: value === "" ? null : Number(value) });
      queryClient.setQueryData(assessmentKeys.programmeSettings(programmeId), saved);
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.programme(programmeId) });
      announce(t("assessments.programme.thresholdSaved", { threshold: saved.threshold }));
    });
  }

  return (
    <Form className="form threshold-form" onSubmit={(event) => void save(event)}>
      <FormAlert problem={problem} />
      <Field
        name="minRespondents"
        type="number"
        inputMode="numeric"
        label={t("assessments.programme.thresholdLabel")}
        description={t("assessments.programme.thresholdHint", { min: ASSESSMENT.minRespondents, max: GROUP.maxCapacity })}
        defaultValue={String(settings.threshold)}
        validate={(text) => {
          if (text.trim() === "") return null;
          const value = Number(text);
          return !Number.isInteger(value) || value < ASSESSMENT.minRespondents || value > GROUP.maxCapacity
            ? t("assessments.programme.thresholdInvalid", { min: ASSESSMENT.minRespondents, max: GROUP.maxCapacity })
            : null;
        }}
      />
      <Button type="submit" className="button button--secondary" isPending={pending}>
        {t("assessments.programme.thresholdSave")}
      </Button>
    </Form>
  );
}

/**
 * A coordinator's view of self-assessments: each group's anonymous aggregates (each group checked
 * against the threshold on its own, with no programme total), their CSV, and the templates.
 */
export function ProgrammeAssessments({ programmeId, programmeName }: { programmeId: string; programmeName: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: assessmentKeys.programme(programmeId), queryFn: () => assessmentsApi.programmeAggregates(programmeId) });
  const settings = useQuery({ queryKey: assessmentKeys.programmeSettings(programmeId), queryFn: () => assessmentsApi.programmeSettings(programmeId) });
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
      {settings.data && <ThresholdForm programmeId={programmeId} settings={settings.data} />}
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
                  <FeedbackView feedback={group.feedback} caption={t("assessments.feedback.caption", { group: group.groupName })} questionHeading="h5" />
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
