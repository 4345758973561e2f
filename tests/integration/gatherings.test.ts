import ical, { type CalendarComponent, type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gathering, GatheringList } from "../../shared/schemas/gatherings";
import { MethodCardList } from "../../shared/schemas/meetings";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { connectSocket, nextEvent } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

type Person = Awaited<ReturnType<typeof signedInClient>>;

/** A programme whose groups each have an appointed facilitator and one member, all past the agreement. */
async function programmeWithGroups(names: string[]) {
  const coordinator = await signedInClient(server.url);
  const { programme } = await expectStatus(coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: "Verme-verkosto", template: "verme_year" }), 201);
  const groups: { id: string; name: string; facilitator: Person; member: Person }[] = [];
  for (const name of names) {
    const { group } = await expectStatus(coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programme.id}/groups`, { name, kind: "peer_mentoring" }), 201);
    const facilitator = await signedInClient(server.url);
    const member = await signedInClient(server.url);
    await expectStatus(coordinator.client.post(`/api/programmes/${programme.id}/groups/${group.id}/facilitators`, { email: facilitator.user.email }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${group.id}/agreement/accept`, {}), 200);
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}), 201);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    groups.push({ id: group.id, name, facilitator, member });
  }
  return { coordinator, programmeId: programme.id, groups };
}

const plan = (groupIds: string[] | "all", extra: Record<string, unknown> = {}) => ({
  title: "Kevään kohtaaminen",
  purpose: "Ryhmät kertovat toisilleen, mitä ovat oppineet",
  startsAt: "2027-04-20T13:00:00+03:00",
  durationMinutes: 180,
  videoUrl: "https://meet.example.fi/kohtaaminen",
  groupIds,
  ...extra,
});

