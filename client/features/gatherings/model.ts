import type { Locale } from "../../../shared/locales";
import type { Gathering, GatheringSummary, RsvpAnswer } from "../../../shared/schemas/gatherings";
import { formatDateTime } from "../../lib/dates";
import { formatClock } from "../meetings/format";
import { isoToZonedInput, timeZoneName, zonedInputToIso } from "../scheduling/time";

// Pure rules of the gathering views: no React, no DOM, so they are testable in any zone.

const pad = (value: number) => String(Math.floor(value)).padStart(2, "0");

/**
 * A `datetime-local` value (`2026-06-02T13:00`) in the given zone as ISO 8601 with that zone's offset
 * at that moment (`2026-06-02T13:00:00+03:00`), so what is sent says which wall clock it was entered
 * on. A time skipped by a spring-forward change moves forward by the gap, as calendars do. Null for
 * text that is not such a time.
 */
export function zonedInputToOffsetIso(value: string, timeZone: string): string | null {
  const instant = zonedInputToIso(value, timeZone);
  if (!instant) return null;
  const wall = isoToZonedInput(instant, timeZone);
  const [date, time] = wall.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute) - new Date(instant).getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `${wall}:00${sign}${pad(absolute / 60)}:${pad(absolute % 60)}`;
}

/** When the gathering ends. */
export function gatheringEnd(gathering: Pick<GatheringSummary, "startsAt" | "durationMinutes">): Date {
  return new Date(new Date(gathering.startsAt).getTime() + gathering.durationMinutes * 60_000);
}

/** Still to come (or going on now) and not cancelled. */
export function isComing(gathering: Pick<GatheringSummary, "startsAt" | "durationMinutes" | "status">, now: number): boolean {
  return gathering.status !== "cancelled" && gathering.status !== "ended" && gatheringEnd(gathering).getTime() >= now;
}

/** Whether I answer whether I come: members of invited groups do (a host may be one too), and only while it is coming. */
export function canAnswer(gathering: Pick<Gathering, "canRsvp" | "status">): boolean {
  return gathering.canRsvp && (gathering.status === "scheduled" || gathering.status === "live");
}

/** Symbols that tell the answers apart without colour; always paired with the answer's words. */
export const RSVP_SYMBOLS: Record<RsvpAnswer, string> = { yes: "✓", maybe: "?", no: "✗" };

/**
 * When a gathering is, in the viewer's own zone: the date in full with its start and end times. The
 * zone is named when it is not the gathering's own, so someone abroad knows the time is converted.
 */
export function formatGatheringTime(
  gathering: Pick<GatheringSummary, "startsAt" | "durationMinutes" | "timeZone">,
  locale: Locale,
  viewerZone: string,
): string {
  const start = formatDateTime(gathering.startsAt, locale, { dateStyle: "full", timeStyle: "short", timeZone: viewerZone });
  const end = formatClock(gatheringEnd(gathering), locale, viewerZone);
  const when = `${start}–${end}`;
  return viewerZone === gathering.timeZone ? when : `${when} (${timeZoneName(viewerZone, locale, gathering.startsAt)})`;
}
