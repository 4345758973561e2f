import { useTranslation } from "react-i18next";
import { TableScroll } from "./TableScroll";
import { ASSESSMENT } from "../../../shared/limits";
import type { z } from "zod";
import type { Aggregates, FeedbackAggregate } from "../../../shared/schemas/assessments";
import { currentLocale } from "../../lib/i18n";
import { formatChange, formatScore } from "./format";
import { localized } from "./model";

const SCALE = Array.from({ length: ASSESSMENT.scaleMax - ASSESSMENT.scaleMin + 1 }, (_, index) => ASSESSMENT.scaleMin + index);

/** How many respondents' area means fell on each scale point, as five small columns with the counts in words. */
function Distribution({ counts, label }: { counts: readonly number[]; label: string }) {
  const { t } = useTranslation();
  const highest = Math.max(1, ...counts);
  const words = SCALE.map((point, index) => t("assessments.aggregates.pointCount", { point, count: counts[index] ?? 0 })).join(", ");
  return (
    <span className="distribution">
      <svg className="distribution__bars" viewBox="0 0 60 24" aria-hidden="true" focusable="false">
        <line x1="0" y1="23.5" x2="60" y2="23.5" className="distribution__base" />
        {counts.map((count, index) => {
          const height = count === 0 ? 0 : Math.max(2, (count / highest) * 22);
          return <rect key={index} x={index * 12 + 1} y={23 - height} width="10" height={height} rx="1" className="distribution__bar" />;
        })}
      </svg>
      <span className="visually-hidden">
        {label}: {words}
      </span>
    </span>
  );
}

/**
 * A group's or programme's anonymous aggregates, or why there are none: below the threshold the
 * server sends no figures at all, and the page says how many more are needed.
 */
export function AggregatesView({ aggregates, caption }: { aggregates: Aggregates; caption: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!aggregates.available) {
    return (
      <p className="aggregates-empty">
        {aggregates.reason === "no_rounds"
          ? t("assessments.aggregates.reasons.no_rounds")
          : t("assessments.aggregates.reasons.below_threshold", { threshold: aggregates.threshold, count: aggregates.respondents })}
      </p>
    );
  }
  return (
    <>
      <p className="muted">{t("assessments.aggregates.respondents", { count: aggregates.respondents })}</p>
      <TableScroll label={caption}>
        <table className="table aggregates-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.growth.area")}</th>
              <th scope="col" className="growth-table__number">
                {t("assessments.aggregates.startMean")}
              </th>
              <th scope="col" className="growth-table__number">
                {t("assessments.aggregates.endMean")}
              </th>
              <th scope="col" className="growth-table__number">
                {t("assessments.growth.change")}
              </th>
              <th scope="col">{t("assessments.aggregates.distribution")}</th>
            </tr>
          </thead>
          <tbody>
            {aggregates.areas.map((area) => (
              <tr key={area.areaId}>
                <th scope="row">{localized(area.title, locale)}</th>
                <td className="growth-table__number">{formatScore(area.startMean, locale)}</td>
                <td className="growth-table__number">{formatScore(area.endMean, locale)}</td>
                <td className={`growth-table__number ${area.change > 0 ? "change--up" : area.change < 0 ? "change--down" : ""}`}>
                  {formatChange(area.change, locale)}
                </td>
                <td className="distribution-pair">
                  <Distribution counts={area.startDistribution} label={t("assessments.aggregates.startDistribution")} />
                  <span className="distribution-pair__arrow" aria-hidden="true">
                    →
                  </span>
                  <Distribution counts={area.endDistribution} label={t("assessments.aggregates.endDistribution")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted aggregates-note">{t("assessments.aggregates.distributionNote")}</p>
    </>
  );
}

/**
 * The closing survey's anonymous results: per statement its mean and how the answers spread, then the
 * written answers per question — without names, in the alphabetical order the server gives them.
 */
export function FeedbackView({
  feedback,
  caption,
  questionHeading: QuestionHeading = "h4",
}: {
  feedback: z.infer<typeof FeedbackAggregate>;
  caption: string;
  /** The level under the heading the view sits below. */
  questionHeading?: "h4" | "h5";
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!feedback.available) {
    return (
      <p className="aggregates-empty">
        {feedback.reason === "no_rounds"
          ? t("assessments.feedback.noRound")
          : t("assessments.feedback.belowThreshold", { threshold: feedback.threshold, count: feedback.respondents })}
      </p>
    );
  }
  const written = feedback.reflections.filter((question) => question.answers.length > 0);
  return (
    <>
      <p className="muted">{t("assessments.feedback.respondents", { count: feedback.respondents })}</p>
      <TableScroll label={caption}>
        <table className="table aggregates-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.growth.statement")}</th>
              <th scope="col" className="growth-table__number">
                {t("assessments.feedback.mean")}
              </th>
              <th scope="col">{t("assessments.feedback.distribution")}</th>
            </tr>
          </thead>
          <tbody>
            {feedback.statements.map((statement) => (
              <tr key={statement.statementId}>
                <th scope="row">{localized(statement.text, locale)}</th>
                <td className="growth-table__number">{formatScore(statement.mean, locale)}</td>
                <td>
                  <Distribution counts={statement.distribution} label={t("assessments.feedback.distribution")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {written.length > 0 && (
        <div className="feedback-texts">
          <p className="muted">{t("assessments.feedback.textsLead")}</p>
          {written.map((question) => (
            <div key={question.reflectionId} className="feedback-texts__question">
              <QuestionHeading className="feedback-texts__heading">{localized(question.text, locale)}</QuestionHeading>
              <ul className="feedback-texts__list">
                {question.answers.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
