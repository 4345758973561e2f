import { DEFAULT_TIME_ZONE, type Locale } from "../../../shared/locales";
import { formatDateTime } from "../../lib/dates";

const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** The time zone this browser runs in; times are shown in it (Finland's when the browser will not say). */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** A time of day (`17.30`, `5:30 pm`) in the interface language and the browser's time zone. */
export function formatClock(date: Date, locale: Locale, timeZone: string = localTimeZone()): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { timeStyle: "short", timeZone }).format(date);
}

/** When a meeting is, from its start to its end: the date in full, then the two times. */
export function formatMeetingTime(startsAt: string, durationMinutes: number, locale: Locale, timeZone: string = localTimeZone()): string {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const day = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { dateStyle: "full", timeZone }).format(start);
  return `${day} ${formatClock(start, locale, timeZone)}–${formatClock(end, locale, timeZone)}`;
}

/** Only web addresses become links: a stored video link is a URL, but nothing else may be clicked open. */
export function safeWebUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A moment (someone joining the room, say) with date and time, in the browser's time zone. */
export function formatMoment(iso: string, locale: Locale): string {
  return formatDateTime(iso, locale, { timeZone: localTimeZone() });
}
