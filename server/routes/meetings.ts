import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Request } from "express";
import { z } from "zod";
import { GroupParams, ProgrammeParams } from "../../shared/schemas/groups";
import {
  AgendaTemplate,
  AnswerPollInput,
  CalendarFeed,
  CalendarFeedParams,
  ClosePollInput,
  CreateMeetingInput,
  CreateMeetingItemInput,
  CreatePollInput,
  MeetingItemParams,
  MeetingItemResponse,
  MeetingList,
  MeetingParams,
  MeetingResponse,
  MeetingSummaryResponse,
  MyMeetingList,
  PauseSeriesInput,
  PollList,
  PollParams,
  PollResponseBody,
  ReplaceAgendaInput,
  SeriesParams,
  UpdateMeetingInput,
} from "../../shared/schemas/meetings";
import {
  addMeetingItem,
  answerPoll,
  closePoll,
  createMeetings,
  createPoll,
  pauseSeries,
  removeMeetingItem,
  replaceAgenda,
  resumeSeries,
  seriesGroupId,
  setAgendaTemplate,
  updateMeeting,
} from "../commands/meetings";
import { stateToMarkdown } from "../commands/notes";
import {
  listCalendarMeetings,
  listGroupMeetings,
  listGroupPolls,
  listMeetingItems,
  listMyUpcomingMeetings,
  loadMeeting,
  loadMeetingSummary,
  loadPoll,
} from "../db/meetingQueries";
import { calendarFeeds, programmes, users } from "../db/schema";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { piiriCalendar, type CalendarEntry } from "../domain/calendar";
import { listMyGatherings } from "../db/gatheringQueries";
import type { MeetingListItem } from "../../shared/schemas/meetings";
import { gatheringEntry } from "./gatherings";
import { sendDownload } from "../http/download";
import { defineRoute, type AnyRoute } from "../http/route";
import { authorizeGroup, authorizeProgramme } from "../policies/groups";
import { authorizeMeeting, authorizeMeetingPlanning, authorizePoll } from "../policies/meetings";
import { errorResponses } from "./errorResponses";

const ClosePollResponse = z.object({ poll: PollResponseBody.shape.poll, meeting: MeetingResponse.shape.meeting }).meta({ id: "ClosePollResponse" });

/** A meeting in a calendar, under its group's name. */
function meetingEntry(meeting: MeetingListItem, groupName: string, baseUrl: string): CalendarEntry {
  return {
    id: meeting.id,
    title: meeting.title,
    ownerName: groupName,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    videoUrl: meeting.videoUrl,
    cancelled: meeting.status === "cancelled",
    url: `${baseUrl}/meetings/${meeting.id}`,
  };
}

function sendCalendar(res: import("express").Response, fileName: string, body: string): void {
  sendDownload(res, "text/calendar; charset=utf-8", fileName, body);
}

