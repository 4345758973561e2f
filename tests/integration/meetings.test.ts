import fc from "fast-check";
import pino from "pino";
import ical, { type CalendarComponent, type VEvent } from "node-ical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { remainingMs } from "../../shared/meetingClock";
import { Meeting, MeetingList, MeetingSummary, MethodCardList, SchedulingPoll, type RoomState } from "../../shared/schemas/meetings";
import { createPiiriServer, type PiiriServer } from "../../server/server";
import { expectStatus, groupWithMember, type GroupFixture } from "../support/groups";
import { signedInClient } from "../support/http";
import { connectSocket, nextEvent as next, type TestSocket } from "../support/sockets";
import { startTestServer, TEST_JWT_SECRET, type TestServer } from "../support/testServer";

let server: TestServer;
const open: TestSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});
afterAll(async () => {
  await server?.close();
});

async function connect(token: string | undefined, url = server.url): Promise<TestSocket> {
  const socket = await connectSocket(url, token);
  open.push(socket);
  return socket;
}


/** The events of an iCalendar file, as a calendar application's parser reads them. */
function calendarEvents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => (entry as CalendarComponent | undefined)?.type === "VEVENT");
}

/** A group with a facilitator and two members who accepted the agreement, and two goals. */
async function groupOfThree(): Promise<GroupFixture & { second: Awaited<ReturnType<typeof signedInClient>> }> {
  const fixture = await groupWithMember(server.url, { goalCount: 2 });
  const second = await signedInClient(server.url);
  await expectStatus(second.client.post(`/api/invitations/${fixture.invitationToken}/accept`, { acceptAgreement: true }), 200);
  return { ...fixture, second };
}

/** A method card of the group's own, added by its facilitator. */
function groupOwnCard(fixture: GroupFixture, title: string) {
  return expectStatus(
    fixture.facilitator.client.post<{ card: { id: string } }>("/api/method-cards", {
      groupId: fixture.groupId,
      phase: "sharing",
      title,
      purpose: "Vain tälle ryhmälle",
      groupSize: { min: 2, max: 8 },
      durationMinutes: { min: 10, max: 20 },
      steps: [{ minutes: 10, text: "Tehkää" }],
    }),
    201,
  );
}

async function planMeeting(fixture: GroupFixture, body: Record<string, unknown> = {}) {
  const { meeting } = await expectStatus(
    fixture.facilitator.client.post<{ meeting: Meeting }>(`/api/groups/${fixture.groupId}/meetings`, {
      title: "Kuukausitapaaminen",
      startsAt: "2027-02-02T17:00:00+02:00",
      durationMinutes: 90,
      timeZone: "Europe/Helsinki",
      videoUrl: "https://meet.example.fi/piiri",
      ...body,
    }),
    201,
  );
  return Meeting.parse(meeting);
}

