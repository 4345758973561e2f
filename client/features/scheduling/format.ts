import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/locales";
import type { MeetingListItem, PollAnswer } from "../../../shared/schemas/meetings";
import { formatDateTime } from "../../lib/dates";
import { timeZoneName } from "./time";

/**
 * When a meeting starts, in the viewer's own zone. The zone is named when it is not the meeting's
 * own, so someone abroad knows the time is already converted.
 */
export function formatMeetingStart(meeting: Pick<MeetingListItem, "startsAt" | "timeZone">, locale: Locale, viewerZone: string): string {
  const when = formatDateTime(meeting.startsAt, locale, { dateStyle: "full", timeStyle: "short", timeZone: viewerZone });
  return viewerZone === meeting.timeZone ? when : `${when} (${timeZoneName(viewerZone, locale, meeting.startsAt)})`;
}

export const answerLabel = (t: TFunction, answer: PollAnswer) => t(`scheduling.answers.${answer}`);

/** Symbols that tell the answers apart without colour; always paired with the answer's words. */
export const ANSWER_SYMBOLS: Record<PollAnswer, string> = { yes: "✓", maybe: "~", no: "✗" };

export const meetingStatusLabel = (t: TFunction, status: MeetingListItem["status"]) => t(`scheduling.statuses.${status}`);

/**
 * The weekday and its week of the month of a date (`YYYY-MM-DD`), as a monthly series repeats it:
 * 2026-06-02 is the first Tuesday. weekday is 0 for Sunday.
 */
export function monthlyWeekdayOf(date: string): { weekday: number; week: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { weekday, week: Math.ceil(day / 7) };
}

const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

const compactFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A poll option's time, short enough for a table row yet with its weekday ("ti 12. tammik. klo 17.00"),
 * in the given zone. The year is written only when it is not the current one.
 */
export function formatOptionTime(iso: string, locale: Locale, timeZone: string, now: Date = new Date()): string {
  const withYear = zonedYear(iso, timeZone) !== zonedYear(now.toISOString(), timeZone);
  const key = `${locale}|${timeZone}|${withYear}`;
  let formatter = compactFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(withYear ? { year: "numeric" } : {}),
      hour: "numeric",
      minute: "2-digit",
    });
    compactFormatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

function zonedYear(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(new Date(iso));
}

/** The weekday's name in the interface language ("tiistai"), 0 being Sunday. */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2026-05-31 was a Sunday.
  return new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 4, 31 + weekday)));
}

/**
 * Text as a file name part in plain letters ("Kevään kohtaaminen" → "kevaan-kohtaaminen"), empty when
 * nothing is left: some systems and mail programs still mangle names with other characters.
 */
export function fileNameSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** A file name for a meeting's calendar file: its title in plain letters, or "meeting". */
export function icsFileName(title: string): string {
  return `${fileNameSlug(title) || "meeting"}.ics`;
}
