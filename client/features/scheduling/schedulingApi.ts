import type { AnswerPollInput, CreateMeetingInput, CreatePollInput } from "../../../shared/schemas/meetings";
import { requestFile, requestNoContent } from "../../lib/api";
import { fetchMeetingParsed } from "../methods/methodsApi";

const seg = encodeURIComponent;
const groupPath = (groupId: string) => `/api/groups/${seg(groupId)}`;
const pollPath = (pollId: string) => `/api/polls/${seg(pollId)}`;
const seriesPath = (seriesId: string) => `/api/series/${seg(seriesId)}`;

/** Scheduling polls, planned meetings and series, calendar files and my calendar feed. */
export const schedulingApi = {
  polls: (groupId: string) => fetchMeetingParsed(`${groupPath(groupId)}/polls`, (s) => s.PollList),
  createPoll: (groupId: string, input: CreatePollInput) =>
    fetchMeetingParsed(`${groupPath(groupId)}/polls`, (s) => s.PollResponseBody, { method: "POST", body: input }),
  answerPoll: (pollId: string, input: AnswerPollInput) =>
    fetchMeetingParsed(`${pollPath(pollId)}/answers`, (s) => s.PollResponseBody, { method: "PUT", body: input }),
  closePoll: (pollId: string, optionId: string) =>
    fetchMeetingParsed(`${pollPath(pollId)}/close`, (s) => s.PollResponseBody.extend({ meeting: s.Meeting }), { method: "POST", body: { optionId } }),

  meetings: (groupId: string) => fetchMeetingParsed(`${groupPath(groupId)}/meetings`, (s) => s.MeetingList),
  createMeeting: (groupId: string, input: CreateMeetingInput) =>
    fetchMeetingParsed(`${groupPath(groupId)}/meetings`, (s) => s.MeetingResponse, { method: "POST", body: input }),
  pauseSeries: (seriesId: string, from: string, until: string) =>
    fetchMeetingParsed(`${seriesPath(seriesId)}/pause`, (s) => s.MeetingList, { method: "POST", body: { from, until } }),
  resumeSeries: (seriesId: string) => fetchMeetingParsed(`${seriesPath(seriesId)}/resume`, (s) => s.MeetingList, { method: "POST" }),

  myMeetings: () => fetchMeetingParsed("/api/me/meetings", (s) => s.MyMeetingList),
  ics: (meetingId: string) => requestFile(`/api/meetings/${seg(meetingId)}/ics`),

  calendarFeed: () => fetchMeetingParsed("/api/me/calendar-feed", (s) => s.CalendarFeed),
  /** A new secret address; the previous one stops working. */
  renewCalendarFeed: () => fetchMeetingParsed("/api/me/calendar-feed", (s) => s.CalendarFeed, { method: "POST" }),
  revokeCalendarFeed: () => requestNoContent("/api/me/calendar-feed", { method: "DELETE" }),
};
