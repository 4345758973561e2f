import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button, FieldError, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ASSESSMENT } from "../../../shared/limits";
import type { Locale } from "../../../shared/locales";
import type { RoundDetail, TemplateContent } from "../../../shared/schemas/assessments";
import { ApiError, groupsApi } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { FormAlert, TextAreaField, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { formatCalendarDate } from "../groups/format";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { assessmentsApi } from "./assessmentsApi";
import { roundKindLabel } from "./labels";
import { assessmentKeys } from "./live";
import { localized, missingStatements } from "./model";
import "./assessments.css";

const SCALE = Array.from({ length: ASSESSMENT.scaleMax - ASSESSMENT.scaleMin + 1 }, (_, index) => ASSESSMENT.scaleMin + index);

const statementFieldId = (prefix: string, statementId: string) => `${prefix}-statement-${statementId}`;

/** One statement on the labelled 1–5 scale; the scale's words come from the round's template. */
function StatementScale({
  fieldId,
  text,
  scaleLabels,
  value,
  onChange,
  isReadOnly,
  isMissing,
  locale,
}: {
  fieldId: string;
  text: string;
  scaleLabels: TemplateContent["scaleLabels"];
  value: number | undefined;
  onChange: (value: number) => void;
  isReadOnly: boolean;
  isMissing: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      id={fieldId}
      className="scale-question"
      orientation="horizontal"
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      isReadOnly={isReadOnly}
      isInvalid={isMissing}
    >
      <Label className="scale-question__text">{text}</Label>
      <div className="scale-question__options">
        {SCALE.map((point, index) => (
          <Radio key={point} value={String(point)} className="scale-option">
            <span className="scale-option__number" aria-hidden="true">
              {point}
            </span>
            <span className="scale-option__label">{scaleLabels[index] ? localized(scaleLabels[index], locale) : String(point)}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{t("assessments.answer.missingOne")}</FieldError>
    </RadioGroup>
  );
}

/** What state my answer is in, said in one sentence above the form and again after each save. */
function statusText(t: ReturnType<typeof useTranslation>["t"], detail: RoundDetail, locale: Locale): string {
  const { round, myResponse } = detail;
  const closes = formatCalendarDate(round.closesOn, locale);
  if (round.status === "upcoming") return t("assessments.answer.statusUpcoming", { date: formatCalendarDate(round.opensOn, locale) });
  if (round.status === "closed") {
    return myResponse?.status === "submitted"
      ? t("assessments.answer.statusClosedSubmitted", { date: closes })
      : t("assessments.answer.statusClosed", { date: closes });
  }
  if (!myResponse) return t("assessments.answer.statusNone", { date: closes });
  const when = formatDateTime(myResponse.status === "submitted" ? (myResponse.submittedAt ?? myResponse.updatedAt) : myResponse.updatedAt, locale);
  return myResponse.status === "submitted"
    ? t("assessments.answer.statusSubmitted", { when, date: closes })
    : t("assessments.answer.statusDraft", { when, date: closes });
}

function AnswerForm({ groupId, detail }: { groupId: string; detail: RoundDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const prefix = useId().replaceAll(":", "");
  const { round, content, myResponse } = detail;
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...(myResponse?.answers ?? {}) }));
  const [reflections, setReflections] = useState<Record<string, string>>(() => ({ ...(myResponse?.reflections ?? {}) }));
  const [showMissing, setShowMissing] = useState(false);
  const [action, setAction] = useState<"draft" | "submit" | null>(null);
  const { pending, problem, setProblem, submit } = useSubmission();
  const editable = round.status === "open";
  const submitted = myResponse?.status === "submitted";
  const missing = missingStatements(content, answers);
  const missingSet = new Set(showMissing ? missing : []);

  async function save(submitNow: boolean) {
    setAction(submitNow ? "submit" : "draft");
    setProblem(null);
    if (submitNow && missing.length > 0) {
      setShowMissing(true);
      // The first unanswered statement takes focus, so keyboard and screen reader users land on it.
      const first = document.querySelector<HTMLInputElement>(`#${CSS.escape(statementFieldId(prefix, missing[0]!))} input`);
      first?.focus();
      return;
    }
    const ok = await submit(async () => {
      // A submission sends only what the template asks; a draft may be partial.
      const cleanReflections = Object.fromEntries(Object.entries(reflections).filter(([, text]) => text.trim() !== ""));
      try {
        // A draft never turns a submitted answer back into a draft: once submitted, saving re-submits.
        await assessmentsApi.saveMyResponse(round.id, { answers, reflections: cleanReflections, submit: submitNow || submitted });
      } finally {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: assessmentKeys.group(groupId) }),
          queryClient.invalidateQueries({ queryKey: assessmentKeys.due }),
        ]);
      }
    });
    if (ok) {
      setShowMissing(false);
      announce(submitNow || submitted ? t("assessments.answer.submittedNow") : t("assessments.answer.draftSavedNow"));
    }
  }

  return (
    <form
      className="answer-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
    >
      {/* After a refused submission, what is still missing, kept up to date until nothing is. */}
      <FormAlert problem={showMissing && missing.length > 0 ? t("assessments.answer.missingCount", { count: missing.length }) : problem}>
        {showMissing && missing.length > 0 && (
          <ul className="answer-form__missing">
            {missing.slice(0, 10).map((statementId) => {
              const text = content.areas.flatMap((area) => area.statements).find((statement) => statement.id === statementId)?.text;
              return (
                <li key={statementId}>
                  <a href={`#${statementFieldId(prefix, statementId)}`}>{text ? localized(text, locale) : statementId}</a>
                </li>
              );
            })}
          </ul>
        )}
      </FormAlert>
      {content.areas.map((area) => (
        <section key={area.id} className="card answer-area" aria-labelledby={`${prefix}-area-${area.id}`}>
          <h2 id={`${prefix}-area-${area.id}`}>{localized(area.title, locale)}</h2>
          {area.statements.map((statement) => (
            <StatementScale
              key={statement.id}
              fieldId={statementFieldId(prefix, statement.id)}
              text={localized(statement.text, locale)}
              scaleLabels={content.scaleLabels}
              value={answers[statement.id]}
              onChange={(value) => setAnswers((old) => ({ ...old, [statement.id]: value }))}
              isReadOnly={!editable}
              isMissing={missingSet.has(statement.id)}
              locale={locale}
            />
          ))}
        </section>
      ))}
      {content.reflections.length > 0 && (
        <section className="card answer-area" aria-labelledby={`${prefix}-reflections`}>
          <h2 id={`${prefix}-reflections`}>{t("assessments.answer.reflectionsTitle")}</h2>
          {/* The closing survey's written answers are shown to others (anonymously); say so before anyone writes. */}
          <p className={round.kind === "feedback" ? "banner banner--info" : "muted"}>
            {round.kind === "feedback" ? t("assessments.answer.reflectionsLeadFeedback") : t("assessments.answer.reflectionsLead")}
          </p>
          {content.reflections.map((question) => (
            <TextAreaField
              key={question.id}
              label={localized(question.text, locale)}
              description={round.kind === "feedback" ? t("assessments.answer.sharedWithoutName") : undefined}
              value={reflections[question.id] ?? ""}
              onChange={(text) => setReflections((old) => ({ ...old, [question.id]: text }))}
              maxLength={ASSESSMENT.reflectionMax}
              isReadOnly={!editable}
              rows={4}
            />
          ))}
        </section>
      )}
      {editable && (
        <div className="answer-form__actions">
          {!submitted && (
            <Button className="button button--secondary" isPending={pending && action === "draft"} onPress={() => void save(false)}>
              {t("assessments.answer.saveDraft")}
            </Button>
          )}
          <Button type="submit" className="button button--primary" isPending={pending && action === "submit"}>
            {submitted ? t("assessments.answer.saveChanges") : t("assessments.answer.submit")}
          </Button>
          <Text className="muted answer-form__hint">{submitted ? t("assessments.answer.editUntil") : t("assessments.answer.submitHint")}</Text>
        </div>
      )}
    </form>
  );
}

