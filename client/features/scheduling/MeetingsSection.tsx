import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { GroupDetail } from "../../../shared/schemas/groups";
import type { MeetingListItem, SchedulingPoll } from "../../../shared/schemas/meetings";
import { useUser } from "../../lib/auth";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { FormAlert } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { NewPollDialog, PauseSeriesDialog, PlanMeetingDialog } from "./dialogs";
import { formatOptionTime } from "./format";
import { schedulingKeys } from "./live";
import { MeetingRow } from "./MeetingRow";
import { isUpcoming, mergeMeetings, seriesStates, type SeriesState } from "./model";
import { PollCard } from "./PollCard";
import { schedulingApi } from "./schedulingApi";
import { viewerTimeZone, zonedDate } from "./time";
import "./scheduling.css";

/** A series' state and the facilitator's break and resume buttons. */
function SeriesRow({ groupId, series, viewerZone }: { groupId: string; series: SeriesState; viewerZone: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [pausing, setPausing] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const next = series.nextStartsAt ? formatOptionTime(series.nextStartsAt, currentLocale(), viewerZone) : null;
  // Two series may share a title; the next date tells their buttons apart.
  const name = next ? `${series.title} (${next})` : series.title;

  async function resume() {
    setPending(true);
    setProblem(null);
    try {
      const { meetings } = await schedulingApi.resumeSeries(series.seriesId);
      queryClient.setQueryData<{ meetings: MeetingListItem[] }>(schedulingKeys.meetings(groupId), (old) => (old ? { meetings: mergeMeetings(old.meetings, meetings) } : old));
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.meetings(groupId) });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mine });
      announce(t("scheduling.series.resumed", { title: series.title }));
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  return (
    <li className="series-row">
      <p className="series-row__text">
        <strong>{series.title}</strong>
        {next && (
          <>
            {" · "}
            {t("scheduling.series.next", { time: next })}
          </>
        )}
        {" · "}
        {t("scheduling.series.upcoming", { count: series.upcoming })}
        {series.paused > 0 && (
          <>
            {" · "}
            <span className="badge meeting-status meeting-status--paused">{t("scheduling.series.paused", { count: series.paused })}</span>
          </>
        )}
      </p>
      <div className="button-row button-row--tight">
        <Button className="button button--secondary button--small" aria-label={`${t("scheduling.series.pause")}: ${name}`} onPress={() => setPausing(true)}>
          {t("scheduling.series.pause")}
        </Button>
        {series.paused > 0 && (
          <Button
            className="button button--secondary button--small"
            isPending={pending}
            aria-label={`${t("scheduling.series.resume")}: ${name}`}
            onPress={() => void resume()}
          >
            {t("scheduling.series.resume")}
          </Button>
        )}
      </div>
      <FormAlert problem={problem} />
      {pausing && (
        <PauseSeriesDialog
          groupId={groupId}
          seriesId={series.seriesId}
          title={series.title}
          firstDate={zonedDate(series.nextStartsAt ?? new Date().toISOString(), viewerZone)}
          isOpen={pausing}
          onOpenChange={setPausing}
        />
      )}
    </li>
  );
}

/** Tells screen reader users about polls opened or closed by someone else while they are on the page. */
function usePollAnnouncements(polls: readonly SchedulingPoll[] | undefined) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef<readonly SchedulingPoll[] | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = polls;
    if (!before || !polls) return;
    const known = new Map(before.map((poll) => [poll.id, poll]));
    for (const poll of polls) {
      const old = known.get(poll.id);
      if (!old) announce(t("scheduling.announce.pollOpened", { title: poll.title }));
      else if (old.status === "open" && poll.status === "closed") announce(t("scheduling.announce.pollClosed", { title: poll.title }));
    }
  }, [polls, announce, t]);
}

const CLOSED_POLLS_SHOWN = 3;
/** A long series would push the polls far down: the rest of the upcoming meetings open on request. */
const UPCOMING_SHOWN = 4;

/**
 * The group's meetings on its page: what is coming up, the open scheduling polls to answer, and for
 * facilitators the ways to propose times, plan a meeting or a series, and pause a series for a break.
 */
