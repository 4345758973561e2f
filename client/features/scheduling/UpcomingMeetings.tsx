import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/i18n";
import { schedulingKeys } from "./live";
import { MeetingRow } from "./MeetingRow";
import { schedulingApi } from "./schedulingApi";
import { viewerTimeZone } from "./time";
import "./scheduling.css";

const SHOWN = 5;

/** The home page's next meetings across all my groups; shows nothing when none is coming. */
export function UpcomingMeetings() {
  const { t } = useTranslation();
  const viewerZone = viewerTimeZone();
  const query = useQuery({ queryKey: schedulingKeys.mine, queryFn: schedulingApi.myMeetings });
  const meetings = query.data?.meetings.filter((meeting) => meeting.status !== "paused").slice(0, SHOWN) ?? [];
  if (query.isPending || (query.isSuccess && meetings.length === 0)) return null;

  return (
    <section className="card" aria-labelledby="upcoming-meetings-heading">
      <h2 id="upcoming-meetings-heading">{t("scheduling.home.title")}</h2>
      {query.isError ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, query.error)}
        </p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((meeting) => (
            <MeetingRow key={meeting.id} meeting={meeting} viewerZone={viewerZone} groupName={meeting.groupName} />
          ))}
        </ul>
      )}
    </section>
  );
}