export default function AnswerPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { groupId = "", roundId = "" } = useParams();
  const group = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId) });
  const query = useQuery({ queryKey: assessmentKeys.round(groupId, roundId), queryFn: () => assessmentsApi.round(roundId) });
  const detail = query.data;

  if (query.isPending) {
    return (
      <Page title={t("assessments.answer.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!detail) {
    const gone = query.error instanceof ApiError && (query.error.code === "not_found" || query.error.code === "forbidden");
    return (
      <Page title={gone ? t("assessments.answer.notFoundTitle") : t("groups.errorTitle")}>
        <p>{gone ? t("assessments.answer.notFoundText") : errorMessage(t, query.error)}</p>
        <p>
          <Link to={`/groups/${groupId}`}>{t("assessments.backToGroup")}</Link>
        </p>
      </Page>
    );
  }

  const { round } = detail;
  const title = t("assessments.answer.title", { kind: roundKindLabel(t, round.kind) });
  const answered = detail.myResponse?.status === "submitted";
  return (
    <Page title={title} documentTitle={group.data ? `${title} – ${group.data.group.name}` : title} className="page--medium answer-page">
      <p className="answer-page__meta">
        {group.data && <Link to={`/groups/${groupId}`}>{group.data.group.name}</Link>}
        <span className="muted">
          {" · "}
          {localized(round.templateName, locale)}
          {" · "}
          {t("assessments.openDates", { opens: formatCalendarDate(round.opensOn, locale), closes: formatCalendarDate(round.closesOn, locale) })}
        </span>
      </p>
      <p className={`banner answer-status answer-status--${round.status === "open" ? (detail.myResponse?.status ?? "none") : round.status}`}>
        {statusText(t, detail, locale)}
      </p>
      <p className="page__lead">{round.kind === "feedback" ? t("assessments.answer.privacyFeedback") : t("assessments.answer.privacy")}</p>
      {round.status === "upcoming" ? (
        <p>
          <Link to={`/groups/${groupId}`}>{t("assessments.backToGroup")}</Link>
        </p>
      ) : (
        // Keyed by the round's status: when it closes, the form starts again, read-only, from what was saved.
        <AnswerForm key={`${round.id}:${round.status}`} groupId={groupId} detail={detail} />
      )}
      {answered && round.kind !== "feedback" && (
        <p>
          <Link className="button button--secondary" to={`/groups/${groupId}/growth`}>
            {t("assessments.growth.open")}
          </Link>
        </p>
      )}
    </Page>
  );
}