describe("cross-group gatherings", () => {
  it("invites chosen groups, whose members answer whether they come, and shows it nowhere else", async () => {
    const { coordinator, programmeId, groups } = await programmeWithGroups(["Ryhmä A", "Ryhmä B", "Ryhmä C"]);
    const [a, b, c] = groups as [(typeof groups)[number], (typeof groups)[number], (typeof groups)[number]];

    expect((await a.facilitator.client.post(`/api/programmes/${programmeId}/gatherings`, plan([a.id]))).status).toBe(404);
    const { gathering } = await expectStatus(coordinator.client.post<{ gathering: Gathering }>(`/api/programmes/${programmeId}/gatherings`, plan([a.id, b.id])), 201);
    expect(Gathering.parse(gathering)).toMatchObject({ isHost: true, canRsvp: false, status: "scheduled", startsAt: "2027-04-20T10:00:00.000Z" });
    expect(gathering.groups.map((group) => group.name)).toEqual(["Ryhmä A", "Ryhmä B"]);
    expect(gathering.agenda.map((block) => block.kind)).toEqual(["check_in", "method", "check_out"]);

    // Invited members see it and answer; an uninvited group's member sees nothing.
    const seen = await expectStatus(a.member.client.get<{ gathering: Gathering }>(`/api/gatherings/${gathering.id}`), 200);
    expect([seen.gathering.isHost, seen.gathering.canRsvp]).toEqual([false, true]);
    await expectStatus(a.member.client.request("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "yes" } }), 200);
    await expectStatus(b.member.client.request("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "maybe" } }), 200);
    const answered = await expectStatus(b.facilitator.client.request<{ gathering: Gathering }>("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "no" } }), 200);
    expect(answered.gathering.rsvps).toMatchObject({ yes: 1, maybe: 1, no: 1 });
    expect(answered.gathering.rsvps.coming.map((person) => [person.displayName, person.groupName, person.answer]).sort()).toEqual(
      [
        [a.member.user.displayName, "Ryhmä A", "yes"],
        [b.member.user.displayName, "Ryhmä B", "maybe"],
      ].sort(),
    );
    expect(answered.gathering.myRsvp).toBe("no");
    expect((await c.member.client.get(`/api/gatherings/${gathering.id}`)).status).toBe(404);
    expect((await c.member.client.request("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "yes" } })).status).toBe(404);
    expect((await coordinator.client.request("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "yes" } })).status).toBe(403);
    expect((await a.member.client.request("PUT", `/api/gatherings/${gathering.id}/rsvp`, { json: { answer: "perhaps" } })).status).toBe(400);

    // It is on the invited members' home pages and in their calendar feeds, not on others'.
    const mine = GatheringList.parse((await a.member.client.get("/api/me/gatherings")).body).gatherings;
    expect(mine.map((entry) => [entry.title, entry.myRsvp])).toEqual([["Kevään kohtaaminen", "yes"]]);
    expect(GatheringList.parse((await c.member.client.get("/api/me/gatherings")).body).gatherings).toEqual([]);
    const { url } = await expectStatus(b.member.client.post<{ url: string }>("/api/me/calendar-feed"), 200);
    const events = Object.values(ical.sync.parseICS(await (await fetch(url)).text())).filter((entry): entry is VEvent => (entry as CalendarComponent).type === "VEVENT");
    expect(events.map((event) => String(event.summary))).toEqual(["Kevään kohtaaminen (Verme-verkosto)"]);

    // Inviting a group changes who may see it.
    await expectStatus(coordinator.client.patch(`/api/gatherings/${gathering.id}`, { groupIds: [a.id, b.id, c.id] }), 200);
    expect((await c.member.client.get(`/api/gatherings/${gathering.id}`)).status).toBe(200);
    expect((await a.facilitator.client.patch(`/api/gatherings/${gathering.id}`, { title: "Kaapattu" })).status).toBe(403);
    await expectStatus(coordinator.client.patch(`/api/gatherings/${gathering.id}`, {}), 200);
    const all = await expectStatus(coordinator.client.post<{ gathering: Gathering }>(`/api/programmes/${programmeId}/gatherings`, plan("all", { title: "Syksyn kohtaaminen" })), 201);
    expect(all.gathering.groups).toHaveLength(3);
    expect(GatheringList.parse((await coordinator.client.get(`/api/programmes/${programmeId}/gatherings`)).body).gatherings.map((entry) => entry.title)).toEqual([
      "Kevään kohtaaminen",
      "Syksyn kohtaaminen",
    ]);
  });

  it("refuses groups of another programme and method cards the groups cannot use", async () => {
    const first = await programmeWithGroups(["Oma"]);
    const other = await programmeWithGroups(["Vieras"]);
    const foreignGroup = await first.coordinator.client.post<{ error: { code: string } }>(`/api/programmes/${first.programmeId}/gatherings`, plan([other.groups[0]!.id]));
    expect([foreignGroup.status, foreignGroup.body.error.code]).toEqual([400, "validation_failed"]);
    const groupCard = await expectStatus(
      first.groups[0]!.facilitator.client.post<{ card: { id: string } }>("/api/method-cards", {
        groupId: first.groups[0]!.id,
        phase: "sharing",
        title: "Ryhmän oma",
        purpose: "x",
        groupSize: { min: 2, max: 8 },
        durationMinutes: { min: 10, max: 20 },
        steps: [{ minutes: 10, text: "y" }],
      }),
      201,
    );
    const withGroupCard = await first.coordinator.client.post(`/api/programmes/${first.programmeId}/gatherings`, plan("all", { agenda: [{ kind: "method", minutes: 30, methodCardId: groupCard.card.id }] }));
    expect(withGroupCard.status).toBe(400);
    const [learningCafe] = MethodCardList.parse((await first.coordinator.client.get(`/api/method-cards?q=${encodeURIComponent("oppimiskahvila")}`)).body).cards;
    const withBuiltIn = await expectStatus(
      first.coordinator.client.post<{ gathering: Gathering }>(`/api/programmes/${first.programmeId}/gatherings`, plan("all", { agenda: [{ kind: "method", minutes: 60, methodCardId: learningCafe!.id }] })),
      201,
    );
    expect(withBuiltIn.gathering.agenda.map((block) => block.methodCardId)).toEqual([learningCafe!.id]);
    for (const body of [plan([]), plan("some" as "all"), plan("all", { startsAt: "huomenna" }), plan("all", { durationMinutes: 0 }), plan("all", { videoUrl: "javascript:alert(1)" })]) {
      expect((await first.coordinator.client.post(`/api/programmes/${first.programmeId}/gatherings`, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("lets a group publish what it has learnt only through its facilitator, for its own group", async () => {
    const { coordinator, programmeId, groups } = await programmeWithGroups(["Ryhmä A", "Ryhmä B", "Ryhmä C"]);
    const [a, b, c] = groups as [(typeof groups)[number], (typeof groups)[number], (typeof groups)[number]];
    const { gathering } = await expectStatus(coordinator.client.post<{ gathering: Gathering }>(`/api/programmes/${programmeId}/gatherings`, plan([a.id, b.id])), 201);
    expect(gathering.digests).toEqual([]);
    const digest = { text: "Opimme, että ohjausryhmän kokous kannattaa valmistella päätösten kautta." };

    expect((await a.member.client.request("PUT", `/api/gatherings/${gathering.id}/digests/${a.id}`, { json: digest })).status).toBe(403);
    expect((await a.facilitator.client.request("PUT", `/api/gatherings/${gathering.id}/digests/${b.id}`, { json: digest })).status).toBe(404);
    expect((await c.facilitator.client.request("PUT", `/api/gatherings/${gathering.id}/digests/${c.id}`, { json: digest })).status).toBe(404);
    expect((await coordinator.client.request("PUT", `/api/gatherings/${gathering.id}/digests/${a.id}`, { json: digest })).status).toBe(404);
    expect((await a.facilitator.client.request("PUT", `/api/gatherings/${gathering.id}/digests/${a.id}`, { json: { text: " " } })).status).toBe(400);

    // Members of the other invited group and the host hear of it at once; an uninvited group does not.
    const [otherMember, host, outsider] = await Promise.all([connectSocket(server.url, b.member.client.accessToken), connectSocket(server.url, coordinator.client.accessToken), connectSocket(server.url, c.member.client.accessToken)]);
    const leaked: unknown[] = [];
    outsider.on("gathering:updated", (payload) => leaked.push(payload));
    const heard = Promise.all([nextEvent(otherMember, "gathering:updated"), nextEvent(host, "gathering:updated")]);
    const published = await expectStatus(a.facilitator.client.request<{ gathering: Gathering }>("PUT", `/api/gatherings/${gathering.id}/digests/${a.id}`, { json: digest }), 200);
    expect((await heard).map((payload) => payload.gatheringId)).toEqual([gathering.id, gathering.id]);
    expect(leaked).toEqual([]);
    for (const socket of [otherMember, host, outsider]) socket.close();
    expect(published.gathering.digestGroupIds).toEqual([a.id]);
    const seenByOther = await expectStatus(b.member.client.get<{ gathering: Gathering }>(`/api/gatherings/${gathering.id}`), 200);
    expect(seenByOther.gathering.digests.map((entry) => [entry.groupName, entry.text, entry.publishedByName])).toEqual([["Ryhmä A", digest.text, a.facilitator.user.displayName]]);
    const seenByHost = await expectStatus(coordinator.client.get<{ gathering: Gathering }>(`/api/gatherings/${gathering.id}`), 200);
    expect(seenByHost.gathering.digests).toHaveLength(1);

    await expectStatus(a.facilitator.client.delete(`/api/gatherings/${gathering.id}/digests/${a.id}`), 204);
    expect((await expectStatus(b.member.client.get<{ gathering: Gathering }>(`/api/gatherings/${gathering.id}`), 200)).gathering.digests).toEqual([]);
  });
});
