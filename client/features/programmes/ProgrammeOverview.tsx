import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { GroupActivity } from "../../../shared/schemas/programmeOverview";
import { request } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { errorMessage } from "../../lib/i18n";
import type { Locale } from "../../../shared/locales";
import { phaseLabel } from "../groups/labels";
import { groupKeys } from "../groups/live";

// Under the programme's own key, so whatever refreshes the programme's groups refreshes this too.
const overviewKey = (programmeId: string) => [...groupKeys.programme(programmeId), "overview"] as const;

async function loadOverview(programmeId: string) {
  // The schema loads with the first overview, not with the app.
  const { ProgrammeOverview } = await import("../../../shared/schemas/programmeOverview");
  return request(`/api/programmes/${encodeURIComponent(programmeId)}/overview`, () => ProgrammeOverview);
}

function ActivityRow({ entry, locale }: { entry: GroupActivity; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <tr className={entry.inactive ? "overview__row--quiet" : undefined}>
      <th scope="row">
        {entry.group.name}
        {entry.inactive && <span className="badge badge--pending overview__flag">{t("programmes.overview.quiet")}</span>}
      </th>
      <td>{phaseLabel(t, entry.group.phase)}</td>
      <td>{entry.meetingsHeld}</td>
      <td>{entry.nextMeetingAt ? formatDateTime(entry.nextMeetingAt, locale) : t("programmes.overview.noneScheduled")}</td>
      <td>{t("programmes.overview.goals", { achieved: entry.goalsAchieved, set: entry.goalsSet })}</td>
      <td>{entry.lastActivityAt ? formatDateTime(entry.lastActivityAt, locale) : t("programmes.overview.never")}</td>
    </tr>
  );
}

/**
 * How the programme's groups are doing, from counts and times only; a running group quiet for longer
 * than the limit is flagged (in words, not by colour alone) so the coordinator can offer help.
 */
export function ProgrammeOverview({ programmeId, programmeName }: { programmeId: string; programmeName: string }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language as Locale) ?? "fi";
  const query = useQuery({ queryKey: overviewKey(programmeId), queryFn: () => loadOverview(programmeId) });

  return (
    <section className="card" aria-labelledby="programme-overview-heading">
      <h2 id="programme-overview-heading">{t("programmes.overview.title")}</h2>
      {query.isPending && <p role="status">{t("common.loading")}</p>}
      {query.isError && <p role="alert">{errorMessage(t, query.error)}</p>}
      {query.data && (
        <>
          <p className="muted">{t("programmes.overview.lead", { days: query.data.inactiveAfterDays })}</p>
          {query.data.groups.some((entry) => entry.inactive) && (
            <p className="overview__alert">{t("programmes.overview.quietCount", { count: query.data.groups.filter((entry) => entry.inactive).length })}</p>
          )}
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("programmes.overview.caption", { programme: programmeName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("groups.fields.name")}</th>
                  <th scope="col">{t("groups.phaseLabel")}</th>
                  <th scope="col">{t("programmes.overview.meetingsHeld")}</th>
                  <th scope="col">{t("programmes.overview.nextMeeting")}</th>
                  <th scope="col">{t("programmes.overview.goalsColumn")}</th>
                  <th scope="col">{t("programmes.overview.lastActivity")}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.groups.map((entry) => (
                  <ActivityRow key={entry.group.id} entry={entry} locale={locale} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