export function meetingRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "meetings";
  const baseUrl = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get("host")}`;

  const meetingOrThrow = async (meetingId: string) => {
    const meeting = await loadMeeting(db, meetingId, deps.meetings.presence);
    if (!meeting) throw new AppError("not_found", "No such meeting");
    return meeting;
  };
  const groupChanged = async (groupId: string) => deps.meetings.meetingsChanged(groupId);

  return [
    // ── Meetings ───────────────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/meetings",
      tag,
      summary: "The group's meetings, past and coming, by start time",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Meetings", schema: MeetingList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json({ meetings: await listGroupMeetings(db, params.groupId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/meetings",
      tag,
      summary: "Plan a meeting, or a series (weekly, or monthly on the same weekday); every one opens with a check-in and a goal review",
      auth: true,
      params: GroupParams,
      body: CreateMeetingInput,
      responses: { 201: { description: "The (first) meeting", schema: MeetingResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeMeetingPlanning(db, auth.userId, params.groupId);
        const meetingId = await createMeetings(db, auth.userId, params.groupId, body);
        await groupChanged(params.groupId);
        res.status(201).json({ meeting: await meetingOrThrow(meetingId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/meetings/:meetingId",
      tag,
      summary: "A meeting with its agenda and live room",
      auth: true,
      params: MeetingParams,
      responses: { 200: { description: "The meeting", schema: MeetingResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeMeeting(db, auth.userId, params.meetingId, "view");
        res.json({ meeting: await meetingOrThrow(params.meetingId) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/meetings/:meetingId",
      tag,
      summary: "Change a meeting's title, time, place, link or facilitator, or cancel it (its facilitator or the group's)",
      auth: true,
      params: MeetingParams,
      body: UpdateMeetingInput,
      responses: { 200: { description: "The meeting", schema: MeetingResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { meeting } = await authorizeMeeting(db, auth.userId, params.meetingId, "run");
        await updateMeeting(db, meeting, body);
        await groupChanged(meeting.groupId);
        res.json({ meeting: await meetingOrThrow(params.meetingId) });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/meetings/:meetingId/agenda",
      tag,
      summary: "Replace the agenda: timed blocks, each optionally from a method card",
      auth: true,
      params: MeetingParams,
      body: ReplaceAgendaInput,
      responses: { 200: { description: "The meeting", schema: MeetingResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { meeting, group } = await authorizeMeeting(db, auth.userId, params.meetingId, "run");
        await replaceAgenda(db, meeting, group.programmeId, body);
        const updated = await meetingOrThrow(params.meetingId);
        await deps.meetings.roomChanged({ ...meeting, blockIndex: updated.room.blockIndex, step: updated.room.step });
        res.json({ meeting: updated });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/meetings/:meetingId/ics",
      tag,
      summary: "The meeting as an iCalendar file",
      auth: true,
      params: MeetingParams,
      responses: { 200: { description: "text/calendar" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, req, res }) {
        const { group } = await authorizeMeeting(db, auth.userId, params.meetingId, "view");
        const meeting = await meetingOrThrow(params.meetingId);
        sendCalendar(res, "piiri-meeting.ics", piiriCalendar(meeting.title, [meetingEntry(meeting, group.name, baseUrl(req))]));
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/series/:seriesId/pause",
      tag,
      summary: "Pause a series for a break (e.g. summer): its meetings in the break pause and as many are added after its end",
      auth: true,
      params: SeriesParams,
      body: PauseSeriesInput,
      responses: { 200: { description: "The group's meetings", schema: MeetingList }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const groupId = await seriesGroupId(db, params.seriesId);
        if (!groupId) throw new AppError("not_found", "No such series");
        await authorizeMeetingPlanning(db, auth.userId, groupId);
        await pauseSeries(db, params.seriesId, auth.userId, body);
        await groupChanged(groupId);
        res.json({ meetings: await listGroupMeetings(db, groupId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/series/:seriesId/resume",
      tag,
      summary: "Lift a series' breaks: paused meetings come back and those added for the break go",
      auth: true,
      params: SeriesParams,
      responses: { 200: { description: "The group's meetings", schema: MeetingList }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        const groupId = await seriesGroupId(db, params.seriesId);
        if (!groupId) throw new AppError("not_found", "No such series");
        await authorizeMeetingPlanning(db, auth.userId, groupId);
        await resumeSeries(db, params.seriesId);
        await groupChanged(groupId);
        res.json({ meetings: await listGroupMeetings(db, groupId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/agenda-template",
      tag,
      summary: "The agenda the programme's groups' new meetings start from (coordinators)",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "Template", schema: AgendaTemplate }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json({ blocks: programme.agendaTemplate });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/programmes/:programmeId/agenda-template",
      tag,
      summary: "Set the programme's agenda template, or null for the built-in one (coordinators)",
      auth: true,
      params: ProgrammeParams,
      body: AgendaTemplate,
      responses: { 200: { description: "Template", schema: AgendaTemplate }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeProgramme(db, auth.userId, params.programmeId);
        await setAgendaTemplate(db, params.programmeId, body.blocks);
        const [programme] = await db.select({ blocks: programmes.agendaTemplate }).from(programmes).where(eq(programmes.id, params.programmeId));
        res.json({ blocks: programme?.blocks ?? null });
      },
    }),

    // ── Summary ────────────────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/meetings/:meetingId/summary",
      tag,
      summary: "Attendance, goal check-ins, decisions, action items and the minutes of a meeting",
      auth: true,
      params: MeetingParams,
      responses: { 200: { description: "Summary", schema: MeetingSummaryResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const { meeting } = await authorizeMeeting(db, auth.userId, params.meetingId, "view");
        const minutes = meeting.minutesPageId ? stateToMarkdown(await deps.notes.documents.currentState(meeting.minutesPageId)) : "";
        const summary = await loadMeetingSummary(db, params.meetingId, minutes);
        if (!summary) throw new AppError("not_found", "No such meeting");
        res.json({ summary });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/meetings/:meetingId/items",
      tag,
      summary: "Write down a decision or an action item (the meeting's facilitator or the group's)",
      auth: true,
      params: MeetingParams,
      body: CreateMeetingItemInput,
      responses: { 201: { description: "The item", schema: MeetingItemResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { meeting } = await authorizeMeeting(db, auth.userId, params.meetingId, "run");
        const itemId = await addMeetingItem(db, meeting, auth.userId, body);
        const [item] = await listMeetingItems(db, meeting.id, itemId);
        res.status(201).json({ item });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/meetings/:meetingId/items/:itemId",
      tag,
      summary: "Remove a decision or action item",
      auth: true,
      params: MeetingItemParams,
      responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        await authorizeMeeting(db, auth.userId, params.meetingId, "run");
        await removeMeetingItem(db, params.meetingId, params.itemId);
        res.status(204).end();
      },
    }),

    // ── Scheduling polls ───────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/polls",
      tag,
      summary: "The group's scheduling polls, newest first, with everyone's answers",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Polls", schema: PollList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json({ polls: await listGroupPolls(db, params.groupId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/polls",
      tag,
      summary: "Propose candidate times for a meeting (facilitators)",
      auth: true,
      params: GroupParams,
      body: CreatePollInput,
      responses: { 201: { description: "The poll", schema: PollResponseBody }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeMeetingPlanning(db, auth.userId, params.groupId);
        const pollId = await createPoll(db, auth.userId, params.groupId, body);
        await deps.meetings.pollChanged(pollId);
        res.status(201).json({ poll: await loadPoll(db, pollId) });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/polls/:pollId/answers",
      tag,
      summary: "Answer candidate times: yes, if need be, or no",
      auth: true,
      params: PollParams,
      body: AnswerPollInput,
      responses: { 200: { description: "The poll", schema: PollResponseBody }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizePoll(db, auth.userId, params.pollId, "answer");
        await answerPoll(db, params.pollId, auth.userId, body);
        await deps.meetings.pollChanged(params.pollId);
        res.json({ poll: await loadPoll(db, params.pollId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/polls/:pollId/close",
      tag,
      summary: "Close the poll on one of its times, which plans the meeting (facilitators)",
      auth: true,
      params: PollParams,
      body: ClosePollInput,
      responses: { 200: { description: "The poll and its meeting", schema: ClosePollResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { poll } = await authorizePoll(db, auth.userId, params.pollId, "close");
        const meetingId = await closePoll(db, params.pollId, auth.userId, body.optionId);
        await Promise.all([deps.meetings.pollChanged(params.pollId), groupChanged(poll.groupId)]);
        res.json({ poll: await loadPoll(db, params.pollId), meeting: await meetingOrThrow(meetingId) });
      },
    }),

    // ── My meetings and calendar ───────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/me/meetings",
      tag,
      summary: "My coming meetings in all my groups",
      auth: true,
      responses: { 200: { description: "Meetings", schema: MyMeetingList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ meetings: await listMyUpcomingMeetings(db, auth.userId, new Date()) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/me/calendar-feed",
      tag,
      summary: "My personal calendar feed's address, if I have one",
      auth: true,
      responses: { 200: { description: "Feed", schema: CalendarFeed }, ...errorResponses(401) },
      async handle({ auth, req, res }) {
        const [feed] = await db.select({ token: calendarFeeds.token }).from(calendarFeeds).where(eq(calendarFeeds.userId, auth.userId));
        res.json({ url: feed ? `${baseUrl(req)}/api/calendar/${feed.token}.ics` : null });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/me/calendar-feed",
      tag,
      summary: "Make a new secret calendar feed address; the old one stops working",
      auth: true,
      responses: { 200: { description: "Feed", schema: CalendarFeed }, ...errorResponses(401) },
      async handle({ auth, req, res }) {
        const token = randomBytes(24).toString("base64url");
        await db
          .insert(calendarFeeds)
          .values({ userId: auth.userId, token })
          .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } });
        res.json({ url: `${baseUrl(req)}/api/calendar/${token}.ics` });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/me/calendar-feed",
      tag,
      summary: "Turn my calendar feed off",
      auth: true,
      responses: { 204: { description: "Off" }, ...errorResponses(401) },
      async handle({ auth, res }) {
        await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, auth.userId));
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/calendar/:token",
      tag,
      summary: "A personal calendar feed (the secret address is the key; no sign-in, so calendar apps can subscribe)",
      auth: false,
      params: CalendarFeedParams,
      responses: { 200: { description: "text/calendar" }, ...errorResponses(400, 404) },
      async handle({ params, req, res }) {
        const token = params.token.slice(0, -".ics".length);
        const [feed] = await db
          .select({ userId: calendarFeeds.userId, displayName: users.displayName })
          .from(calendarFeeds)
          .innerJoin(users, eq(users.id, calendarFeeds.userId))
          .where(eq(calendarFeeds.token, token));
        if (!feed) throw new AppError("not_found", "No such calendar feed");
        const base = baseUrl(req);
        const [meetings, gatherings] = await Promise.all([listCalendarMeetings(db, feed.userId), listMyGatherings(db, feed.userId, { when: "all" })]);
        const entries = [...meetings.map((meeting) => meetingEntry(meeting, meeting.groupName, base)), ...gatherings.map((gathering) => gatheringEntry(gathering, base))];
        sendCalendar(res, "piiri.ics", piiriCalendar(`Piiri – ${feed.displayName}`, entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt))));
      },
    }),
  ];
}

