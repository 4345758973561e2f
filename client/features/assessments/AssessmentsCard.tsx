import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Locale } from "../../../shared/locales";
import { ROUND_KINDS, type AssessmentRound, type AssessmentTemplate, type RoundKind } from "../../../shared/schemas/assessments";
import type { GroupDetail, GroupKind } from "../../../shared/schemas/groups";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ChoiceGroup, Field, FormDialog, FormProblem, formText } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { formatCalendarDate, todayInFinland } from "../groups/format";
import { assessmentsApi } from "./assessmentsApi";
import { AggregatesView, FeedbackView } from "./AggregatesView";
import { myResponseLabel, roundKindLabel, roundStatusLabel } from "./labels";
import { assessmentKeys } from "./live";
import { localized, startStep } from "./model";
import "./assessments.css";

/** A calendar date `days` later, counted in whole days so no time zone can shift it. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The built-in template that suits a kind of round in a kind of group. */
function suggestedTemplate(templates: readonly AssessmentTemplate[], kind: RoundKind, groupKind: GroupKind): AssessmentTemplate | undefined {
  const wanted = kind === "feedback" ? "closing_feedback" : groupKind === "supervision_circle" ? "peer_instructor" : "peer_group";
  return templates.find((template) => template.builtIn === wanted) ?? templates[0];
}

