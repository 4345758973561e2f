import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTE_CLOSE } from "../../shared/notes";
import type { BreakoutRoom, Gathering } from "../../shared/schemas/gatherings";
import { send as sendMessage } from "../support/chat";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { handledSoFar, markdownOf, openNote, rawNoteSocket, ticketFor, updateFrame } from "../support/notes";
import { connectParticipant, createGathering, ok, programmeOfGroups as programmeOfGroupsAt, roomOf, until, type Participant, type Person } from "../support/gatherings";
import type { TestSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * A live gathering of three groups, every participant on a real socket.io-client connection and the
 * notes on the stock y-websocket provider: the plenary opens, breakouts are planned (mixing groups),
 * adjusted by hand and started; the assignment reaches everyone; each room's chat and notes stay in the
 * room; the host broadcasts and calls everyone back; the rooms' summaries are the report-back.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const programmeOfGroups = (count: number) => programmeOfGroupsAt(server.url, count);

const sockets: TestSocket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.close();
});

async function connect(person: Person, groupId: string): Promise<Participant> {
  const participant = await connectParticipant(server.url, person, groupId);
  sockets.push(participant.socket);
  return participant;
}

describe("a live gathering with breakout rooms", () => {
  it("mixes three groups into rooms, keeps each room's chat and notes in it, and brings everyone back", async () => {
    const { host, programmeId, groupIds, people } = await programmeOfGroups(3);
    const gathering = await createGathering(host, programmeId, groupIds);
    const gatheringId = gathering.id;

    const hostSide = await connect(host, "");
    const participants = await Promise.all(people.map(({ person, groupId }) => connect(person, groupId)));

    // Before the plenary opens, people may wait on the page; only a host opens it.
    ok(await hostSide.socket.emitWithAck("gathering:join", { gatheringId }));
    for (const participant of participants) ok(await participant.socket.emitWithAck("gathering:join", { gatheringId }));
    expect(await participants[0]!.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "start" } })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    const opened = ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "start" } })).live;
    expect(opened).toMatchObject({ status: "live", facilitatorId: host.user.id, room: { blockIndex: 0 } });
    expect(opened.room.present).toHaveLength(7);
    expect(opened.conversationId).not.toBeNull();
    expect(opened.minutesPageId).not.toBeNull();

    // The plenary chat reaches everyone on the page.
    const hello = await sendMessage(participants[1]!.socket, opened.conversationId!, "Hei kaikki, täällä Ryhmä 1!");
    for (const participant of [hostSide, ...participants]) {
      await expect.poll(() => participant.heard.some((message) => message.id === hello.id)).toBe(true);
    }

    // A draft split: two rooms of three, each mixing groups, nobody with only their own group.
    expect(await participants[0]!.socket.emitWithAck("breakout:plan", { gatheringId, roomSize: 3 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const planned = ok(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId, roomSize: 3, seed: 7 })).live;
    expect(planned.breakouts).toMatchObject({ round: 1, status: "draft" });
    const draftRooms = planned.breakouts!.rooms;
    expect(draftRooms.map((room) => room.members.length)).toEqual([3, 3]);
    for (const room of draftRooms) expect(new Set(room.members.map((member) => member.groupId)).size).toBeGreaterThanOrEqual(2);
    expect(draftRooms.flatMap((room) => room.members.map((member) => member.userId)).sort()).toEqual(people.map(({ person }) => person.user.id).sort());
    // The host is not put in a room.
    expect(roomOf(planned, host.user.id)).toBeUndefined();

    // Before starting, the host moves one person by hand; moving to a room that does not exist is refused.
    const moved = draftRooms[0]!.members[0]!;
    const afterMove = ok(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: moved.userId, roomNumber: 2 })).live;
    expect(roomOf(afterMove, moved.userId)?.number).toBe(2);
    expect(afterMove.breakouts!.rooms.map((room) => room.members.length)).toEqual([2, 4]);
    expect(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: moved.userId, roomNumber: 5 })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    ok(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: moved.userId, roomNumber: 1 }));

    // A planned room is not open yet: nobody writes in it.
    const draftMember = participants.find((participant) => participant.person.user.id === draftRooms[0]!.members[1]!.userId)!;
    expect(await sendMessage(draftMember.socket, draftRooms[0]!.conversationId, "liian aikaisin").catch((error: Error) => error.message)).toMatch(/gathering_not_live/);

    // Starting sends everyone their room: the assignment arrives on every participant's socket.
    ok(await hostSide.socket.emitWithAck("breakout:start", { gatheringId, minutes: 10 }));
    const assignment = new Map<string, BreakoutRoom>();
    for (const participant of participants) {
      const live = await until(participant, (state) => state.breakouts?.status === "open");
      const mine = roomOf(live, participant.person.user.id);
      expect(mine, participant.person.user.displayName).toBeDefined();
      expect(mine!.timer).toMatchObject({ durationMs: 10 * 60_000, pausedAt: null });
      assignment.set(participant.person.user.id, mine!);
    }
    const [roomOne, roomTwo] = afterMove.breakouts!.rooms.map((room) => room.id) as [string, string];
    const inRoom = (roomId: string) => participants.filter((participant) => assignment.get(participant.person.user.id)!.id === roomId);
    const [first, second] = [inRoom(roomOne), inRoom(roomTwo)];
    expect([first.length, second.length]).toEqual([3, 3]);
    const firstRoom = assignment.get(first[0]!.person.user.id)!;
    const secondRoom = assignment.get(second[0]!.person.user.id)!;

    // Each enters their own room; another room is closed to them as if it did not exist.
    for (const participant of participants) ok(await participant.socket.emitWithAck("breakout:join", { breakoutId: assignment.get(participant.person.user.id)!.id }));
    expect(await second[0]!.socket.emitWithAck("breakout:join", { breakoutId: firstRoom.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    ok(await hostSide.socket.emitWithAck("breakout:join", { breakoutId: firstRoom.id }));

    // Room one's chat reaches room one (and the host looking in), never room two.
    const secret = await sendMessage(first[0]!.socket, firstRoom.conversationId, `Huoneen 1 ajatus ${randomUUID()}`);
    const other = await sendMessage(second[0]!.socket, secondRoom.conversationId, "Huoneen 2 ajatus");
    for (const participant of [...first, hostSide]) await expect.poll(() => participant.heard.some((message) => message.id === secret.id)).toBe(true);
    for (const participant of second) await expect.poll(() => participant.heard.some((message) => message.id === other.id)).toBe(true);
    for (const participant of second) expect(participant.heard.some((message) => message.conversationId === firstRoom.conversationId)).toBe(false);
    for (const participant of first) expect(participant.heard.some((message) => message.conversationId === secondRoom.conversationId)).toBe(false);
    expect(await second[0]!.socket.emitWithAck("message:history", { conversationId: firstRoom.conversationId, limit: 50 })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await sendMessage(second[1]!.socket, firstRoom.conversationId, "kurkistus").catch((error: Error) => error.message)).toMatch(/not_found/);

    // Room one's notes: its people edit together; room two cannot even get a ticket for them.
    expect((await second[0]!.person.client.post(`/api/notes/${firstRoom.notesPageId}/ticket`)).status).toBe(404);
    expect((await second[0]!.person.client.get(`/api/notes/${firstRoom.notesPageId}/markdown`)).status).toBe(404);
    const writer = await openNote(server.url, first[0]!.person.client, firstRoom.notesPageId);
    const reader = await openNote(server.url, first[1]!.person.client, firstRoom.notesPageId);
    try {
      writer.doc.getText("probe").insert(0, "Yhteinen havainto");
      await expect.poll(() => reader.doc.getText("probe").toString()).toBe("Yhteinen havainto");
    } finally {
      writer.destroy();
      reader.destroy();
    }
    // A gathering's page stays with it: not renamed or deleted like a notebook page.
    expect((await first[0]!.person.client.patch(`/api/notes/${firstRoom.notesPageId}`, { title: "Oma" })).status).toBe(403);
    expect((await first[0]!.person.client.delete(`/api/notes/${firstRoom.notesPageId}`)).status).toBe(403);

    // The room runs its own timer; another room's people cannot touch it.
    const paused = ok(await first[1]!.socket.emitWithAck("breakout:timer", { breakoutId: firstRoom.id, op: "pause" })).room;
    expect(paused.timer.pausedAt).not.toBeNull();
    expect(await second[1]!.socket.emitWithAck("breakout:timer", { breakoutId: firstRoom.id, op: "resume" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const extended = ok(await first[1]!.socket.emitWithAck("breakout:timer", { breakoutId: firstRoom.id, op: "extend", minutes: 5 })).room;
    expect(extended.timer.durationMs).toBe(15 * 60_000);

    // The host's broadcast reaches every room.
    ok(await hostSide.socket.emitWithAck("gathering:broadcast", { gatheringId, text: "Viisi minuuttia aikaa!" }));
    for (const participant of participants) await until(participant, (live) => live.broadcast?.text === "Viisi minuuttia aikaa!");

    // The report-back: only the room's own people publish its summary.
    expect(await hostSide.socket.emitWithAck("breakout:summary", { breakoutId: firstRoom.id, text: "Isännän teksti" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await first[0]!.socket.emitWithAck("breakout:summary", { breakoutId: firstRoom.id, text: "   " })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    ok(await first[2]!.socket.emitWithAck("breakout:summary", { breakoutId: firstRoom.id, text: "Tavoitteiden katsaus kannattaa aloittaa aina." }));

    // Call-back: every participant is in the plenary again, and room chats no longer reach their sockets.
    expect(await participants[0]!.socket.emitWithAck("breakout:callBack", { gatheringId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    ok(await hostSide.socket.emitWithAck("breakout:callBack", { gatheringId }));
    for (const participant of participants) {
      const live = await until(participant, (state) => state.breakouts?.status === "closed");
      expect(live.room.present.map((person) => person.userId)).toContain(participant.person.user.id);
      expect(roomOf(live, participant.person.user.id)!.timer.pausedAt).not.toBeNull();
    }
    const heardBefore = first[1]!.heard.length;
    const late = await sendMessage(first[0]!.socket, firstRoom.conversationId, "Jälkikirjoitus");
    const plenaryAgain = await sendMessage(second[0]!.socket, opened.conversationId!, "Takaisin yhteisessä");
    await expect.poll(() => first[1]!.heard.some((message) => message.id === plenaryAgain.id)).toBe(true);
    expect(first[1]!.heard.slice(heardBefore).some((message) => message.id === late.id)).toBe(false);

    // Room two reports back after the call-back; both summaries are in the plenary for everyone.
    ok(await second[0]!.socket.emitWithAck("breakout:summary", { breakoutId: secondRoom.id, text: "Sovimme yhteisestä kokeilusta." }));
    const reported = await until(participants[5]!, (live) => live.reports.length === 2);
    expect(reported.reports.map((report) => [report.round, report.number, report.summary.text])).toEqual([
      [1, 1, "Tavoitteiden katsaus kannattaa aloittaa aina."],
      [1, 2, "Sovimme yhteisestä kokeilusta."],
    ]);
    expect(reported.reports[0]!.summary.byName).toBe(first[2]!.person.user.displayName);

    // A running gathering is not cancelled, nor its groups uninvited, from under its people; it is ended from its page.
    expect((await host.client.patch(`/api/gatherings/${gatheringId}`, { status: "cancelled" })).status).toBe(400);
    expect((await host.client.patch(`/api/gatherings/${gatheringId}`, { groupIds: [groupIds[0]] })).status).toBe(400);

    // The end: the gathering's chat is kept but no longer written in.
    const ended = ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "end" } })).live;
    expect(ended.status).toBe("ended");
    expect(await sendMessage(participants[0]!.socket, opened.conversationId!, "vielä yksi").catch((error: Error) => error.message)).toMatch(/gathering_not_live/);
    const history = ok(await participants[0]!.socket.emitWithAck("message:history", { conversationId: opened.conversationId!, limit: 50 }));
    expect(history.messages.map((message) => message.body)).toEqual(["Hei kaikki, täällä Ryhmä 1!", "Takaisin yhteisessä"]);
    const { gathering: after } = await expectStatus(participants[0]!.person.client.get<{ gathering: Gathering }>(`/api/gatherings/${gatheringId}`), 200);
    expect(after.status).toBe("ended");
  });

  it("keeps outsiders out of the live gathering, its plenary chat and its minutes", async () => {
    const { host, programmeId, groupIds, people } = await programmeOfGroups(2);
    const gathering = await createGathering(host, programmeId, [groupIds[0]!]);
    const hostSide = await connect(host, "");
    const invited = await connect(people[1]!.person, groupIds[0]!);
    // A member of a group of the same programme that was not invited, and a stranger.
    const uninvited = await connect(people[3]!.person, groupIds[1]!);
    const stranger = await connect(await signedInClient(server.url), "");

    const live = ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId: gathering.id, control: { type: "start" } })).live;
    const facilitator = await connect(people[0]!.person, groupIds[0]!);
    for (const participant of [invited, facilitator]) ok(await participant.socket.emitWithAck("gathering:join", { gatheringId: gathering.id }));
    ok(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId: gathering.id, roomSize: 2 }));
    const started = ok(await hostSide.socket.emitWithAck("breakout:start", { gatheringId: gathering.id, minutes: 5 })).live;
    const breakout = started.breakouts!.rooms[0]!;
    const gatheringId = gathering.id;
    const breakoutId = breakout.id;
    for (const outsider of [uninvited, stranger]) {
      for (const [event, payload] of [
        ["gathering:join", { gatheringId }],
        ["gathering:leave", { gatheringId }],
        ["gathering:control", { gatheringId, control: { type: "end" } }],
        ["gathering:hand", { gatheringId, raised: true }],
        ["gathering:broadcast", { gatheringId, text: "Hei" }],
        ["breakout:plan", { gatheringId, roomSize: 2 }],
        ["breakout:move", { gatheringId, userId: invited.person.user.id, roomNumber: 1 }],
        ["breakout:start", { gatheringId, minutes: 5 }],
        ["breakout:callBack", { gatheringId }],
        ["breakout:join", { breakoutId }],
        ["breakout:leave", { breakoutId }],
        ["breakout:timer", { breakoutId, op: "pause" }],
        ["breakout:summary", { breakoutId, text: "Ulkopuolisen yhteenveto" }],
        ["message:history", { conversationId: live.conversationId!, limit: 10 }],
        ["message:history", { conversationId: breakout.conversationId, limit: 10 }],
        ["conversation:read", { conversationId: breakout.conversationId, seq: 1 }],
      ] as const) {
        expect(await (outsider.socket.emitWithAck as (event: string, payload: unknown) => Promise<unknown>)(event, payload), event).toMatchObject({
          ok: false,
          error: { code: "not_found" },
        });
      }
      expect((await outsider.person.client.post(`/api/notes/${live.minutesPageId}/ticket`)).status).toBe(404);
      expect((await outsider.person.client.post(`/api/notes/${breakout.notesPageId}/ticket`)).status).toBe(404);
    }
    // Nothing an outsider sent changed the gathering.
    const unchanged = ok(await hostSide.socket.emitWithAck("gathering:join", { gatheringId })).live;
    expect(unchanged).toMatchObject({ status: "live", broadcast: null, breakouts: { status: "open" }, reports: [] });
    expect(unchanged.room.hands).toEqual([]);
    ok(await hostSide.socket.emitWithAck("breakout:callBack", { gatheringId }));
    // An invited member opens the minutes; bad input is answered, not stored.
    await ticketFor(invited.person.client, live.minutesPageId!);
    expect(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId: gathering.id, roomSize: 50 })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    ok(await facilitator.socket.emitWithAck("gathering:leave", { gatheringId }));
    expect(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId: gathering.id, roomSize: 2 })).toMatchObject({
      ok: false,
      error: { code: "validation_failed", message: expect.stringMatching(/at least two/) },
    });
    expect(await hostSide.socket.emitWithAck("gathering:control", { gatheringId: gathering.id, control: { type: "handOver", userId: invited.person.user.id } })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
  });

  it("takes someone removed from their group out of the gathering's rooms at once", async () => {
    const { host, programmeId, groupIds, people } = await programmeOfGroups(2);
    const gathering = await createGathering(host, programmeId, groupIds);
    const gatheringId = gathering.id;
    const hostSide = await connect(host, "");
    const participants = await Promise.all(people.map(({ person, groupId }) => connect(person, groupId)));
    ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "start" } }));
    for (const participant of [hostSide, ...participants]) ok(await participant.socket.emitWithAck("gathering:join", { gatheringId }));
    ok(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId, roomSize: 2 }));
    const live = ok(await hostSide.socket.emitWithAck("breakout:start", { gatheringId, minutes: 5 })).live;
    for (const participant of participants) ok(await participant.socket.emitWithAck("breakout:join", { breakoutId: roomOf(live, participant.person.user.id)!.id }));

    // Group 1's member is removed by the group's facilitator while in a breakout room.
    const [facilitator, removed] = [participants[0]!, participants[1]!];
    const room = roomOf(live, removed.person.user.id)!;
    const roommate = participants.find((participant) => participant !== removed && roomOf(live, participant.person.user.id)!.id === room.id)!;
    const roomNotes = await ticketFor(removed.person.client, room.notesPageId);
    const notesSocket = await rawNoteSocket(server.url, roomNotes.ticket, roomNotes.docName);
    const notesClosed = new Promise<number>((resolve) => notesSocket.once("close", (code) => resolve(code)));
    await expectStatus(facilitator.person.client.delete(`/api/groups/${groupIds[0]}/members/${removed.person.user.id}`), 204);
    // The room's notes, open in their editor, close too: the page has no group of its own to follow.
    expect(await notesClosed).toBe(NOTE_CLOSE.accessRevoked);

    const after = await sendMessage(roommate.socket, room.conversationId, "Jatketaan kahdestaan");
    const plenary = await sendMessage(roommate.socket, live.conversationId!, "Ja yhteisessä");
    await expect.poll(() => hostSide.heard.some((message) => message.id === plenary.id)).toBe(true);
    expect(removed.heard.some((message) => message.id === after.id || message.id === plenary.id)).toBe(false);
    expect(await removed.socket.emitWithAck("breakout:join", { breakoutId: room.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await removed.socket.emitWithAck("gathering:join", { gatheringId })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("brings a late arrival into a running room, moves someone on, and keeps the notes as they were once it ends", async () => {
    const { host, programmeId, groupIds, people } = await programmeOfGroups(2);
    const gathering = await createGathering(host, programmeId, groupIds);
    const gatheringId = gathering.id;
    const hostSide = await connect(host, "");
    const [early, late] = [people.slice(0, 3), people[3]!];
    const present = await Promise.all(early.map(({ person, groupId }) => connect(person, groupId)));
    const opened = ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "start" } })).live;
    for (const participant of [hostSide, ...present]) ok(await participant.socket.emitWithAck("gathering:join", { gatheringId }));
    ok(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId, roomSize: 2 }));
    const started = ok(await hostSide.socket.emitWithAck("breakout:start", { gatheringId, minutes: 10 })).live;
    expect(started.breakouts!.rooms).toHaveLength(2);
    for (const participant of present) ok(await participant.socket.emitWithAck("breakout:join", { breakoutId: roomOf(started, participant.person.user.id)!.id }));
    const [roomOne, roomTwo] = started.breakouts!.rooms as [BreakoutRoom, BreakoutRoom];

    // Someone comes late: the host puts them in room one, where they read what was said before them.
    const stayer = present.find((participant) => roomOf(started, participant.person.user.id)!.id === roomOne.id)!;
    const earlier = await sendMessage(stayer.socket, roomOne.conversationId, "Aloitimme jo");
    const newcomer = await connect(late.person, late.groupId);
    ok(await newcomer.socket.emitWithAck("gathering:join", { gatheringId }));
    expect(await newcomer.socket.emitWithAck("breakout:join", { breakoutId: roomOne.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    ok(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: late.person.user.id, roomNumber: 1 }));
    const placed = await until(newcomer, (live) => roomOf(live, late.person.user.id)?.id === roomOne.id);
    expect(roomOf(placed, late.person.user.id)!.members.some((member) => member.userId === late.person.user.id)).toBe(true);
    ok(await newcomer.socket.emitWithAck("breakout:join", { breakoutId: roomOne.id }));
    const caughtUp = ok(await newcomer.socket.emitWithAck("message:history", { conversationId: roomOne.conversationId, afterSeq: 0, limit: 50 }));
    expect(caughtUp.messages.map((message) => message.id)).toContain(earlier.id);
    // The host is never put in a room.
    expect(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: host.user.id, roomNumber: 1 })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });

    // The newcomer moves on to room two: room one — its chat and its open notes — no longer reaches them.
    const roomOneNotes = await ticketFor(late.person.client, roomOne.notesPageId);
    const notesSocket = await rawNoteSocket(server.url, roomOneNotes.ticket, roomOneNotes.docName);
    const notesClosed = new Promise<number>((resolve) => notesSocket.once("close", (code) => resolve(code)));
    ok(await hostSide.socket.emitWithAck("breakout:move", { gatheringId, userId: late.person.user.id, roomNumber: 2 }));
    expect(await notesClosed).toBe(NOTE_CLOSE.accessRevoked);
    const after = await sendMessage(stayer.socket, roomOne.conversationId, "Jatkamme ilman sinua");
    const plenary = await sendMessage(stayer.socket, opened.conversationId!, "Yhteisessä kuulumisia");
    await expect.poll(() => newcomer.heard.some((message) => message.id === plenary.id)).toBe(true);
    expect(await newcomer.socket.emitWithAck("message:history", { conversationId: roomOne.conversationId, limit: 10 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    ok(await newcomer.socket.emitWithAck("breakout:join", { breakoutId: roomTwo.id }));
    expect(newcomer.heard.some((message) => message.id === after.id)).toBe(false);

    // The minutes editor open at the end becomes a reader: its edits are no longer taken.
    const { ticket, docName, readOnly } = await ticketFor(present[0]!.person.client, opened.minutesPageId!);
    expect(readOnly).toBe(false);
    const editor = await rawNoteSocket(server.url, ticket, docName);
    try {
      editor.send(updateFrame("Ennen loppua"));
      await handledSoFar(editor);
      ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "end" } }));
      editor.send(updateFrame("Lopun jälkeen"));
      await handledSoFar(editor);
    } finally {
      editor.close();
    }
    expect((await ticketFor(present[0]!.person.client, opened.minutesPageId!)).readOnly).toBe(true);
    await server.server.flushNotes();
    const minutes = await markdownOf(server.url, present[0]!.person.client, opened.minutesPageId!);
    expect(minutes).toContain("Ennen loppua");
    expect(minutes).not.toContain("Lopun jälkeen");
  });
});
