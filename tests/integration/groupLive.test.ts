import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServerToClientEvents } from "../../shared/events";
import { groupWithMember } from "../support/groups";
import { signedInClient } from "../support/http";
import { connectSocket, nextEvent as next, type EventPayload, type TestSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

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

async function connect(token: string | undefined): Promise<TestSocket> {
  const socket = await connectSocket(server.url, token);
  open.push(socket);
  return socket;
}

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = EventPayload<E>;

/** Records every payload of `event` so a test can show that nothing arrived. */
function record<E extends EventName>(socket: TestSocket, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  (socket.on as (event: string, listener: unknown) => void)(event, (payload: Payload<E>) => seen.push(payload));
  return seen;
}

describe("live group updates", () => {
  it("pushes a new goal, a check-in and a phase change to every member's open page", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url, { goalCount: 2 });
    const memberSocket = await connect(member.client.accessToken);

    const boardPushed = next(memberSocket, "goals:updated", (payload) => payload.groupId === groupId);
    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Kolmas tavoite" });
    expect((await boardPushed).goals.map((goal) => goal.title)).toEqual(["Tavoite 1", "Tavoite 2", "Kolmas tavoite"]);

    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const checkInPushed = next(facilitatorSocket, "goals:updated", (payload) => payload.goals.some((goal) => goal.checkInCount > 0));
    const ack = await memberSocket.emitWithAck("goal:checkIn", {
      groupId,
      goalId: (await boardPushed).goals[0]!.id,
      checkIn: { progress: 4, comment: "Hyvä kuukausi" },
    });
    expect(ack.ok).toBe(true);
    expect((await checkInPushed).goals[0]!.checkIns[0]).toMatchObject({ progress: 4, comment: "Hyvä kuukausi", displayName: member.user.displayName });

    const phasePushed = next(memberSocket, "group:updated", (payload) => payload.group.phase === "active");
    await facilitator.client.post(`/api/groups/${groupId}/phase`, { phase: "active" });
    expect((await phasePushed).group).toMatchObject({ id: groupId, phase: "active" });
  });

  it("tells members who joins, and starts the newcomer's updates without a reconnect", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url);
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const newcomer = await signedInClient(server.url);
    const newcomerSocket = await connect(newcomer.client.accessToken);

    const invitation = await facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {});
    const membersPushed = next(facilitatorSocket, "members:updated", (payload) => payload.members.length === 3);
    const started = next(newcomerSocket, "membership:started");
    await newcomer.client.post(`/api/invitations/${invitation.body.invitation.token}/accept`, { acceptAgreement: true });
    expect((await membersPushed).members.map((person) => person.displayName)).toContain(newcomer.user.displayName);
    expect((await started).group.id).toBe(groupId);

    const boardPushed = next(newcomerSocket, "goals:updated");
    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Tervetuloa" });
    expect((await boardPushed).goals).toHaveLength(2);
  });

  it("sends goal updates only to members who accepted the agreement", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url);
    const hesitant = await signedInClient(server.url);
    const invitation = await facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {});
    await hesitant.client.post(`/api/invitations/${invitation.body.invitation.token}/accept`);
    const hesitantSocket = await connect(hesitant.client.accessToken);
    const seen = record(hesitantSocket, "goals:updated");
    const phase = next(hesitantSocket, "group:updated");

    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Salainen" });
    await facilitator.client.patch(`/api/groups/${groupId}`, { name: "Uusi nimi" });
    expect((await phase).group.name).toBe("Uusi nimi");
    expect(seen).toEqual([]);

    const boardPushed = next(hesitantSocket, "goals:updated");
    await hesitant.client.post(`/api/groups/${groupId}/agreement/accept`);
    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Nyt näkyy" });
    expect((await boardPushed).goals.map((goal) => goal.title)).toContain("Nyt näkyy");
  });

  it("pushes the invitation list to the group's facilitators only when a link is made, used or withdrawn", async () => {
    const { groupId, facilitator, member, invitationToken } = await groupWithMember(server.url);
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const seenByMember = record(memberSocket, "invitations:updated");

    const createdPush = next(facilitatorSocket, "invitations:updated", (payload) => payload.invitations.some((invitation) => invitation.email === "uusi@example.fi"));
    const created = await facilitator.client.post<{ invitation: { id: string; token: string } }>(`/api/groups/${groupId}/invitations`, { email: "uusi@example.fi" });
    expect(created.status).toBe(201);
    const afterCreate = await createdPush;
    expect(afterCreate.groupId).toBe(groupId);
    expect(afterCreate.invitations.find((invitation) => invitation.email === "uusi@example.fi")).toMatchObject({ id: created.body.invitation.id, revoked: false, uses: 0 });
    // The list names links, never their tokens: a token is shown once, to whoever made it.
    expect(JSON.stringify(afterCreate)).not.toContain(created.body.invitation.token);

    const newcomer = await signedInClient(server.url);
    const usedPush = next(facilitatorSocket, "invitations:updated", (payload) => payload.invitations.some((invitation) => invitation.uses === 2));
    expect((await newcomer.client.post(`/api/invitations/${invitationToken}/accept`, { acceptAgreement: true })).status).toBe(200);
    await usedPush;

    const revokedPush = next(facilitatorSocket, "invitations:updated", (payload) =>
      payload.invitations.some((invitation) => invitation.id === created.body.invitation.id && invitation.revoked),
    );
    expect((await facilitator.client.delete(`/api/groups/${groupId}/invitations/${created.body.invitation.id}`)).status).toBe(204);
    await revokedPush;

    // The promotion's members:updated reaches the member after every earlier push would have.
    const promoted = next(memberSocket, "members:updated", (payload) => payload.members.some((person) => person.userId === member.user.id && person.role === "facilitator"));
    expect((await facilitator.client.patch(`/api/groups/${groupId}/members/${member.user.id}`, { role: "facilitator" })).status).toBe(200);
    await promoted;
    expect(seenByMember).toEqual([]);

    // Now a facilitator, the member's page gets the list too.
    const memberPush = next(memberSocket, "invitations:updated");
    expect((await facilitator.client.post(`/api/groups/${groupId}/invitations`, { email: "toinen@example.fi" })).status).toBe(201);
    expect((await memberPush).invitations.map((invitation) => invitation.email)).toContain("toinen@example.fi");
  });

  it("cuts a removed member's live updates at once", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const memberSocket = await connect(member.client.accessToken);
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const seenAfterRemoval = record(memberSocket, "goals:updated");
    const ended = next(memberSocket, "membership:ended");

    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    expect((await ended).groupId).toBe(groupId);
    seenAfterRemoval.length = 0;

    // The facilitator's own push is the marker: once it has arrived, the member's would have too.
    const marker = next(facilitatorSocket, "goals:updated", (payload) => payload.goals.some((goal) => goal.title === "Vain jäsenille"));
    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Vain jäsenille" });
    await marker;
    expect(seenAfterRemoval).toEqual([]);
    expect((await memberSocket.emitWithAck("goal:checkIn", { groupId, goalId: (await marker).goals[0]!.id, checkIn: { progress: 3 } })).ok).toBe(false);
  });
});