function OpenRoundDialog({ group, isOpen, onOpenChange }: { group: GroupDetail; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const templates = useQuery({ queryKey: assessmentKeys.templates, queryFn: assessmentsApi.templates });
  const [kind, setKind] = useState<RoundKind>("start");
  const [chosenTemplate, setTemplateId] = useState<string | undefined>(undefined);
  const list = templates.data?.templates ?? [];
  const templateId = chosenTemplate ?? suggestedTemplate(list, kind, group.kind)?.id;
  const today = todayInFinland();

  async function open(data: FormData) {
    const opensOn = formText(data, "opensOn");
    const closesOn = formText(data, "closesOn");
    if (!templateId) throw new FormProblem(t("assessments.open.templateRequired"));
    if (closesOn < opensOn) throw new FormProblem(t("assessments.open.closesBeforeOpens"));
    await assessmentsApi.openRound(group.id, { kind, templateId, opensOn, closesOn });
    await queryClient.invalidateQueries({ queryKey: assessmentKeys.group(group.id) });
    announce(t("assessments.open.opened", { kind: roundKindLabel(t, kind) }));
  }

  return (
    <FormDialog
      title={t("assessments.open.title")}
      lead={t("assessments.open.lead")}
      submitLabel={t("assessments.open.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={open}
    >
      <ChoiceGroup
        name="kind"
        label={t("assessments.open.kind")}
        value={kind}
        onChange={(next) => {
          setKind(next);
          setTemplateId(undefined);
        }}
        className="choice-group--scale"
        choices={ROUND_KINDS.map((value) => ({ value, label: roundKindLabel(t, value), description: t(`assessments.kindDescriptions.${value}`) }))}
      />
      {templates.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : templates.isError ? (
        <p className="field-error">{errorMessage(t, templates.error)}</p>
      ) : (
        <ChoiceGroup
          name="templateId"
          label={t("assessments.open.template")}
          value={templateId}
          onChange={setTemplateId}
          choices={list.map((template) => ({
            value: template.id,
            label: localized(template.name, locale),
            description: t("assessments.open.templateFacts", {
              areas: template.content.areas.length,
              statements: template.content.areas.reduce((sum, area) => sum + area.statements.length, 0),
              version: template.version,
            }),
          }))}
        />
      )}
      <Field name="opensOn" type="date" label={t("assessments.open.opensOn")} defaultValue={today} isRequired />
      <Field name="closesOn" type="date" label={t("assessments.open.closesOn")} defaultValue={addDays(today, 14)} isRequired />
    </FormDialog>
  );
}

function roundAction(t: ReturnType<typeof useTranslation>["t"], round: AssessmentRound): string | null {
  if (round.status === "open") {
    if (round.myResponse === "none") return t("assessments.card.answer");
    if (round.myResponse === "draft") return t("assessments.card.continue");
    return t("assessments.card.edit");
  }
  if (round.status === "closed" && round.myResponse !== "none") return t("assessments.card.view");
  return null;
}

function RoundItem({ groupId, round, locale }: { groupId: string; round: AssessmentRound; locale: Locale }) {
  const { t } = useTranslation();
  const action = roundAction(t, round);
  const kind = roundKindLabel(t, round.kind);
  return (
    <li className={`round round--${round.status}`}>
      <div className="round__main">
        <h3 className="round__title">{kind}</h3>
        <p className="round__facts">
          <span>{localized(round.templateName, locale)}</span>
          <span className="muted">
            {t("assessments.openDates", { opens: formatCalendarDate(round.opensOn, locale), closes: formatCalendarDate(round.closesOn, locale) })}
          </span>
        </p>
        <p className="round__facts">
          <span className={`status status--round-${round.status}`}>{roundStatusLabel(t, round.status)}</span>
          <span className={`round__mine round__mine--${round.myResponse}`}>{myResponseLabel(t, round.myResponse)}</span>
          <span className="muted">{t("assessments.card.submittedCount", { count: round.submittedCount })}</span>
        </p>
      </div>
      {action && (
        <Link
          className={round.status === "open" && round.myResponse !== "submitted" ? "button button--primary button--small" : "button button--secondary button--small"}
          to={`/groups/${groupId}/assessments/${round.id}`}
        >
          {action}
          <span className="visually-hidden">: {kind}</span>
        </Link>
      )}
    </li>
  );
}

/** The group page's self-assessment card: rounds and my state in each, opening rounds, and anonymous results. */
export function AssessmentsCard({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [opening, setOpening] = useState(false);
  const facilitator = group.myMembership.role === "facilitator";
  const rounds = useQuery({ queryKey: assessmentKeys.rounds(group.id), queryFn: () => assessmentsApi.rounds(group.id) });
  const list = rounds.data?.rounds ?? [];
  const hasFeedback = list.some((round) => round.kind === "feedback");
  const hasGrowth = list.some((round) => round.kind !== "feedback" && round.myResponse === "submitted");
  const aggregates = useQuery({
    queryKey: assessmentKeys.aggregates(group.id),
    queryFn: () => assessmentsApi.groupAggregates(group.id),
    enabled: list.length > 0,
  });
  const feedback = useQuery({ queryKey: assessmentKeys.feedback(group.id), queryFn: () => assessmentsApi.groupFeedback(group.id), enabled: hasFeedback });

  return (
    <section className="card assessments-card" aria-labelledby="assessments-heading" id="self-assessments">
      <div className="section-header">
        <h2 id="assessments-heading">{t("assessments.card.title")}</h2>
        {facilitator && group.phase !== "ended" && (
          <Button className="button button--secondary button--small" onPress={() => setOpening(true)}>
            {t("assessments.open.button")}
          </Button>
        )}
      </div>
      <p className="muted">{t("assessments.card.privacy")}</p>
      {rounds.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : rounds.isError ? (
        <p className="field-error">{errorMessage(t, rounds.error)}</p>
      ) : list.length === 0 ? (
        <p>{facilitator ? t("assessments.card.noRoundsFacilitator") : t("assessments.card.noRounds")}</p>
      ) : (
        <ul className="round-list">
          {list.map((round) => (
            <RoundItem key={round.id} groupId={group.id} round={round} locale={locale} />
          ))}
        </ul>
      )}
      <div className="button-row">
        {hasGrowth && (
          <Link className="button button--secondary" to={`/groups/${group.id}/growth`}>
            {t("assessments.growth.open")}
          </Link>
        )}
        {facilitator && group.programmeId === null && (
          <Link className="button button--link" to={`/groups/${group.id}/assessment-templates`}>
            {t("assessments.templates.link")}
          </Link>
        )}
      </div>
      {list.length > 0 && (
        <>
          <h3 className="subsection-title">{t("assessments.aggregates.groupTitle")}</h3>
          {aggregates.isPending ? (
            <p role="status">{t("common.loading")}</p>
          ) : aggregates.isError ? (
            <p className="field-error">{errorMessage(t, aggregates.error)}</p>
          ) : (
            <AggregatesView aggregates={aggregates.data} caption={t("assessments.aggregates.groupCaption", { group: group.name })} />
          )}
        </>
      )}
      {hasFeedback && (
        <>
          <h3 className="subsection-title">{t("assessments.feedback.title")}</h3>
          {feedback.isPending ? (
            <p role="status">{t("common.loading")}</p>
          ) : feedback.isError ? (
            <p className="field-error">{errorMessage(t, feedback.error)}</p>
          ) : (
            <FeedbackView feedback={feedback.data} caption={t("assessments.feedback.caption", { group: group.name })} />
          )}
        </>
      )}
      {opening && <OpenRoundDialog group={group} isOpen={opening} onOpenChange={setOpening} />}
    </section>
  );
}

/**
 * The onboarding checklist's self-assessment step: where the start round is and whether I submitted
 * it. Shares its query with the card above, so the checklist costs no extra request.
 */
export function useStartAssessmentStep(groupId: string, enabled: boolean): { round: AssessmentRound | undefined; done: boolean } {
  const rounds = useQuery({ queryKey: assessmentKeys.rounds(groupId), queryFn: () => assessmentsApi.rounds(groupId), enabled });
  return startStep(rounds.data?.rounds ?? []);
}
