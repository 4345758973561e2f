import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLocale } from "../../lib/i18n";
import { formatCalendarDate } from "../groups/format";
import { assessmentsApi } from "./assessmentsApi";
import { roundKindLabel } from "./labels";
import { assessmentKeys } from "./live";
import "./assessments.css";

/** The home page's reminder: open self-assessments I have not submitted. Nothing at all when none is due. */
export function DueAssessments() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery({ queryKey: assessmentKeys.due, queryFn: assessmentsApi.due });
  const due = query.data?.due ?? [];
  if (due.length === 0) return null;
  return (
    <section className="card card--accent" aria-labelledby="due-assessments-heading">
      <h2 id="due-assessments-heading">{t("assessments.due.title")}</h2>
      <p className="muted">{t("assessments.due.lead")}</p>
      <ul className="due-list">
        {due.map(({ round, groupName }) => (
          <li key={round.id} className="due-list__item">
            <Link to={`/groups/${round.groupId}/assessments/${round.id}`}>
              {t("assessments.due.item", { kind: roundKindLabel(t, round.kind), group: groupName })}
            </Link>
            <span className="muted">
              {" · "}
              {round.myResponse === "draft" ? t("assessments.due.draft") : t("assessments.due.notStarted")}
              {" · "}
              {t("assessments.due.closes", { date: formatCalendarDate(round.closesOn, locale) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
