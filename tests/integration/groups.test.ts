import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckInList, GoalList, GroupList, GroupResponse, InvitationList, MembershipResponse } from "../../shared/schemas/groups";
import type { Goal, GroupDetail } from "../../shared/schemas/groups";
import { groupWithMember } from "../support/groups";
import { signedInClient, type ErrorResponseBody } from "../support/http";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function errorCode(response: { body: unknown }): string | undefined {
  return (response.body as ErrorResponseBody).error?.code;
}

describe("creating a group", () => {
  it("makes the creator its facilitator, with the default agreement in their language", async () => {
    const { client, user } = await signedInClient(server.url);
    const created = await client.post("/api/groups", { name: "Vertaisryhmä", kind: "supervision_circle" });
    expect(created.status).toBe(201);
    const { group } = GroupResponse.parse(created.body);
    expect(group).toMatchObject({ name: "Vertaisryhmä", kind: "supervision_circle", phase: "forming", capacity: 10, memberCount: 1 });
    expect(group.agreement).toContain("jää ryhmään");
    expect(group.myMembership).toMatchObject({ role: "facilitator", userId: user.id });
    expect(group.goals).toEqual([]);
    expect(GroupList.parse((await client.get("/api/groups")).body).groups.map((listed) => listed.id)).toContain(group.id);
  });

  it("refuses an unknown kind and an empty name", async () => {
    const { client } = await signedInClient(server.url);
    expect(errorCode(await client.post("/api/groups", { name: "X", kind: "book_club" }))).toBe("validation_failed");
    expect(errorCode(await client.post("/api/groups", { name: "   ", kind: "peer_mentoring" }))).toBe("validation_failed");
  });
});

