import type { Locale } from "../../../shared/locales";

// Pure time zone helpers for scheduling: no React, no DOM, so they are testable in any zone.

/** The viewer's own IANA time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone. */
function wallClock(epochMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) if (part.type !== "literal") fields[part.type] = Number(part.value);
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

/** How far the zone's clock is ahead of UTC at that instant, in milliseconds. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const clock = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  // The formatter drops milliseconds, so compare with the instant truncated to whole seconds.
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO 8601 in UTC) of a wall-clock time such as a `datetime-local` input's
 * `2026-06-02T10:00` in the given zone. A time skipped by a spring-forward change moves forward by
 * the gap (03:30 in Helsinki on that night becomes 04:30), as calendars do; a time that occurs twice
 * in autumn is the first of the two. Returns null for text that is not such a time.
 */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a day before and after bracket any change of the zone's clock. Trying the earlier
  // offset first picks the first of two occurrences of a doubled autumn time.
  const before = zoneOffsetMs(wallAsUtc - 86_400_000, timeZone);
  const after = zoneOffsetMs(wallAsUtc + 86_400_000, timeZone);
  for (const offset of [before, after]) {
    const candidate = wallAsUtc - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset) return new Date(candidate).toISOString();
  }
  // In the gap of a spring-forward change: neither offset reproduces the wall time.
  return new Date(wallAsUtc - before).toISOString();
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm`) showing an instant in the given zone. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const clock = wallClock(new Date(iso).getTime(), timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in the given zone. */
export function zonedDate(iso: string, timeZone: string): string {
  return isoToZonedInput(iso, timeZone).slice(0, 10);
}

const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

function zonePart(iso: string, timeZone: string, locale: Locale, style: "longGeneric" | "shortOffset"): string {
  const parts = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { timeZone, timeZoneName: style }).formatToParts(new Date(iso));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** The zone's everyday name in the interface language: "Itä-Euroopan aika", "Eastern Time". */
export function timeZoneName(timeZone: string, locale: Locale, at: string = new Date().toISOString()): string {
  return zonePart(at, timeZone, locale, "longGeneric");
}

/**
 * A zone named for people: "Itä-Euroopan aika (Europe/Helsinki, UTC+3)". The offset is the one in
 * force at `at`, as summer time changes it.
 */
export function describeTimeZone(timeZone: string, locale: Locale, at: string = new Date().toISOString()): string {
  return `${zonePart(at, timeZone, locale, "longGeneric")} (${timeZone.replaceAll("_", " ")}, ${zonePart(at, timeZone, locale, "shortOffset")})`;
}
