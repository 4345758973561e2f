import type { AgendaBlockInput, CreateMeetingItemInput, UpdateMeetingInput } from "../../../shared/schemas/meetings";
import { request, requestNoContent } from "../../lib/api";
import { fetchMeetingParsed } from "../methods/methodsApi";

const seg = encodeURIComponent;
const meetingPath = (meetingId: string) => `/api/meetings/${seg(meetingId)}`;

/** One meeting, its agenda and its summary; the meeting schemas load with the first of these requests. */
export const meetingsApi = {
  get: (meetingId: string) => fetchMeetingParsed(meetingPath(meetingId), (s) => s.MeetingResponse),
  update: (meetingId: string, input: UpdateMeetingInput) => fetchMeetingParsed(meetingPath(meetingId), (s) => s.MeetingResponse, { method: "PATCH", body: input }),
  replaceAgenda: (meetingId: string, blocks: AgendaBlockInput[]) =>
    fetchMeetingParsed(`${meetingPath(meetingId)}/agenda`, (s) => s.MeetingResponse, { method: "PUT", body: { blocks } }),
  summary: (meetingId: string) => fetchMeetingParsed(`${meetingPath(meetingId)}/summary`, (s) => s.MeetingSummaryResponse),
  addItem: (meetingId: string, input: CreateMeetingItemInput) =>
    fetchMeetingParsed(`${meetingPath(meetingId)}/items`, (s) => s.MeetingItemResponse, { method: "POST", body: input }),
  removeItem: (meetingId: string, itemId: string) => requestNoContent(`${meetingPath(meetingId)}/items/${seg(itemId)}`, { method: "DELETE" }),
  /** A goal check-in recorded in this meeting's goal review; it then appears in the meeting's summary. */
  checkIn: (groupId: string, goalId: string, input: { progress: number; comment: string; meetingId: string }) =>
    request(`/api/groups/${seg(groupId)}/goals/${seg(goalId)}/check-ins`, (s) => s.CheckInResponse, { method: "POST", body: input }),
};
