import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectScaleOut, type ScaleOut } from "../../server/realtime/scaleOut";
import { createPiiriServer, type PiiriServer } from "../../server/server";
import { conversationOf, send } from "../support/chat";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { connectParticipant, createGathering, ok, programmeOfGroups, roomOf, until, type Participant } from "../support/gatherings";
import { groupWithMember } from "../support/groups";
import { openNote, createPage } from "../support/notes";
import { TEST_JWT_SECRET } from "../support/testServer";

/**
 * Two server nodes on one database, sharing live updates through the Redis server (as with
 * `REDIS_URL`): a person on either node sees the other node's people in the same chat, gathering,
 * breakout room and notes page, and a call-back on one node takes sockets on the other out of the rooms.
 */
const REDIS_URL = process.env["TEST_REDIS_URL"]!;

interface Node {
  url: string;
  server: PiiriServer;
  scaleOut: ScaleOut;
}

let database: TestDatabase;
const nodes: Node[] = [];
const participants: Participant[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // A prefix of this run's own, so parallel test projects on the same Redis never hear each other.
  const prefix = `piiri-test:${randomUUID()}`;
  for (let index = 0; index < 2; index++) {
    const logger = pino({ level: "silent" });
    const scaleOut = await connectScaleOut(REDIS_URL, logger, { prefix });
    const server = createPiiriServer({ database: database.database, jwtSecret: TEST_JWT_SECRET, logger, socketAdapter: scaleOut.socketAdapter, noteRelay: scaleOut.noteRelay });
    nodes.push({ url: await server.listen(0), server, scaleOut });
  }
});

afterAll(async () => {
  for (const participant of participants) participant.socket.close();
  for (const node of nodes) {
    await node.server.close();
    await node.scaleOut.close();
  }
  await database?.drop();
});

const [first, second] = [() => nodes[0]!, () => nodes[1]!];

describe("several server nodes sharing one database and Redis", () => {
  it("delivers a group's chat message and notes edits to people on the other node", async () => {
    const group = await groupWithMember(first().url);
    const conversationId = await conversationOf(group.member.client, group.groupId);
    const [onFirst, onSecond] = [
      await connectParticipant(first().url, group.facilitator, group.groupId),
      await connectParticipant(second().url, group.member, group.groupId),
    ];
    participants.push(onFirst, onSecond);
    const message = await send(onFirst.socket, conversationId, "Terveisiä ensimmäiseltä palvelimelta");
    await expect.poll(() => onSecond.heard.some((heard) => heard.id === message.id)).toBe(true);

    const page = await createPage(group.facilitator.client, group.groupId, "Yhteiset muistiinpanot");
    const writer = await openNote(first().url, group.facilitator.client, page.id);
    const reader = await openNote(second().url, group.member.client, page.id);
    try {
      writer.doc.getText("probe").insert(0, "Kirjoitettu solmussa yksi");
      await expect.poll(() => reader.doc.getText("probe").toString()).toBe("Kirjoitettu solmussa yksi");
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it("runs one gathering across both nodes: presence, breakout assignment, room isolation and call-back", async () => {
    const { host, programmeId, groupIds, people } = await programmeOfGroups(first().url, 2);
    const gathering = await createGathering(host, programmeId, groupIds);
    const gatheringId = gathering.id;
    const hostSide = await connectParticipant(first().url, host, "");
    // People of both groups alternate between the nodes.
    const present = await Promise.all(people.map(({ person, groupId }, index) => connectParticipant((index % 2 === 0 ? first() : second()).url, person, groupId)));
    participants.push(hostSide, ...present);

    ok(await hostSide.socket.emitWithAck("gathering:control", { gatheringId, control: { type: "start" } }));
    for (const participant of [hostSide, ...present]) ok(await participant.socket.emitWithAck("gathering:join", { gatheringId }));
    // Presence is asked of both nodes.
    const everyone = await until(hostSide, (live) => live.room.present.length === 5);
    expect(everyone.room.present.map((person) => person.userId).sort()).toEqual([host.user.id, ...people.map(({ person }) => person.user.id)].sort());

    ok(await hostSide.socket.emitWithAck("breakout:plan", { gatheringId, roomSize: 2, seed: 11 }));
    ok(await hostSide.socket.emitWithAck("breakout:start", { gatheringId, minutes: 10 }));
    const assigned = await Promise.all(present.map((participant) => until(participant, (live) => live.breakouts?.status === "open")));
    const roomIdOf = (participant: Participant) => roomOf(assigned[0]!, participant.person.user.id)!.id;
    for (const [index, participant] of present.entries()) expect(roomOf(assigned[index]!, participant.person.user.id)).toBeDefined();
    for (const participant of present) ok(await participant.socket.emitWithAck("breakout:join", { breakoutId: roomIdOf(participant) }));

    // A room whose two people are on different nodes, if the split made one; otherwise any room.
    const rooms = assigned[0]!.breakouts!.rooms;
    const nodeOf = (participant: Participant) => present.indexOf(participant) % 2;
    const inRoom = (roomId: string) => present.filter((participant) => roomIdOf(participant) === roomId);
    const mixed = rooms.find((room) => new Set(inRoom(room.id).map(nodeOf)).size === 2) ?? rooms[0]!;
    const [speaker, listener] = inRoom(mixed.id) as [Participant, Participant];
    const others = present.filter((participant) => roomIdOf(participant) !== mixed.id);
    const said = await send(speaker.socket, mixed.conversationId, "Meidän huoneen ajatus");
    await expect.poll(() => listener.heard.some((heard) => heard.id === said.id)).toBe(true);
    const elsewhere = await send(others[0]!.socket, roomIdOf(others[0]!) === mixed.id ? mixed.conversationId : rooms.find((room) => room.id === roomIdOf(others[0]!))!.conversationId, "Toisen huoneen ajatus");
    await expect.poll(() => others[1]!.heard.some((heard) => heard.id === elsewhere.id)).toBe(true);
    for (const other of others) expect(other.heard.some((heard) => heard.id === said.id)).toBe(false);

    // Call-back on the first node takes the second node's sockets out of their rooms too.
    ok(await hostSide.socket.emitWithAck("breakout:callBack", { gatheringId }));
    for (const participant of present) await until(participant, (live) => live.breakouts?.status === "closed");
    const afterCallBack = await send(speaker.socket, mixed.conversationId, "Jälkikirjoitus");
    const plenary = await send(speaker.socket, everyone.conversationId!, "Takaisin yhteisessä");
    await expect.poll(() => listener.heard.some((heard) => heard.id === plenary.id)).toBe(true);
    expect(listener.heard.some((heard) => heard.id === afterCallBack.id)).toBe(false);
  });
});