describe("the goal board", () => {
  it("keeps at most three goals: the fourth is refused with 409 goal_limit over REST and over the socket", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url, { goalCount: 3 });
    const fourth = await facilitator.client.post<ErrorResponseBody>(`/api/groups/${groupId}/goals`, { title: "Neljäs" });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe("goal_limit");

    const socket = await connectSocket(server.url, facilitator.client.accessToken);
    const ack = await socket.emitWithAck("goal:create", { groupId, goal: { title: "Neljäs" } });
    socket.close();
    expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: "goal_limit" }) });
    expect(GoalList.parse((await facilitator.client.get(`/api/groups/${groupId}/goals`)).body).goals).toHaveLength(3);
  });

  it("holds the limit when many goals are added at the same moment", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url, { goalCount: 0 });
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) => facilitator.client.post(`/api/groups/${groupId}/goals`, { title: `Samanaikainen ${index}` })),
    );
    expect(attempts.filter((attempt) => attempt.status === 201)).toHaveLength(3);
    expect(attempts.filter((attempt) => errorCode(attempt) === "goal_limit")).toHaveLength(3);
    const goals = GoalList.parse((await facilitator.client.get(`/api/groups/${groupId}/goals`)).body).goals;
    expect(goals.map((goal) => goal.position)).toEqual([0, 1, 2]);
  });

  it("frees a place when a goal is dropped, and refuses to reopen it while the board is full", async () => {
    const { groupId, facilitator, goals } = await groupWithMember(server.url, { goalCount: 3 });
    const dropped = await facilitator.client.patch(`/api/groups/${groupId}/goals/${goals[0]!.id}`, { status: "dropped" });
    expect(dropped.status).toBe(200);
    expect((await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Uusi" })).status).toBe(201);
    expect(errorCode(await facilitator.client.patch(`/api/groups/${groupId}/goals/${goals[0]!.id}`, { status: "open" }))).toBe("goal_limit");
  });

  it("edits, reorders and removes goals, keeping positions 0..n-1", async () => {
    const { groupId, facilitator, goals } = await groupWithMember(server.url, { goalCount: 3 });
    const edited = await facilitator.client.patch<{ goal: Goal }>(`/api/groups/${groupId}/goals/${goals[2]!.id}`, {
      title: "Selkeämpi tavoite",
      successCriteria: "Jokainen on kokeillut yhtä menetelmää",
      targetDate: "2027-05-31",
      position: 0,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.goal).toMatchObject({ title: "Selkeämpi tavoite", targetDate: "2027-05-31", position: 0 });
    expect((await facilitator.client.delete(`/api/groups/${groupId}/goals/${goals[0]!.id}`)).status).toBe(204);
    const board = GoalList.parse((await facilitator.client.get(`/api/groups/${groupId}/goals`)).body).goals;
    expect(board.map((goal) => [goal.title, goal.position])).toEqual([
      ["Selkeämpi tavoite", 0],
      ["Tavoite 2", 1],
    ]);
  });

  it("lets members record check-ins that build a history, but not edit the board", async () => {
    const { groupId, facilitator, member, goals } = await groupWithMember(server.url, { goalCount: 1 });
    const goalId = goals[0]!.id;
    for (const progress of [2, 3, 4]) {
      const response = await member.client.post(`/api/groups/${groupId}/goals/${goalId}/check-ins`, { progress, comment: `Edistystä ${progress}` });
      expect(response.status).toBe(201);
    }
    expect((await facilitator.client.post(`/api/groups/${groupId}/goals/${goalId}/check-ins`, { progress: 5 })).status).toBe(201);
    const history = CheckInList.parse((await member.client.get(`/api/groups/${groupId}/goals/${goalId}/check-ins`)).body).checkIns;
    expect(history.map((checkIn) => checkIn.progress)).toEqual([5, 4, 3, 2]);
    expect(history[1]).toMatchObject({ displayName: member.user.displayName, comment: "Edistystä 4" });
    const board = GoalList.parse((await member.client.get(`/api/groups/${groupId}/goals`)).body).goals;
    expect(board[0]!.checkInCount).toBe(4);

    expect(errorCode(await member.client.post(`/api/groups/${groupId}/goals/${goalId}/check-ins`, { progress: 6 }))).toBe("validation_failed");
    expect(errorCode(await member.client.post(`/api/groups/${groupId}/goals/${goalId}/check-ins`, { progress: 2.5 }))).toBe("validation_failed");
    expect(errorCode(await member.client.post(`/api/groups/${groupId}/goals`, { title: "Jäsenen tavoite" }))).toBe("forbidden");
    expect(errorCode(await member.client.delete(`/api/groups/${groupId}/goals/${goalId}`))).toBe("forbidden");
  });
});

describe("phases", () => {
  it("cannot become active without a goal, pauses with a resume date, and ends read-only", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url, { goalCount: 0 });
    const phase = (body: object) => facilitator.client.post<{ group: GroupDetail }>(`/api/groups/${groupId}/phase`, body);
    expect(errorCode(await phase({ phase: "active" }))).toBe("goals_required");
    expect(errorCode(await phase({ phase: "paused" }))).toBe("phase_transition_invalid");
    await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Tavoite" });
    expect((await phase({ phase: "active" })).body.group.phase).toBe("active");
    const paused = await phase({ phase: "paused", resumeOn: "2027-08-15" });
    expect(paused.body.group).toMatchObject({ phase: "paused", resumeOn: "2027-08-15" });
    expect((await phase({ phase: "active" })).body.group).toMatchObject({ phase: "active", resumeOn: null });
    expect((await phase({ phase: "ended" })).status).toBe(200);
    expect(errorCode(await facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Myöhässä" }))).toBe("group_ended");
    expect(errorCode(await phase({ phase: "active" }))).toBe("phase_transition_invalid");
  });
});

describe("invitations and the group agreement", () => {
  it("hides the group's content until the agreement is accepted", async () => {
    const { groupId, facilitator } = await groupWithMember(server.url, { goalCount: 2 });
    const { body } = await facilitator.client.post<{ invitation: { token: string; url: string; expiresAt: string } }>(
      `/api/groups/${groupId}/invitations`,
      { singleUse: true, expiresInDays: 7 },
    );
    expect(body.invitation.url).toMatch(new RegExp(`/join/${body.invitation.token}$`));
    const preview = await signedInClient(server.url).then(({ client }) => client.get<{ invitation: { agreement: string; groupName: string } }>(`/api/invitations/${body.invitation.token}`));
    expect(preview.body.invitation.groupName).toBe("Projektipäälliköt");

    const newcomer = await signedInClient(server.url);
    const joined = await newcomer.client.post(`/api/invitations/${body.invitation.token}/accept`);
    expect(joined.status).toBe(200);
    expect(MembershipResponse.parse(joined.body).membership).toMatchObject({ role: "member", agreementAcceptedAt: null });
    const beforeAccepting = GroupResponse.parse((await newcomer.client.get(`/api/groups/${groupId}`)).body).group;
    expect(beforeAccepting.goals).toBeNull();
    expect(beforeAccepting.agreement).toContain("jää ryhmään");
    expect(errorCode(await newcomer.client.get(`/api/groups/${groupId}/goals`))).toBe("agreement_required");

    expect((await newcomer.client.post(`/api/groups/${groupId}/agreement/accept`)).status).toBe(200);
    const afterAccepting = GroupResponse.parse((await newcomer.client.get(`/api/groups/${groupId}`)).body).group;
    expect(afterAccepting.goals).toHaveLength(2);
    expect(afterAccepting.myMembership.onboardingDone).toEqual(["agreement"]);
    const onboarded = await newcomer.client.post(`/api/groups/${groupId}/onboarding`, { step: "goals_read" });
    expect(MembershipResponse.parse(onboarded.body).membership.onboardingDone).toEqual(["agreement", "goals_read"]);

    // Single use: the link is spent.
    const latecomer = await signedInClient(server.url);
    expect(errorCode(await latecomer.client.post(`/api/invitations/${body.invitation.token}/accept`))).toBe("invitation_invalid");
  });

  it("refuses withdrawn links, links for another email, a second join and a full group", async () => {
    const { groupId, facilitator, member, invitationToken } = await groupWithMember(server.url);
    expect(errorCode(await member.client.post(`/api/invitations/${invitationToken}/accept`))).toBe("already_member");

    const personal = await facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, { email: "Someone.Else@example.fi" });
    const stranger = await signedInClient(server.url);
    expect(errorCode(await stranger.client.post(`/api/invitations/${personal.body.invitation.token}/accept`))).toBe("invitation_email_mismatch");

    const listed = InvitationList.parse((await facilitator.client.get(`/api/groups/${groupId}/invitations`)).body).invitations;
    expect(listed.find((invitation) => invitation.email === "someone.else@example.fi")).toMatchObject({ singleUse: true, revoked: false });
    for (const invitation of listed) expect((await facilitator.client.delete(`/api/groups/${groupId}/invitations/${invitation.id}`)).status).toBe(204);
    expect(errorCode(await stranger.client.post(`/api/invitations/${invitationToken}/accept`))).toBe("invitation_invalid");

    expect(errorCode(await facilitator.client.patch(`/api/groups/${groupId}`, { capacity: 1 }))).toBe("validation_failed");
    expect((await facilitator.client.patch(`/api/groups/${groupId}`, { capacity: 2 })).status).toBe(200);
    const open = await facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {});
    expect(errorCode(await stranger.client.post(`/api/invitations/${open.body.invitation.token}/accept`))).toBe("group_full");
  });

  it("answers a made-up invitation token with 410", async () => {
    const { client } = await signedInClient(server.url);
    expect((await client.get("/api/invitations/made-up-token-123")).status).toBe(410);
    expect(errorCode(await client.post("/api/invitations/made-up-token-123/accept"))).toBe("invitation_invalid");
  });
});