describe("scheduling polls", () => {
  it("collects yes / if need be / no answers live, marks the best time and turns it into a meeting", async () => {
    const fixture = await groupOfThree();
    const memberSocket = await connect(fixture.member.client.accessToken);
    const created = await fixture.facilitator.client.post<{ poll: SchedulingPoll }>(`/api/groups/${fixture.groupId}/polls`, {
      title: "Helmikuun tapaaminen",
      durationMinutes: 60,
      timeZone: "Europe/Helsinki",
      // Proposed in Helsinki time; the answers below come from someone in New York.
      options: ["2027-02-02T17:00:00+02:00", "2027-02-03T09:00:00+02:00", "2027-02-04T17:00:00+02:00"],
    });
    expect(created.status).toBe(201);
    const poll = SchedulingPoll.parse(created.body.poll);
    expect(poll.options.map((option) => option.startsAt)).toEqual(["2027-02-02T15:00:00.000Z", "2027-02-03T07:00:00.000Z", "2027-02-04T15:00:00.000Z"]);
    const [tuesday, wednesday, thursday] = poll.options.map((option) => option.id);

    const pushed = next(memberSocket, "poll:updated", (payload) => payload.poll.responses.length === 1);
    await expectStatus(
      fixture.member.client.request("PUT", `/api/polls/${poll.id}/answers`, {
        json: { answers: [{ optionId: tuesday, answer: "yes" }, { optionId: wednesday, answer: "no" }, { optionId: thursday, answer: "maybe" }] },
      }),
      200,
    );
    expect((await pushed).poll.options.map((option) => [option.yes, option.maybe, option.no])).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    const answered = await expectStatus(
      fixture.second.client.request<{ poll: SchedulingPoll }>("PUT", `/api/polls/${poll.id}/answers`, {
        json: { answers: [{ optionId: tuesday, answer: "maybe" }, { optionId: thursday, answer: "yes" }] },
      }),
      200,
    );
    // Both can come on Tuesday and Thursday; one firm yes each, so both are best.
    expect(answered.poll.options.filter((option) => option.best).map((option) => option.id)).toEqual([tuesday, thursday]);
    // Changing an answer replaces it.
    const changed = await expectStatus(
      fixture.second.client.request<{ poll: SchedulingPoll }>("PUT", `/api/polls/${poll.id}/answers`, { json: { answers: [{ optionId: tuesday, answer: "yes" }] } }),
      200,
    );
    expect(changed.poll.options.filter((option) => option.best).map((option) => option.id)).toEqual([tuesday]);
    expect(changed.poll.responses.find((response) => response.userId === fixture.second.user.id)?.answers).toEqual({ [tuesday!]: "yes", [thursday!]: "yes" });

    const memberClose = await fixture.member.client.post<{ error: { code: string } }>(`/api/polls/${poll.id}/close`, { optionId: tuesday });
    expect([memberClose.status, memberClose.body.error.code]).toEqual([403, "forbidden"]);

    const meetingsPushed = next(memberSocket, "meetings:updated", (payload) => payload.meetings.length === 1);
    const closed = await expectStatus(fixture.facilitator.client.post<{ poll: SchedulingPoll; meeting: Meeting }>(`/api/polls/${poll.id}/close`, { optionId: tuesday }), 200);
    expect(closed.poll.status).toBe("closed");
    expect(closed.poll.meetingId).toBe(closed.meeting.id);
    expect(closed.poll.chosenOptionId).toBe(tuesday);
    expect(closed.meeting.startsAt).toBe("2027-02-02T15:00:00.000Z");
    // Every meeting opens with a check-in and the group's goals, and ends with a check-out.
    expect(closed.meeting.agenda.map((block) => block.kind)).toEqual(["check_in", "goal_review", "method", "check_out"]);
    expect((await meetingsPushed).meetings[0]!.id).toBe(closed.meeting.id);

    const late = await fixture.member.client.request<{ error: { code: string } }>("PUT", `/api/polls/${poll.id}/answers`, { json: { answers: [{ optionId: tuesday, answer: "no" }] } });
    expect([late.status, late.body.error.code]).toEqual([409, "poll_closed"]);
    const again = await fixture.facilitator.client.post<{ error: { code: string } }>(`/api/polls/${poll.id}/close`, { optionId: thursday });
    expect([again.status, again.body.error.code]).toEqual([409, "poll_closed"]);
  });

  it("refuses answers to times of another poll, unknown answers and bad time zones with clear errors", async () => {
    const fixture = await groupWithMember(server.url);
    const first = await expectStatus(
      fixture.facilitator.client.post<{ poll: SchedulingPoll }>(`/api/groups/${fixture.groupId}/polls`, { title: "A", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-03-01T10:00:00Z"] }),
      201,
    );
    const second = await expectStatus(
      fixture.facilitator.client.post<{ poll: SchedulingPoll }>(`/api/groups/${fixture.groupId}/polls`, { title: "B", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-03-02T10:00:00Z"] }),
      201,
    );
    const foreign = await fixture.member.client.request<{ error: { code: string } }>("PUT", `/api/polls/${first.poll.id}/answers`, {
      json: { answers: [{ optionId: second.poll.options[0]!.id, answer: "yes" }] },
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([400, "validation_failed"]);
    const unknownAnswer = await fixture.member.client.request<{ error: { code: string } }>("PUT", `/api/polls/${first.poll.id}/answers`, {
      json: { answers: [{ optionId: first.poll.options[0]!.id, answer: "perhaps" }] },
    });
    expect(unknownAnswer.status).toBe(400);
    for (const body of [
      { title: "C", durationMinutes: 60, timeZone: "Mars/Olympus", options: ["2027-03-01T10:00:00Z"] },
      { title: "C", durationMinutes: 60, timeZone: "Europe/Helsinki", options: [] },
      { title: "C", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["ensi tiistaina"] },
      { title: "", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-03-01T10:00:00Z"] },
      { title: "C", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-03-01T10:00:00Z"], videoUrl: "javascript:alert(1)" },
    ]) {
      const response = await fixture.facilitator.client.post<{ error: { code: string } }>(`/api/groups/${fixture.groupId}/polls`, body);
      expect([response.status, response.body.error.code], JSON.stringify(body)).toEqual([400, "validation_failed"]);
    }
    const byMember = await fixture.member.client.post(`/api/groups/${fixture.groupId}/polls`, { title: "D", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-03-01T10:00:00Z"] });
    expect(byMember.status).toBe(403);
  });
});

describe("meetings and series", () => {
  it("plans a monthly series on the first Tuesday, pauses it for the summer without losing meetings, and resumes it", async () => {
    const fixture = await groupWithMember(server.url);
    const first = await planMeeting(fixture, { startsAt: "2027-04-06T17:00:00+03:00", repeat: { kind: "monthly_weekday", count: 5 } });
    expect(first.seriesId).not.toBeNull();
    const listed = MeetingList.parse((await fixture.member.client.get(`/api/groups/${fixture.groupId}/meetings`)).body).meetings;
    expect(listed.map((meeting) => meeting.startsAt)).toEqual([
      "2027-04-06T14:00:00.000Z",
      "2027-05-04T14:00:00.000Z",
      "2027-06-01T14:00:00.000Z",
      "2027-07-06T14:00:00.000Z",
      "2027-08-03T14:00:00.000Z",
    ]);
    expect(new Set(listed.map((meeting) => meeting.conversationId)).size).toBe(5);

    const paused = MeetingList.parse(
      (await expectStatus(fixture.facilitator.client.post(`/api/series/${first.seriesId}/pause`, { from: "2027-06-01", until: "2027-07-31" }), 200)),
    ).meetings;
    expect(paused.map((meeting) => [meeting.startsAt.slice(0, 10), meeting.status])).toEqual([
      ["2027-04-06", "scheduled"],
      ["2027-05-04", "scheduled"],
      ["2027-06-01", "paused"],
      ["2027-07-06", "paused"],
      ["2027-08-03", "scheduled"],
      ["2027-09-07", "scheduled"],
      ["2027-10-05", "scheduled"],
    ]);
    // The arc keeps its five meetings that will be held.
    expect(paused.filter((meeting) => meeting.status === "scheduled")).toHaveLength(5);

    const resumed = MeetingList.parse((await expectStatus(fixture.facilitator.client.post(`/api/series/${first.seriesId}/resume`), 200))).meetings;
    expect(resumed.map((meeting) => [meeting.startsAt.slice(0, 10), meeting.status])).toEqual(listed.map((meeting) => [meeting.startsAt.slice(0, 10), "scheduled"]));

    const byMember = await fixture.member.client.post(`/api/series/${first.seriesId}/pause`, { from: "2027-06-01", until: "2027-07-31" });
    expect(byMember.status).toBe(403);
    const backwards = await fixture.facilitator.client.post(`/api/series/${first.seriesId}/pause`, { from: "2027-07-31", until: "2027-06-01" });
    expect(backwards.status).toBe(400);
  });

  it("serves a meeting as an .ics file a calendar parser reads, at the right instant", async () => {
    const fixture = await groupWithMember(server.url);
    const meeting = await planMeeting(fixture, { location: "Kouvolan työpaja" });
    const response = await fetch(`${server.url}/api/meetings/${meeting.id}/ics`, { headers: { authorization: `Bearer ${fixture.member.client.accessToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const events = calendarEvents(await response.text());
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.start.toISOString()).toBe("2027-02-02T15:00:00.000Z");
    expect(event.end?.toISOString()).toBe("2027-02-02T16:30:00.000Z");
    expect(event.uid).toBe(`${meeting.id}@piiri`);
    expect(String(event.location)).toBe("Kouvolan työpaja");
  });

  it("keeps a personal calendar feed behind a secret address that can be renewed and turned off", async () => {
    const fixture = await groupWithMember(server.url);
    await planMeeting(fixture, { title: "Ensimmäinen" });
    await planMeeting(fixture, { title: "Toinen", startsAt: "2027-03-02T17:00:00+02:00" });
    expect((await fixture.member.client.get<{ url: string | null }>("/api/me/calendar-feed")).body.url).toBeNull();
    const { url } = await expectStatus(fixture.member.client.post<{ url: string }>("/api/me/calendar-feed"), 200);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const summaries = calendarEvents(await feed.text()).map((event) => String(event.summary));
    expect(summaries).toEqual(["Ensimmäinen (Projektipäälliköt)", "Toinen (Projektipäälliköt)"]);

    const renewed = await expectStatus(fixture.member.client.post<{ url: string }>("/api/me/calendar-feed"), 200);
    expect(renewed.url).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(renewed.url)).status).toBe(200);
    await expectStatus(fixture.member.client.delete("/api/me/calendar-feed"), 204);
    expect((await fetch(renewed.url)).status).toBe(404);
    expect((await fetch(`${server.url}/api/calendar/not-a-token`)).status).toBe(400);
  });

  it("lets the meeting's facilitator edit the agenda with method cards the group can use, and nobody else", async () => {
    const fixture = await groupWithMember(server.url);
    const other = await groupWithMember(server.url, { name: "Toinen ryhmä" });
    const meeting = await planMeeting(fixture);
    const cards = MethodCardList.parse((await fixture.member.client.get(`/api/method-cards?phase=sharing&groupId=${fixture.groupId}`)).body).cards;
    const otherCard = await groupOwnCard(other, "Toisen ryhmän oma");
    const blocks = [
      { kind: "check_in", minutes: 10 },
      { kind: "goal_review", minutes: 15 },
      { kind: "method", minutes: 45, methodCardId: cards[0]!.id },
      { kind: "check_out", minutes: 10 },
    ];
    const byMember = await fixture.member.client.request("PUT", `/api/meetings/${meeting.id}/agenda`, { json: { blocks } });
    expect(byMember.status).toBe(403);
    const foreignCard = await fixture.facilitator.client.request<{ error: { code: string } }>("PUT", `/api/meetings/${meeting.id}/agenda`, {
      json: { blocks: [{ kind: "method", minutes: 10, methodCardId: otherCard.card.id }] },
    });
    expect([foreignCard.status, foreignCard.body.error.code]).toEqual([400, "validation_failed"]);
    const empty = await fixture.facilitator.client.request("PUT", `/api/meetings/${meeting.id}/agenda`, { json: { blocks: [] } });
    expect(empty.status).toBe(400);

    // The role rotates: a member facilitating this meeting may plan it.
    await expectStatus(fixture.facilitator.client.patch(`/api/meetings/${meeting.id}`, { facilitatorId: fixture.member.user.id }), 200);
    const saved = await expectStatus(fixture.member.client.request<{ meeting: Meeting }>("PUT", `/api/meetings/${meeting.id}/agenda`, { json: { blocks } }), 200);
    expect(saved.meeting.agenda.map((block) => [block.kind, block.minutes, block.methodCardId])).toEqual([
      ["check_in", 10, null],
      ["goal_review", 15, null],
      ["method", 45, cards[0]!.id],
      ["check_out", 10, null],
    ]);
    // An empty change changes nothing, and says so without an error.
    await expectStatus(fixture.facilitator.client.patch(`/api/meetings/${meeting.id}`, {}), 200);
    const stranger = await fixture.facilitator.client.patch<{ error: { code: string } }>(`/api/meetings/${meeting.id}`, { facilitatorId: other.member.user.id });
    expect([stranger.status, stranger.body.error.code]).toEqual([400, "validation_failed"]);
  });
});

describe("agenda templates", () => {
  it("starts a programme's groups' meetings from the agenda its coordinators set", async () => {
    const coordinator = await signedInClient(server.url);
    const facilitator = await signedInClient(server.url);
    const { programme } = await expectStatus(
      coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: "Ohjelma", template: "verme_year" }),
      201,
    );
    const { group } = await expectStatus(
      coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programme.id}/groups`, { name: "Ohjelman ryhmä", kind: "peer_mentoring" }),
      201,
    );
    await expectStatus(coordinator.client.post(`/api/programmes/${programme.id}/groups/${group.id}/facilitators`, { email: facilitator.user.email }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${group.id}/agreement/accept`, {}), 200);

    const [fishbowl] = MethodCardList.parse((await coordinator.client.get(`/api/method-cards?q=${encodeURIComponent("kalamalja")}`)).body).cards;
    const blocks = [
      { kind: "check_in", minutes: 15 },
      { kind: "goal_review", minutes: 20 },
      { kind: "method", minutes: 40, methodCardId: fishbowl!.id, notes: "Koko ohjelman yhteinen teema" },
      { kind: "check_out", minutes: 15 },
    ];
    const outsider = await signedInClient(server.url);
    expect((await outsider.client.request("PUT", `/api/programmes/${programme.id}/agenda-template`, { json: { blocks } })).status).toBe(404);
    expect((await facilitator.client.request("PUT", `/api/programmes/${programme.id}/agenda-template`, { json: { blocks } })).status).toBe(404);
    const other = await groupWithMember(server.url);
    const groupCard = await groupOwnCard(other, "Vain yhden ryhmän");
    const foreign = await coordinator.client.request("PUT", `/api/programmes/${programme.id}/agenda-template`, { json: { blocks: [{ kind: "method", minutes: 10, methodCardId: groupCard.card.id }] } });
    expect(foreign.status).toBe(400);
    const saved = await expectStatus(coordinator.client.request<{ blocks: unknown[] }>("PUT", `/api/programmes/${programme.id}/agenda-template`, { json: { blocks } }), 200);
    expect(saved.blocks).toHaveLength(4);

    const meeting = await expectStatus(
      facilitator.client.post<{ meeting: Meeting }>(`/api/groups/${group.id}/meetings`, { title: "Ensimmäinen", startsAt: "2027-02-02T17:00:00+02:00", durationMinutes: 90 }),
      201,
    );
    expect(meeting.meeting.agenda.map((block) => [block.kind, block.minutes, block.methodCardId, block.notes])).toEqual([
      ["check_in", 15, null, ""],
      ["goal_review", 20, null, ""],
      ["method", 40, fishbowl!.id, "Koko ohjelman yhteinen teema"],
      ["check_out", 15, null, ""],
    ]);
    await expectStatus(coordinator.client.request("PUT", `/api/programmes/${programme.id}/agenda-template`, { json: { blocks: null } }), 200);
    expect((await coordinator.client.get<{ blocks: unknown }>(`/api/programmes/${programme.id}/agenda-template`)).body.blocks).toBeNull();
  });
});

describe("the live meeting room", () => {
  it("runs check-in round, goal review and a timed method block that every participant sees alike, and sums it up", async () => {
    const fixture = await groupOfThree();
    const meeting = await planMeeting(fixture);
    const facilitatorSocket = await connect(fixture.facilitator.client.accessToken);
    const memberSocket = await connect(fixture.member.client.accessToken);
    const secondSocket = await connect(fixture.second.client.accessToken);

    for (const socket of [facilitatorSocket, memberSocket, secondSocket]) {
      const joined = await socket.emitWithAck("meeting:join", { meetingId: meeting.id });
      expect(joined.ok).toBe(true);
    }
    const control = (socket: TestSocket, body: Parameters<typeof socket.emitWithAck<"meeting:control">>[1]["control"]) =>
      socket.emitWithAck("meeting:control", { meetingId: meeting.id, control: body });

    const refused = await control(memberSocket, { type: "start" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const memberSeesStart = next(memberSocket, "meeting:updated", (payload) => payload.status === "live");
    const started = await control(facilitatorSocket, { type: "start" });
    expect(started.ok).toBe(true);
    const pushed = await memberSeesStart;
    expect(pushed.room.blockIndex).toBe(0);
    expect(pushed.room.present.map((person) => person.userId).sort()).toEqual([fixture.facilitator.user.id, fixture.member.user.id, fixture.second.user.id].sort());

    // Check-in: a speaking round over everyone present, with a hand raised during it joining the end.
    const round = await control(facilitatorSocket, { type: "round", op: "start" });
    if (!round.ok) throw new Error(round.error.message);
    expect(round.room.round?.order).toHaveLength(3);
    const turn = await control(facilitatorSocket, { type: "round", op: "next" });
    expect(turn.ok && turn.room.round?.index).toBe(1);
    await control(facilitatorSocket, { type: "round", op: "end" });
    const hand = await secondSocket.emitWithAck("meeting:hand", { meetingId: meeting.id, raised: true });
    expect(hand.ok && hand.room.hands).toEqual([fixture.second.user.id]);

    // Goal review: the goal board's check-ins, tied to this meeting.
    await control(facilitatorSocket, { type: "next" });
    for (const [index, goal] of fixture.goals.entries()) {
      const checkIn = await memberSocket.emitWithAck("goal:checkIn", { groupId: fixture.groupId, goalId: goal.id, checkIn: { progress: 3 + index, comment: "Edistyy", meetingId: meeting.id } });
      expect(checkIn.ok).toBe(true);
    }
    const other = await groupWithMember(server.url, { name: "Muu" });
    const otherMeeting = await planMeeting(other);
    const foreignReview = await memberSocket.emitWithAck("goal:checkIn", { groupId: fixture.groupId, goalId: fixture.goals[0]!.id, checkIn: { progress: 2, meetingId: otherMeeting.id } });
    expect(foreignReview).toMatchObject({ ok: false, error: { code: "not_found" } });

    // The method block: the timer runs from stored timestamps, the same for everyone.
    await control(facilitatorSocket, { type: "next" });
    const memberSeesTimer = next(memberSocket, "meeting:updated", (payload) => payload.room.timer.startedAt !== null);
    const secondSeesTimer = next(secondSocket, "meeting:updated", (payload) => payload.room.timer.startedAt !== null);
    const timer = await control(facilitatorSocket, { type: "timer", op: "start" });
    if (!timer.ok) throw new Error(timer.error.message);
    const [memberRoom, secondRoom] = [(await memberSeesTimer).room, (await secondSeesTimer).room];
    const remainingAt = (room: RoomState, now: Date) =>
      remainingMs({ durationMs: room.timer.durationMs, startedAt: room.timer.startedAt ? new Date(room.timer.startedAt) : null, pausedAt: room.timer.pausedAt ? new Date(room.timer.pausedAt) : null }, now);
    const now = new Date();
    expect(remainingAt(memberRoom, now)).toBe(remainingAt(secondRoom, now));
    expect(memberRoom.timer.durationMs).toBe(meeting.agenda[2]!.minutes * 60_000);
    const extended = await control(facilitatorSocket, { type: "extend", minutes: 5 });
    expect(extended.ok && extended.room.timer.durationMs).toBe((meeting.agenda[2]!.minutes + 5) * 60_000);
    const paused = await control(facilitatorSocket, { type: "timer", op: "pause" });
    expect(paused.ok && paused.room.timer.pausedAt).not.toBeNull();

    // A second server node on the same database derives the same room, timer included.
    const secondNode: PiiriServer = createPiiriServer({ database: server.database, jwtSecret: TEST_JWT_SECRET, logger: pino({ level: "silent" }) });
    const secondUrl = await secondNode.listen(0);
    try {
      const elsewhere = await connect(fixture.second.client.accessToken, secondUrl);
      const rejoined = await elsewhere.emitWithAck("meeting:join", { meetingId: meeting.id });
      if (!rejoined.ok) throw new Error(rejoined.error.message);
      expect(rejoined.meeting.room.timer).toEqual(paused.ok && paused.room.timer);
      expect(rejoined.meeting.room.blockIndex).toBe(2);
      elsewhere.close();
    } finally {
      await secondNode.close();
    }

    const handOver = await control(facilitatorSocket, { type: "handOver", userId: fixture.member.user.id });
    expect(handOver.ok).toBe(true);
    expect((await control(memberSocket, { type: "next" })).ok).toBe(true);
    const ended = await control(memberSocket, { type: "end" });
    expect(ended.ok).toBe(true);
    expect(await control(memberSocket, { type: "timer", op: "start" })).toMatchObject({ ok: false, error: { code: "meeting_not_live" } });

    await expectStatus(fixture.facilitator.client.post(`/api/meetings/${meeting.id}/items`, { kind: "decision", text: "Kokeillaan kalamaljaa ensi kerralla" }), 201);
    await expectStatus(
      fixture.member.client.post(`/api/meetings/${meeting.id}/items`, { kind: "action", text: "Kutsu vierailija", ownerId: fixture.second.user.id, dueOn: "2027-02-20" }),
      201,
    );
    const { summary } = await expectStatus(fixture.second.client.get<{ summary: MeetingSummary }>(`/api/meetings/${meeting.id}/summary`), 200);
    const parsed = MeetingSummary.parse(summary);
    expect(parsed.meeting.status).toBe("ended");
    expect(parsed.attendance.map((person) => person.userId).sort()).toEqual([fixture.facilitator.user.id, fixture.member.user.id, fixture.second.user.id].sort());
    expect(parsed.checkIns.map((checkIn) => [checkIn.goalTitle, checkIn.progress])).toEqual([
      ["Tavoite 1", 3],
      ["Tavoite 2", 4],
    ]);
    expect(parsed.items.map((item) => [item.kind, item.text, item.ownerName])).toEqual([
      ["decision", "Kokeillaan kalamaljaa ensi kerralla", null],
      ["action", "Kutsu vierailija", fixture.second.user.displayName],
    ]);
    // Starting the meeting gave it a minutes page in the group's notebook.
    const detail = Meeting.parse((await fixture.member.client.get<{ meeting: Meeting }>(`/api/meetings/${meeting.id}`)).body.meeting);
    const pages = await fixture.member.client.get<{ pages: { id: string; title: string }[] }>(`/api/groups/${fixture.groupId}/notes`);
    expect(pages.body.pages.find((page) => page.id === detail.minutesPageId)?.title).toBe("Kuukausitapaaminen 2.2.2027");
  });

  it("answers malformed and foreign room events with clear errors and shows outsiders nothing", async () => {
    const fixture = await groupWithMember(server.url);
    const meeting = await planMeeting(fixture);
    const outsiderGroup = await groupWithMember(server.url, { name: "Ulkopuoliset" });
    const outsider = await connect(outsiderGroup.member.client.accessToken);
    const facilitator = await connect(fixture.facilitator.client.accessToken);
    const seen: unknown[] = [];
    outsider.on("meeting:updated", (payload) => seen.push(payload));

    for (const event of ["meeting:join", "meeting:leave"] as const) {
      expect(await outsider.emitWithAck(event, { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await outsider.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "start" } })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await outsider.emitWithAck("meeting:hand", { meetingId: meeting.id, raised: true })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await outsiderGroup.member.client.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await outsiderGroup.member.client.get(`/api/meetings/${meeting.id}/summary`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/meetings/${meeting.id}/ics`, { headers: { authorization: `Bearer ${outsiderGroup.member.client.accessToken}` } })).status).toBe(404);

    await facilitator.emitWithAck("meeting:join", { meetingId: meeting.id });
    const bad: unknown[] = [
      undefined,
      "start",
      { meetingId: "not-a-uuid", control: { type: "start" } },
      { meetingId: meeting.id, control: { type: "teleport" } },
      { meetingId: meeting.id, control: { type: "extend", minutes: 0 } },
      { meetingId: meeting.id, control: { type: "goto", blockIndex: -1 } },
      { meetingId: meeting.id, control: { type: "extend", minutes: "5" } },
    ];
    for (const payload of bad) {
      const answer = await (facilitator.emitWithAck as (event: string, payload: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)("meeting:control", payload);
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    }
    expect(await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "next" } })).toMatchObject({ ok: false, error: { code: "meeting_not_live" } });
    await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "start" } });
    expect(await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "goto", blockIndex: 20 } })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(seen).toEqual([]);
  });

  it("never breaks on arbitrary room payloads from a participant, and the room stays the facilitator's", async () => {
    const fixture = await groupWithMember(server.url);
    const meeting = await planMeeting(fixture);
    const facilitator = await connect(fixture.facilitator.client.accessToken);
    const member = await connect(fixture.member.client.accessToken);
    await facilitator.emitWithAck("meeting:join", { meetingId: meeting.id });
    await member.emitWithAck("meeting:join", { meetingId: meeting.id });
    await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "start" } });
    const raw = member as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> };
    const control = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom("start", "goto", "next", "previous", "step", "timer", "extend", "round", "handOver", "end", "x"), op: fc.anything(), minutes: fc.anything(), blockIndex: fc.anything(), step: fc.anything(), userId: fc.anything() }, { requiredKeys: ["type"] }),
    );
    const payload = fc.oneof(fc.anything(), fc.record({ meetingId: fc.oneof(fc.constant(meeting.id), fc.uuid(), fc.anything()), control, raised: fc.anything() }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("meeting:control", "meeting:hand", "meeting:join", "meeting:leave"), payload, async (event, body) => {
        const answer = await raw.emitWithAck(event, body);
        expect(typeof answer.ok).toBe("boolean");
        if (!answer.ok) expect(["validation_failed", "not_found", "forbidden", "meeting_not_live"]).toContain(answer.error?.code);
        if (event === "meeting:control") expect(answer.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
    // The member never took control: the room is where the facilitator left it, and still answers.
    const state = await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "step", step: 1 } });
    expect(state.ok && [state.room.blockIndex, state.room.step]).toEqual([0, 1]);
  });

  it("takes a removed member out of the room at once", async () => {
    const fixture = await groupOfThree();
    const meeting = await planMeeting(fixture);
    const facilitator = await connect(fixture.facilitator.client.accessToken);
    const member = await connect(fixture.member.client.accessToken);
    await facilitator.emitWithAck("meeting:join", { meetingId: meeting.id });
    await member.emitWithAck("meeting:join", { meetingId: meeting.id });
    const seenAfter: unknown[] = [];
    await expectStatus(fixture.facilitator.client.delete(`/api/groups/${fixture.groupId}/members/${fixture.member.user.id}`), 204);
    await new Promise((resolve) => setTimeout(resolve, 100));
    member.on("meeting:updated", (payload) => seenAfter.push(payload));
    await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "start" } });
    await facilitator.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "timer", op: "start" } });
    expect(seenAfter).toEqual([]);
    expect(await member.emitWithAck("meeting:hand", { meetingId: meeting.id, raised: true })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("method cards", () => {
  it("lists the built-in library, filters it, keeps favourites per person and a group's own cards inside the group", async () => {
    const fixture = await groupWithMember(server.url);
    const all = MethodCardList.parse((await fixture.member.client.get("/api/method-cards")).body).cards;
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.every((card) => card.scope === "built_in")).toBe(true);

    const opening = MethodCardList.parse((await fixture.member.client.get("/api/method-cards?phase=opening")).body).cards;
    expect(opening.length).toBeGreaterThanOrEqual(3);
    expect(opening.every((card) => card.phase === "opening")).toBe(true);
    const short = MethodCardList.parse((await fixture.member.client.get("/api/method-cards?maxMinutes=10&groupSize=4&virtual=true")).body).cards;
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((card) => card.durationMinutes.min <= 10 && card.groupSize.min <= 4 && card.groupSize.max >= 4 && card.virtualFriendly)).toBe(true);
    const search = MethodCardList.parse((await fixture.member.client.get(`/api/method-cards?q=${encodeURIComponent("vertaiskonsultaatio")}`)).body).cards;
    expect(search.map((card) => card.key)).toContain("peer_consultation");
    expect((await fixture.member.client.get("/api/method-cards?phase=lunch")).status).toBe(400);

    const card = all[0]!;
    await expectStatus(fixture.member.client.request("PUT", `/api/method-cards/${card.id}/favourite`, { json: { favourite: true } }), 200);
    const favourites = MethodCardList.parse((await fixture.member.client.get("/api/method-cards?favourites=true")).body).cards;
    expect(favourites.map((entry) => entry.id)).toEqual([card.id]);
    const othersFavourites = MethodCardList.parse((await fixture.facilitator.client.get("/api/method-cards?favourites=true")).body).cards;
    expect(othersFavourites).toEqual([]);

    const own = await expectStatus(
      fixture.facilitator.client.post<{ card: { id: string; scope: string; title: { fi: string; en: string } } }>("/api/method-cards", {
        groupId: fixture.groupId,
        phase: "reflection",
        title: "Meidän oma kierros",
        purpose: "Ryhmän oma tapa",
        groupSize: { min: 3, max: 10 },
        durationMinutes: { min: 10, max: 15 },
        steps: [{ minutes: 10, text: "Jokainen kertoo" }],
      }),
      201,
    );
    expect(own.card).toMatchObject({ scope: "group", title: { fi: "Meidän oma kierros", en: "Meidän oma kierros" } });
    expect((await fixture.member.client.post("/api/method-cards", { groupId: fixture.groupId, phase: "reflection", title: "x", purpose: "y", groupSize: { min: 1, max: 2 }, durationMinutes: { min: 1, max: 2 }, steps: [{ minutes: 1, text: "z" }] })).status).toBe(403);
    const inGroup = MethodCardList.parse((await fixture.member.client.get(`/api/method-cards?groupId=${fixture.groupId}&phase=reflection`)).body).cards;
    expect(inGroup.map((entry) => entry.id)).toContain(own.card.id);
    const withoutGroup = MethodCardList.parse((await fixture.member.client.get("/api/method-cards?phase=reflection")).body).cards;
    expect(withoutGroup.map((entry) => entry.id)).not.toContain(own.card.id);

    const outsider = await signedInClient(server.url);
    expect((await outsider.client.get(`/api/method-cards/${own.card.id}`)).status).toBe(404);
    expect((await outsider.client.get(`/api/method-cards?groupId=${fixture.groupId}`)).status).toBe(404);
    expect((await outsider.client.delete(`/api/method-cards/${own.card.id}`)).status).toBe(404);
    expect((await fixture.facilitator.client.delete(`/api/method-cards/${card.id}`)).status).toBe(403);
    const inverted = await fixture.facilitator.client.post("/api/method-cards", { groupId: fixture.groupId, phase: "reflection", title: "x", purpose: "y", groupSize: { min: 5, max: 2 }, durationMinutes: { min: 1, max: 2 }, steps: [{ minutes: 1, text: "z" }] });
    expect(inverted.status).toBe(400);
  });
});
