import type { MeetingListItem, PollAnswer, PollOption, SchedulingPoll } from "../../../shared/schemas/meetings";

// Pure rules of the scheduling views: no React, so they are unit-tested directly.

/** Best first: the most yes answers, then the most "if need be", then the fewest no, then the earliest. */
export function rankPollOptions(options: readonly PollOption[]): PollOption[] {
  return [...options].sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.no - b.no || a.startsAt.localeCompare(b.startsAt));
}

export interface PollSummary {
  /** How many members have answered at least one option. */
  respondents: number;
  /** The options to mark best; none until someone can come to at least one option. */
  bestIds: Set<string>;
  /** The largest number of people who can come (yes or if need be) to any option, for bar lengths. */
  mostAvailable: number;
}

/**
 * What the poll's table highlights. The server decides which options are best; an option nobody can
 * come to is never shown as best, even when every option ties at zero.
 */
export function summarisePoll(poll: SchedulingPoll): PollSummary {
  const respondents = poll.responses.filter((response) => Object.keys(response.answers).length > 0).length;
  const bestIds = new Set(poll.options.filter((option) => option.best && option.yes + option.maybe > 0).map((option) => option.id));
  const mostAvailable = Math.max(0, ...poll.options.map((option) => option.yes + option.maybe));
  return { respondents, bestIds, mostAvailable };
}

/** My saved answers, by option id. */
export function myAnswers(poll: SchedulingPoll, userId: string): Record<string, PollAnswer> {
  return { ...(poll.responses.find((response) => response.userId === userId)?.answers ?? {}) };
}

/** The answers in the draft that differ from what is saved, in the poll's option order. */
export function changedAnswers(
  poll: SchedulingPoll,
  draft: Readonly<Record<string, PollAnswer>>,
  saved: Readonly<Record<string, PollAnswer>>,
): { optionId: string; answer: PollAnswer }[] {
  return poll.options.flatMap((option) => {
    const answer = draft[option.id];
    return answer && answer !== saved[option.id] ? [{ optionId: option.id, answer }] : [];
  });
}

/** A meeting still to come or going on now (paused occurrences of a series included, to show the break). */
export function isUpcoming(meeting: MeetingListItem, now: number): boolean {
  if (meeting.status === "ended" || meeting.status === "cancelled") return false;
  if (meeting.status === "live") return true;
  return new Date(meeting.startsAt).getTime() + meeting.durationMinutes * 60_000 > now;
}

export interface SeriesState {
  seriesId: string;
  title: string;
  /** Occurrences still to come, paused ones included. */
  upcoming: number;
  paused: number;
  /** The first occurrence still to come, for the default break dates. */
  nextStartsAt: string | null;
}

/** The series among the group's meetings, each with how many of its occurrences are still to come or paused. */
export function seriesStates(meetings: readonly MeetingListItem[], now: number): SeriesState[] {
  const bySeries = new Map<string, SeriesState>();
  for (const meeting of meetings) {
    if (!meeting.seriesId) continue;
    let state = bySeries.get(meeting.seriesId);
    if (!state) {
      state = { seriesId: meeting.seriesId, title: meeting.title, upcoming: 0, paused: 0, nextStartsAt: null };
      bySeries.set(meeting.seriesId, state);
    }
    if (!isUpcoming(meeting, now)) continue;
    state.upcoming += 1;
    if (meeting.status === "paused") state.paused += 1;
    if (meeting.status !== "paused" && (state.nextStartsAt === null || meeting.startsAt < state.nextStartsAt)) state.nextStartsAt = meeting.startsAt;
  }
  return [...bySeries.values()].filter((state) => state.upcoming > 0);
}

/**
 * The group's meetings with some replaced by newer copies (pausing or resuming answers only the
 * series' meetings), in start order.
 */
export function mergeMeetings(current: readonly MeetingListItem[], changed: readonly MeetingListItem[]): MeetingListItem[] {
  const byId = new Map(current.map((meeting) => [meeting.id, meeting]));
  for (const meeting of changed) byId.set(meeting.id, meeting);
  return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Puts a poll into its group's list: replaced where it was, or first (the list is newest first). */
export function withPoll(polls: readonly SchedulingPoll[], poll: SchedulingPoll): SchedulingPoll[] {
  return polls.some((listed) => listed.id === poll.id) ? polls.map((listed) => (listed.id === poll.id ? poll : listed)) : [poll, ...polls];
}
