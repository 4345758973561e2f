import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingListItem } from "../../../shared/schemas/meetings";
import { currentLocale } from "../../lib/i18n";
import { formatMeetingStart, meetingStatusLabel } from "./format";
import { IcsDownload } from "./IcsDownload";

/** One meeting in a list: when (in my zone), where, who facilitates, and the way in. */
export function MeetingRow({ meeting, viewerZone, groupName }: { meeting: MeetingListItem; viewerZone: string; groupName?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const live = meeting.status === "live";
  return (
    <li className={`meeting-row meeting-row--${meeting.status}`}>
      <div className="meeting-row__main">
        <p className="meeting-row__title">
          <Link to={`/meetings/${meeting.id}`} id={`meeting-link-${meeting.id}`}>
            {meeting.title}
          </Link>
          {groupName && <span className="muted"> · {groupName}</span>}
        </p>
        <p className="meeting-row__when">
          <time dateTime={meeting.startsAt}>{formatMeetingStart(meeting, locale, viewerZone)}</time>
          {" · "}
          {t("scheduling.durationMinutes", { count: meeting.durationMinutes })}
        </p>
        <p className="meeting-row__where">
          {meeting.location && <span>{meeting.location}</span>}
          {meeting.location && meeting.videoUrl && " · "}
          {meeting.videoUrl && (
            <a href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
              {t("scheduling.joinVideo")}
              <span className="visually-hidden"> ({t("scheduling.opensNewTab")})</span>
            </a>
          )}
          {meeting.facilitatorName && (
            <span className="muted">
              {(meeting.location || meeting.videoUrl) && " · "}
              {t("scheduling.facilitatedBy", { name: meeting.facilitatorName })}
            </span>
          )}
        </p>
      </div>
      <div className="meeting-row__side">
        {meeting.status !== "scheduled" && (
          <span className={`badge meeting-status meeting-status--${meeting.status}`}>
            {live && <span aria-hidden="true">● </span>}
            {meetingStatusLabel(t, meeting.status)}
          </span>
        )}
        {meeting.seriesId && <span className="badge badge--plain">{t("scheduling.inSeries")}</span>}
        {meeting.status !== "paused" && meeting.status !== "cancelled" && <IcsDownload meetingId={meeting.id} title={meeting.title} />}
      </div>
    </li>
  );
}
