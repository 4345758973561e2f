import ical, { ICalEventStatus } from "ical-generator";

/** What a calendar needs of a meeting or a gathering. */
export interface CalendarEntry {
  id: string;
  title: string;
  /** Whose it is, shown after the title: the group's or the programme's name. */
  ownerName: string;
  startsAt: string;
  durationMinutes: number;
  location: string;
  videoUrl: string | null;
  cancelled: boolean;
  /** The page in Piiri. */
  url: string;
}

/**
 * An iCalendar file of meetings and gatherings. Each keeps its id as the event UID, so a calendar that
 * imported it earlier updates the event (moved, cancelled) instead of adding a second one. Times are
 * written in UTC, which every calendar converts to its own zone.
 */
export function piiriCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: "Piiri", product: "Piiri", language: "FI" } });
  for (const entry of entries) {
    const start = new Date(entry.startsAt);
    calendar.createEvent({
      id: `${entry.id}@piiri`,
      start,
      end: new Date(start.getTime() + entry.durationMinutes * 60_000),
      summary: `${entry.title} (${entry.ownerName})`,
      location: entry.location || entry.videoUrl || null,
      url: entry.videoUrl ?? entry.url,
      description: [entry.videoUrl, entry.url].filter(Boolean).join("\n"),
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
