import { DateTime } from "luxon";
import { MEETING } from "../../shared/limits";
import type { AgendaBlockInput, AgendaBlockKind, PollAnswer } from "../../shared/schemas/meetings";
import { AppError } from "./appError";

/**
 * Meeting rules as pure functions: when the occurrences of a series fall, which poll options are best,
 * what a new meeting's agenda holds, who may run the room, and how a break shifts a series.
 */

export type RepeatKind = "weekly" | "monthly_weekday";

export interface Repeat {
  kind: RepeatKind;
  interval: number;
}

/**
 * The start of the n-th occurrence (0 = the first) of a series, in the series' own time zone, so a
 * monthly meeting at 17:00 in Helsinki stays at 17:00 across daylight-saving changes.
 * `monthly_weekday` keeps the weekday and its week of the month ("first Tuesday"); a fifth weekday that
 * a month lacks falls back to that month's last one.
 */
export function occurrenceStart(first: Date, timeZone: string, repeat: Repeat, n: number): Date {
  const start = DateTime.fromJSDate(first, { zone: timeZone });
  if (repeat.kind === "weekly") return start.plus({ weeks: n * repeat.interval }).toJSDate();
  const weekOfMonth = Math.ceil(start.day / 7);
  const month = start.startOf("month").plus({ months: n * repeat.interval });
  const firstSameWeekday = month.plus({ days: (start.weekday - month.weekday + 7) % 7 });
  let day = firstSameWeekday.plus({ weeks: weekOfMonth - 1 });
  if (day.month !== month.month) day = day.minus({ weeks: 1 });
  return day.set({ hour: start.hour, minute: start.minute, second: 0, millisecond: 0 }).toJSDate();
}

export function seriesStarts(first: Date, timeZone: string, repeat: Repeat, count: number, skip = 0): Date[] {
  return Array.from({ length: count }, (_, index) => occurrenceStart(first, timeZone, repeat, skip + index));
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a zone: breaks are given as dates. */
export function localDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/**
 * A break in a series (e.g. the summer): occurrences whose local date falls in [from, until] pause, and
 * as many are added after the series' last one, so the process keeps its number of meetings.
 */
export function occurrencesInBreak<T extends { startsAt: Date; status: string }>(
  occurrences: readonly T[],
  timeZone: string,
  from: string,
  until: string,
): T[] {
  return occurrences.filter((meeting) => {
    if (meeting.status !== "scheduled") return false;
    const day = localDate(meeting.startsAt, timeZone);
    return day >= from && day <= until;
  });
}

export interface PollTally {
  optionId: string;
  yes: number;
  maybe: number;
  no: number;
}

/** Counts answers per option; options nobody answered count zero. */
export function tallyPoll(optionIds: readonly string[], votes: readonly { optionId: string; answer: PollAnswer }[]): PollTally[] {
  const tallies = new Map(optionIds.map((optionId) => [optionId, { optionId, yes: 0, maybe: 0, no: 0 }]));
  for (const vote of votes) {
    const tally = tallies.get(vote.optionId);
    if (tally) tally[vote.answer] += 1;
  }
  return [...tallies.values()];
}

/**
 * The best options: most people able to come (yes or if need be), then most firm yeses. Several may tie;
 * with no answers at all, none is best.
 */
export function bestOptionIds(tallies: readonly PollTally[]): Set<string> {
  const score = (tally: PollTally) => [tally.yes + tally.maybe, tally.yes] as const;
  let best: readonly [number, number] = [0, 0];
  for (const tally of tallies) {
    const [available, firm] = score(tally);
    if (available > best[0] || (available === best[0] && firm > best[1])) best = [available, firm];
  }
  if (best[0] === 0) return new Set();
  return new Set(tallies.filter((tally) => score(tally)[0] === best[0] && score(tally)[1] === best[1]).map((tally) => tally.optionId));
}

/**
 * Seed 004's first tip as an agenda: every meeting opens with a check-in and a review of the group's
 * goals, and ends with a check-out. The working part fills what time is left.
 */
export function defaultAgenda(durationMinutes: number): Required<Omit<AgendaBlockInput, "methodCardId">>[] {
  const checkIn = Math.min(10, Math.max(5, Math.round(durationMinutes * 0.1)));
  const goalReview = Math.min(20, Math.max(5, Math.round(durationMinutes * 0.15)));
  const checkOut = Math.min(10, Math.max(5, Math.round(durationMinutes * 0.08)));
  const work = Math.max(5, durationMinutes - checkIn - goalReview - checkOut);
  const block = (kind: AgendaBlockKind, minutes: number) => ({ kind, minutes, title: "", notes: "" });
  return [block("check_in", checkIn), block("goal_review", goalReview), block("method", work), block("check_out", checkOut)];
}

export function assertAgendaFits(blocks: readonly { minutes: number }[]): void {
  const total = blocks.reduce((sum, block) => sum + block.minutes, 0);
  if (total > MEETING.durationMaxMinutes) {
    throw new AppError("validation_failed", `An agenda lasts at most ${MEETING.durationMaxMinutes} minutes`);
  }
}

export type MeetingRole = "facilitator" | "participant";

/**
 * Who runs a meeting: its own facilitator (the role may rotate to any member) and the group's
 * facilitators, who can always step in.
 */
export function meetingRole(userId: string, meetingFacilitatorId: string | null, groupRole: string): MeetingRole {
  return userId === meetingFacilitatorId || groupRole === "facilitator" ? "facilitator" : "participant";
}

/** Meetings that are over or called off are history: their room no longer changes. */
export function assertMeetingOpen(status: string): void {
  if (status === "ended" || status === "cancelled" || status === "paused") {
    throw new AppError("meeting_not_live", status === "ended" ? "This meeting has ended" : "This meeting is not taking place");
  }
}

/** A speaking round goes through the people present in the order they arrived; hands join the end. */
export function speakingOrder(presentUserIds: readonly string[], hands: readonly string[]): string[] {
  const order = [...new Set(presentUserIds)];
  for (const userId of hands) if (!order.includes(userId)) order.push(userId);
  return order;
}
