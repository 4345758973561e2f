import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups as groupTable } from "../../server/db/schema";
import type { GroupDetail } from "../../shared/schemas/groups";
import type { Meeting } from "../../shared/schemas/meetings";
import { ProgrammeOverview } from "../../shared/schemas/programmeOverview";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the programme overview", () => {
  it("shows each group's meetings, goals and last activity as counts and times, flags quiet groups, and shows no content", async () => {
    const coordinator = await signedInClient(server.url);
    const facilitator = await signedInClient(server.url);
    const { programme } = await expectStatus(coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: "Verme-vuosi", template: "verme_year" }), 201);
    const create = (name: string) => expectStatus(coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programme.id}/groups`, { name, kind: "peer_mentoring" }), 201);
    const busy = (await create("Aktiivinen ryhmä")).group.id;
    const quiet = (await create("Hiljainen ryhmä")).group.id;
    for (const groupId of [busy, quiet]) {
      await expectStatus(coordinator.client.post(`/api/programmes/${programme.id}/groups/${groupId}/facilitators`, { email: facilitator.user.email }), 201);
      await expectStatus(facilitator.client.post(`/api/groups/${groupId}/agreement/accept`, {}), 200);
    }

    // The busy group: two goals (one achieved), a held meeting and a chat message with private words.
    const secret = "Salainen asia, joka jää ryhmään";
    const goal = await expectStatus(facilitator.client.post<{ goal: { id: string } }>(`/api/groups/${busy}/goals`, { title: secret }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${busy}/goals`, { title: "Toinen tavoite" }), 201);
    await expectStatus(facilitator.client.patch(`/api/groups/${busy}/goals/${goal.goal.id}`, { status: "achieved" }), 200);
    await expectStatus(facilitator.client.post(`/api/groups/${busy}/phase`, { phase: "active" }), 200);
    const { meeting } = await expectStatus(
      facilitator.client.post<{ meeting: Meeting }>(`/api/groups/${busy}/meetings`, { title: secret, startsAt: new Date().toISOString(), durationMinutes: 60, repeat: { kind: "weekly", count: 2 } }),
      201,
    );
    const socket = await connectSocket(server.url, facilitator.client.accessToken);
    await socket.emitWithAck("meeting:join", { meetingId: meeting.id });
    await socket.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "start" } });
    await socket.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "end" } });
    const { group } = await expectStatus(facilitator.client.get<{ group: GroupDetail }>(`/api/groups/${busy}`), 200);
    const sent = await socket.emitWithAck("message:send", { conversationId: group.conversationId, clientId: randomUUID(), body: secret });
    expect(sent.ok).toBe(true);
    socket.close();

    // The quiet group became active a month ago and has done nothing since.
    await expectStatus(facilitator.client.post(`/api/groups/${quiet}/goals`, { title: "Hiljainen tavoite" }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${quiet}/phase`, { phase: "active" }), 200);
    await server.database.db.update(groupTable).set({ createdAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000) }).where(eq(groupTable.id, quiet));

    const response = await expectStatus(coordinator.client.get(`/api/programmes/${programme.id}/overview`), 200);
    const overview = ProgrammeOverview.parse(response);
    const byName = Object.fromEntries(overview.groups.map((entry) => [entry.group.name, entry]));
    expect(byName["Aktiivinen ryhmä"]).toMatchObject({ meetingsHeld: 1, goalsSet: 2, goalsAchieved: 1, inactive: false });
    expect(byName["Aktiivinen ryhmä"]!.nextMeetingAt).not.toBeNull();
    expect(Date.now() - new Date(byName["Aktiivinen ryhmä"]!.lastActivityAt!).getTime()).toBeLessThan(60_000);
    expect(byName["Hiljainen ryhmä"]).toMatchObject({ meetingsHeld: 0, goalsSet: 1, goalsAchieved: 0, lastActivityAt: null, inactive: true });
    expect(overview.inactiveAfterDays).toBe(21);

    // Counts and times only: no text written in a group, and no field beyond the documented ones.
    expect(JSON.stringify(response)).not.toContain("Salainen");
    expect(JSON.stringify(response)).not.toContain("Toinen tavoite");
    for (const entry of (response as { groups: Record<string, unknown>[] }).groups) {
      expect(Object.keys(entry).sort()).toEqual(["goalsAchieved", "goalsSet", "group", "inactive", "lastActivityAt", "meetingsHeld", "nextMeetingAt"]);
      expect(Object.keys(entry["group"] as object).sort()).toEqual(["capacity", "description", "id", "kind", "memberCount", "name", "phase", "programmeId", "resumeOn"]);
    }

    // Only the programme's coordinators see it; a facilitator of its groups does not.
    expect((await facilitator.client.get(`/api/programmes/${programme.id}/overview`)).status).toBe(404);
    const stranger = await signedInClient(server.url);
    expect((await stranger.client.get(`/api/programmes/${programme.id}/overview`)).status).toBe(404);
  });
});
