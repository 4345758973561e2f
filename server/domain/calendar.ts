import ical, { ICalEventStatus } from "ical-generator";
import type { MeetingListItem } from "../../shared/schemas/meetings";

export interface CalendarMeeting extends MeetingListItem {
  groupName: string;
}

/**
 * An iCalendar file of meetings. Each meeting keeps its id as the event UID, so a calendar that imported
 * it earlier updates the event (moved, cancelled) instead of adding a second one. Times are written in
 * UTC, which every calendar converts to its own zone.
 */
export function meetingsCalendar(name: string, meetings: readonly CalendarMeeting[], meetingUrl: (meetingId: string) => string | undefined): string {
  const calendar = ical({ name, prodId: { company: "Piiri", product: "Piiri", language: "FI" } });
  for (const meeting of meetings) {
    const start = new Date(meeting.startsAt);
    const link = meeting.videoUrl ?? meetingUrl(meeting.id);
    calendar.createEvent({
      id: `${meeting.id}@piiri`,
      start,
      end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
      summary: `${meeting.title} (${meeting.groupName})`,
      location: meeting.location || meeting.videoUrl || null,
      url: link ?? null,
      description: [meeting.videoUrl, meetingUrl(meeting.id)].filter(Boolean).join("\n") || null,
      status: meeting.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
