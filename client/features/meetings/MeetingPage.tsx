import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GroupDetail } from "../../../shared/schemas/groups";
import type { Meeting } from "../../../shared/schemas/meetings";
import { groupsApi } from "../../lib/api";
import { useUser } from "../../lib/auth";
import { errorMessage } from "../../lib/i18n";
import { FormAlert } from "../../lib/ui";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { MeetingUnavailable } from "./MeetingUnavailable";
import { AgendaSection } from "./AgendaEditor";
import { meetingStatusLabel } from "./labels";
import { meetingKeys, useLiveRoom, useMeetingPushes, type LiveRoom as LiveRoomConnection } from "./live";
import { LiveRoom, MinutesLink } from "./LiveRoom";
import { MeetingFacts } from "./MeetingFacts";
import { meetingsApi } from "./meetingsApi";
import { canRunMeeting } from "./view";
import "./meetings.css";

const JOIN_BUTTON_ID = "meeting-room-join";

/** The way into the live room, or what the meeting's status means instead. */
function RoomEntry({ meeting, live }: { meeting: Meeting; live: LiveRoomConnection }) {
  const { t } = useTranslation();

  if (meeting.status === "ended") {
    return (
      <section className="card card--accent" aria-labelledby="room-entry-heading">
        <h2 id="room-entry-heading" tabIndex={-1}>{t("meetings.entry.endedTitle")}</h2>
        <p>{t("meetings.entry.endedText")}</p>
        <Link className="button button--primary" to={`/meetings/${meeting.id}/summary`}>
          {t("meetings.room.toSummary")}
        </Link>
      </section>
    );
  }
  if (meeting.status === "cancelled" || meeting.status === "paused") {
    return (
      <section className="card" aria-labelledby="room-entry-heading">
        <h2 id="room-entry-heading" tabIndex={-1}>{meetingStatusLabel(t, meeting.status)}</h2>
        <p>{t(`meetings.entry.${meeting.status}Text`)}</p>
      </section>
    );
  }
  return (
    <section className="card card--accent" aria-labelledby="room-entry-heading">
      <h2 id="room-entry-heading" tabIndex={-1}>{t("meetings.room.title")}</h2>
      <p>{meeting.status === "live" ? t("meetings.entry.liveText") : t("meetings.entry.scheduledText")}</p>
      <FormAlert problem={live.problem ? errorMessage(t, live.problem) : null} />
      <Button id={JOIN_BUTTON_ID} className="button button--primary" isPending={live.joining} onPress={() => void live.join()}>
        {t("meetings.entry.join")}
      </Button>
    </section>
  );
}

function MeetingContent({ meeting, group }: { meeting: Meeting; group: GroupDetail | undefined }) {
  const { t } = useTranslation();
  const me = useUser();
  const live = useLiveRoom(meeting.id);
  useMeetingPushes(meeting.id, meeting.groupId);
  const wasJoined = useRef(false);

  // Back from the room: focus returns to the button that opened it.
  useEffect(() => {
    if (wasJoined.current && !live.joined) (document.getElementById(JOIN_BUTTON_ID) ?? document.getElementById("room-entry-heading"))?.focus();
    wasJoined.current = live.joined;
  }, [live.joined]);
  const canRun = canRunMeeting(group?.myMembership.role, meeting.facilitatorId, me.id);

  return (
    <>
      <p className="meeting-page__group">
        {t("meetings.groupIs")} <Link to={`/groups/${meeting.groupId}`}>{group?.name ?? t("meetings.groupLink")}</Link>
      </p>
      {live.joined && group ? (
        <LiveRoom meeting={meeting} group={group} live={live} myUserId={me.id} runsRoom={canRun} />
      ) : (
        <div className="group-layout">
          <div className="group-layout__main">
            <RoomEntry meeting={meeting} live={live} />
            <AgendaSection meeting={meeting} canPlan={canRun} />
          </div>
          <div className="group-layout__side">
            <MeetingFacts meeting={meeting} group={group} canPlan={canRun} />
            <MinutesLink meeting={meeting} />
          </div>
        </div>
      )}
    </>
  );
}

/** A meeting: when and where, its agenda, and the live room while it runs. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = "" } = useParams();
  const query = useQuery({ queryKey: meetingKeys.detail(meetingId), queryFn: () => meetingsApi.get(meetingId) });
  const meeting = query.data?.meeting;
  const groupId = meeting?.groupId ?? "";
  const groupQuery = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId), enabled: groupId !== "" });

  if (query.isPending) {
    return (
      <Page title={t("meetings.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!meeting) return <MeetingUnavailable error={query.error} />;
  return (
    <Page title={meeting.title} className="meeting-page">
      <MeetingContent meeting={meeting} group={groupQuery.data?.group} />
    </Page>
  );
}