describe("roles", () => {
  it("hands the facilitator role over, marks peer instructors, and never leaves a group without a facilitator", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const leaveAlone = await facilitator.client.delete(`/api/groups/${groupId}/members/${facilitator.user.id}`);
    expect(errorCode(leaveAlone)).toBe("last_facilitator");
    expect(errorCode(await facilitator.client.patch(`/api/groups/${groupId}/members/${facilitator.user.id}`, { role: "member" }))).toBe("last_facilitator");

    expect((await facilitator.client.patch(`/api/groups/${groupId}/members/${member.user.id}`, { role: "facilitator", peerInstructor: true })).status).toBe(200);
    expect((await facilitator.client.patch(`/api/groups/${groupId}/members/${facilitator.user.id}`, { role: "member" })).status).toBe(200);
    const group = GroupResponse.parse((await member.client.get(`/api/groups/${groupId}`)).body).group;
    expect(group.members.find((person) => person.userId === member.user.id)).toMatchObject({ role: "facilitator", peerInstructor: true });
    expect(group.members.find((person) => person.userId === facilitator.user.id)).toMatchObject({ role: "member" });

    // The former facilitator can now leave; the new one removes nobody by mistake.
    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${facilitator.user.id}`)).status).toBe(204);
    expect((await facilitator.client.get(`/api/groups/${groupId}`)).status).toBe(404);
  });
});

describe("programmes", () => {
  it("lets a coordinator organise groups and see their sizes and phases but never their content", async () => {
    const coordinator = await signedInClient(server.url);
    const facilitatorToBe = await signedInClient(server.url);
    const created = await coordinator.client.post<{ programme: { id: string } }>("/api/programmes", {
      name: "3AMK-pilotti",
      template: "verme_year",
    });
    expect(created.status).toBe(201);
    const programmeId = created.body.programme.id;
    const group = await coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programmeId}/groups`, {
      name: "Ryhmä A",
      kind: "virtual_coaching",
      capacity: 8,
    });
    expect(group.status).toBe(201);
    const groupId = group.body.group.id;
    const appointed = await coordinator.client.post(`/api/programmes/${programmeId}/groups/${groupId}/facilitators`, { email: facilitatorToBe.account.email });
    expect(appointed.status).toBe(201);

    // The appointed facilitator accepts the agreement and writes a goal.
    expect((await facilitatorToBe.client.post(`/api/groups/${groupId}/agreement/accept`)).status).toBe(200);
    expect((await facilitatorToBe.client.post(`/api/groups/${groupId}/goals`, { title: "Luottamuksellinen tavoite" })).status).toBe(201);

    const detail = await coordinator.client.get<{ groups: Record<string, unknown>[] }>(`/api/programmes/${programmeId}`);
    expect(detail.body.groups).toEqual([expect.objectContaining({ id: groupId, name: "Ryhmä A", memberCount: 1, phase: "forming", capacity: 8 })]);
    expect(JSON.stringify(detail.body)).not.toContain("Luottamuksellinen");
    expect(Object.keys(detail.body.groups[0]!)).not.toContain("agreement");
    expect((await coordinator.client.get(`/api/groups/${groupId}`)).status).toBe(404);
    expect((await coordinator.client.get(`/api/groups/${groupId}/goals`)).status).toBe(404);

    const unknownPerson = await coordinator.client.post(`/api/programmes/${programmeId}/groups/${groupId}/facilitators`, { email: "nobody@example.fi" });
    expect(unknownPerson.status).toBe(404);
    const invitation = await coordinator.client.post<{ invitation: { role: string } }>(`/api/programmes/${programmeId}/groups/${groupId}/invitations`, {
      email: "new.facilitator@example.fi",
    });
    expect(invitation.body.invitation.role).toBe("facilitator");
  });

  it("refuses to appoint a newcomer to a full or ended group, but still promotes someone already in it", async () => {
    const coordinator = await signedInClient(server.url);
    const [first, joiner, latecomer] = await Promise.all([signedInClient(server.url), signedInClient(server.url), signedInClient(server.url)]);
    const programmeId = (await coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: "Pieni pilotti", template: "verme_year" })).body
      .programme.id;
    const groupId = (
      await coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programmeId}/groups`, { name: "Pari", kind: "supervision_circle", capacity: 2 })
    ).body.group.id;
    const appoint = (email: string) => coordinator.client.post<ErrorResponseBody>(`/api/programmes/${programmeId}/groups/${groupId}/facilitators`, { email });

    // Appointed without having accepted the agreement: the role at once, the content only after accepting.
    const appointed = await appoint(first.account.email);
    expect(appointed.status).toBe(201);
    expect(MembershipResponse.parse(appointed.body).membership).toMatchObject({ role: "facilitator", agreementAcceptedAt: null });
    expect(errorCode(await first.client.get(`/api/groups/${groupId}/goals`))).toBe("agreement_required");
    expect((await first.client.post(`/api/groups/${groupId}/agreement/accept`)).status).toBe(200);

    const link = await first.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, { singleUse: false });
    expect((await joiner.client.post(`/api/invitations/${link.body.invitation.token}/accept`, { acceptAgreement: true })).status).toBe(200);

    const refused = await appoint(latecomer.account.email);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("group_full");
    expect((await latecomer.client.get(`/api/groups/${groupId}`)).status).toBe(404);

    // Promoting a member takes no new place.
    expect((await appoint(joiner.account.email)).status).toBe(201);
    const group = GroupResponse.parse((await first.client.get(`/api/groups/${groupId}`)).body).group;
    expect(group.memberCount).toBe(2);
    expect(group.members.map((member) => member.role)).toEqual(["facilitator", "facilitator"]);

    // An ended group takes no one new even when a place is free.
    expect((await first.client.patch(`/api/groups/${groupId}`, { capacity: 3 })).status).toBe(200);
    expect((await first.client.post(`/api/groups/${groupId}/phase`, { phase: "ended" })).status).toBe(200);
    const afterEnd = await appoint(latecomer.account.email);
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.error.code).toBe("group_ended");
  });

  it("refuses an unknown process template", async () => {
    const { client } = await signedInClient(server.url);
    expect(errorCode(await client.post("/api/programmes", { name: "X", template: "agile" }))).toBe("validation_failed");
  });
});
