import type { Locale } from "../../../shared/locales";
import { DEFAULT_TIME_ZONE } from "../../../shared/locales";

const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** A calendar date (`YYYY-MM-DD`, no time of day) as the interface language writes it. */
export function formatCalendarDate(date: string, locale: Locale): string {
  // Read as midnight UTC and printed in UTC, so no time zone can move it to the previous day.
  return new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The day of an ISO timestamp in Finland's time zone, e.g. for when a check-in was recorded. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { dateStyle: "medium", timeZone: DEFAULT_TIME_ZONE }).format(new Date(iso));
}

/** Today's date in Finland as `YYYY-MM-DD`, the earliest sensible target or resume date. */
export function todayInFinland(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: DEFAULT_TIME_ZONE }).format(new Date());
}