export function MeetingsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const viewerZone = viewerTimeZone();
  const canManage = group.myMembership.role === "facilitator" && group.phase !== "ended";
  const meetings = useQuery({ queryKey: schedulingKeys.meetings(group.id), queryFn: () => schedulingApi.meetings(group.id) });
  const polls = useQuery({ queryKey: schedulingKeys.polls(group.id), queryFn: () => schedulingApi.polls(group.id) });
  const [dialog, setDialog] = useState<"poll" | "plan" | null>(null);
  const [focusMeetingId, setFocusMeetingId] = useState<string | null>(null);
  const [showAllUpcoming, setShowAllUpcoming] = useState(false);
  usePollAnnouncements(polls.data?.polls);

  function focusNewMeeting(meetingId: string) {
    // The new meeting may be past the first few: show them all so it can take focus.
    setShowAllUpcoming(true);
    setFocusMeetingId(meetingId);
  }

  // A closed poll leaves the open ones (and its dialog with it): focus goes to the meeting it made
  // once that is in the list, rather than being lost.
  useEffect(() => {
    if (!focusMeetingId) return;
    const link = document.getElementById(`meeting-link-${focusMeetingId}`);
    link?.focus();
    // While the dialog is still open it keeps focus inside; this runs again when the poll list changes.
    if (link && document.activeElement === link) setFocusMeetingId(null);
  }, [focusMeetingId, meetings.data, polls.data]);

  const now = Date.now();
  const all = meetings.data?.meetings ?? [];
  const upcoming = all.filter((meeting) => isUpcoming(meeting, now));
  const past = all.filter((meeting) => !isUpcoming(meeting, now) && meeting.status !== "cancelled").reverse();
  const series = canManage ? seriesStates(all, now) : [];
  const openPolls = polls.data?.polls.filter((poll) => poll.status === "open") ?? [];
  const closedPolls = polls.data?.polls.filter((poll) => poll.status === "closed").slice(0, CLOSED_POLLS_SHOWN) ?? [];

  return (
    <section className="card meetings-section" aria-labelledby="meetings-heading" id="meetings">
      <div className="section-header">
        <h2 id="meetings-heading">{t("scheduling.title")}</h2>
        {canManage && (
          <div className="button-row button-row--tight">
            <Button className="button button--primary" onPress={() => setDialog("poll")}>
              {t("scheduling.newPoll.open")}
            </Button>
            <Button className="button button--secondary" onPress={() => setDialog("plan")}>
              {t("scheduling.plan.open")}
            </Button>
          </div>
        )}
      </div>

      <h3 className="subsection-title">{t("scheduling.upcomingTitle")}</h3>
      {meetings.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : meetings.isError ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, meetings.error)}
        </p>
      ) : upcoming.length === 0 ? (
        <p className="muted">{canManage ? t("scheduling.noneUpcomingFacilitator") : t("scheduling.noneUpcoming")}</p>
      ) : (
        <>
          <ul className="meeting-list" id="upcoming-meetings-list">
            {(showAllUpcoming ? upcoming : upcoming.slice(0, UPCOMING_SHOWN)).map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} viewerZone={viewerZone} />
            ))}
          </ul>
          {upcoming.length > UPCOMING_SHOWN && (
            <Button
              className="button button--link"
              aria-expanded={showAllUpcoming}
              aria-controls="upcoming-meetings-list"
              onPress={() => setShowAllUpcoming(!showAllUpcoming)}
            >
              {showAllUpcoming ? t("scheduling.showFewer") : t("scheduling.showAll", { count: upcoming.length })}
            </Button>
          )}
        </>
      )}

      {series.length > 0 && (
        <>
          <h3 className="subsection-title">{t("scheduling.series.title")}</h3>
          <p className="muted">{t("scheduling.series.lead")}</p>
          <ul className="series-list">
            {series.map((state) => (
              <SeriesRow key={state.seriesId} groupId={group.id} series={state} viewerZone={viewerZone} />
            ))}
          </ul>
        </>
      )}

      {(openPolls.length > 0 || polls.isError) && (
        <>
          <h3 className="subsection-title">{t("scheduling.pollsTitle")}</h3>
          {polls.isError && (
            <p className="form-alert" role="alert">
              {errorMessage(t, polls.error)}
            </p>
          )}
          {openPolls.map((poll) => (
            <PollCard key={poll.id} poll={poll} myUserId={user.id} canManage={canManage} viewerZone={viewerZone} onClosed={focusNewMeeting} />
          ))}
        </>
      )}

      {(past.length > 0 || closedPolls.length > 0) && (
        <details className="meetings-section__past">
          <summary>{t("scheduling.pastTitle", { count: past.length })}</summary>
          {past.length > 0 && (
            <ul className="meeting-list meeting-list--past">
              {past.map((meeting) => (
                <MeetingRow key={meeting.id} meeting={meeting} viewerZone={viewerZone} />
              ))}
            </ul>
          )}
          {closedPolls.length > 0 && (
            <>
              <h3 className="subsection-title">{t("scheduling.closedPollsTitle")}</h3>
              {closedPolls.map((poll) => (
                <PollCard key={poll.id} poll={poll} myUserId={user.id} canManage={false} viewerZone={viewerZone} />
              ))}
            </>
          )}
        </details>
      )}

      {dialog === "poll" && <NewPollDialog group={group} viewerZone={viewerZone} isOpen onOpenChange={(open) => setDialog(open ? "poll" : null)} />}
      {dialog === "plan" && <PlanMeetingDialog group={group} viewerZone={viewerZone} isOpen onOpenChange={(open) => setDialog(open ? "plan" : null)} />}
    </section>
  );
}
