import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GoalList, GroupResponse } from "../../shared/schemas/groups";
import { groupWithMember, type GroupFixture } from "../support/groups";
import { signedInClient, type ApiClient, type ErrorResponseBody } from "../support/http";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * Group A's people and objects, tried by a user of group B on every endpoint the OpenAPI document lists
 * under a group, programme, notebook page, self-assessment round or template, and on every group socket
 * event. New endpoints join the matrix by themselves; one without a sample body here fails the test.
 */
const SAMPLE_BODIES: Record<string, unknown> = {
  "PATCH /api/groups/{groupId}": { name: "Kaapattu" },
  "POST /api/groups/{groupId}/phase": { phase: "ended" },
  "POST /api/groups/{groupId}/onboarding": { step: "goals_read" },
  "PATCH /api/groups/{groupId}/members/{userId}": { role: "facilitator" },
  "POST /api/groups/{groupId}/goals": { title: "Ulkopuolisen tavoite" },
  "PATCH /api/groups/{groupId}/goals/{goalId}": { title: "Muutettu" },
  "POST /api/groups/{groupId}/goals/{goalId}/check-ins": { progress: 1, comment: "x" },
  "POST /api/groups/{groupId}/invitations": {},
  "POST /api/programmes/{programmeId}/groups": { name: "Ryhmä", kind: "peer_mentoring" },
  "POST /api/programmes/{programmeId}/groups/{groupId}/facilitators": { email: "x@example.fi" },
  "POST /api/programmes/{programmeId}/groups/{groupId}/invitations": {},
  "POST /api/groups/{groupId}/notes": { title: "Ulkopuolisen sivu" },
  "PATCH /api/notes/{pageId}": { title: "Kaapattu" },
  "POST /api/notes/{pageId}/ticket": {},
  "POST /api/notes/{pageId}/versions": { name: "Ulkopuolisen versio" },
  "POST /api/notes/{pageId}/versions/{versionId}/restore": {},
  "POST /api/groups/{groupId}/assessment-rounds": { kind: "start", templateId: "3f0c6a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f", opensOn: "2026-01-01", closesOn: "2026-01-31" },
  "PUT /api/groups/{groupId}/my-growth/sharing": { shared: true },
  "PUT /api/assessment-rounds/{roundId}/my-response": { answers: {}, reflections: {}, submit: false },
  "PATCH /api/assessment-templates/{templateId}": { name: { fi: "Kaapattu", sv: "Kapad", en: "Hijacked" } },
  "PUT /api/programmes/{programmeId}/assessment-settings": { minRespondents: 3 },
  "POST /api/groups/{groupId}/meetings": { title: "Kaapattu", startsAt: "2027-01-01T10:00:00Z", durationMinutes: 60 },
  "PATCH /api/meetings/{meetingId}": { title: "Kaapattu" },
  "PUT /api/meetings/{meetingId}/agenda": { blocks: [{ kind: "other", minutes: 10 }] },
  "POST /api/meetings/{meetingId}/items": { kind: "decision", text: "Kaapattu" },
  "POST /api/series/{seriesId}/pause": { from: "2027-01-01", until: "2027-12-31" },
  "POST /api/series/{seriesId}/resume": {},
  "PUT /api/programmes/{programmeId}/agenda-template": { blocks: null },
  "POST /api/programmes/{programmeId}/gatherings": { title: "Kaapattu", startsAt: "2027-01-01T10:00:00Z", durationMinutes: 60, groupIds: "all" },
  "PATCH /api/gatherings/{gatheringId}": { title: "Kaapattu" },
  "PUT /api/gatherings/{gatheringId}/agenda": { blocks: [{ kind: "other", minutes: 10 }] },
  "PUT /api/gatherings/{gatheringId}/rsvp": { answer: "yes" },
  "PUT /api/gatherings/{gatheringId}/digests/{groupId}": { text: "Kaapattu" },
  "POST /api/groups/{groupId}/polls": { title: "Kaapattu", durationMinutes: 60, timeZone: "Europe/Helsinki", options: ["2027-01-01T10:00:00Z"] },
  "PUT /api/polls/{pollId}/answers": { answers: [{ optionId: "3f0c6a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f", answer: "yes" }] },
  "POST /api/polls/{pollId}/close": { optionId: "3f0c6a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f" },
  "PUT /api/method-cards/{cardId}/favourite": { favourite: true },
};

let server: TestServer;
let groupA: GroupFixture;
let programmeA: { id: string; groupId: string };
let invitationIdA: string;
let pageA: { id: string; versionId: string };
let assessmentA: { roundId: string; templateId: string };
let gatheringIdA: string;
let meetingA: { meetingId: string; seriesId: string; itemId: string; pollId: string; cardId: string };
let outsider: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  groupA = await groupWithMember(server.url, { goalCount: 2 });
  const invitations = await groupA.facilitator.client.get<{ invitations: { id: string }[] }>(`/api/groups/${groupA.groupId}/invitations`);
  invitationIdA = invitations.body.invitations[0]!.id;
  const page = await groupA.member.client.post<{ page: { id: string } }>(`/api/groups/${groupA.groupId}/notes`, { title: "A:n muistiinpanot" });
  const version = await groupA.member.client.post<{ version: { id: string } }>(`/api/notes/${page.body.page.id}/versions`, { name: "A:n versio" });
  pageA = { id: page.body.page.id, versionId: version.body.version.id };
  const templates = await groupA.facilitator.client.get<{ templates: { id: string; builtIn: string | null; name: unknown }[] }>("/api/assessment-templates");
  const builtIn = templates.body.templates.find((template) => template.builtIn === "peer_group")!;
  const copy = await groupA.facilitator.client.post<{ template: { id: string } }>("/api/assessment-templates", {
    fromTemplateId: builtIn.id,
    name: { fi: "A:n pohja", sv: "A:s mall", en: "A's template" },
    groupId: groupA.groupId,
  });
  const round = await groupA.facilitator.client.post<{ round: { id: string } }>(`/api/groups/${groupA.groupId}/assessment-rounds`, {
    kind: "start",
    templateId: copy.body.template.id,
    opensOn: "2026-01-01",
    closesOn: "2099-12-31",
  });
  assessmentA = { roundId: round.body.round.id, templateId: copy.body.template.id };
  const coordinator = await signedInClient(server.url);
  const programme = await coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: "A-ohjelma", template: "workshop_coaching" });
  const programmeGroup = await coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programme.body.programme.id}/groups`, {
    name: "A:n ryhmä",
    kind: "peer_mentoring",
  });
  programmeA = { id: programme.body.programme.id, groupId: programmeGroup.body.group.id };
  const gathering = await coordinator.client.post<{ gathering: { id: string } }>(`/api/programmes/${programmeA.id}/gatherings`, {
    title: "A-ohjelman kohtaaminen",
    startsAt: "2027-04-20T13:00:00+03:00",
    durationMinutes: 120,
    groupIds: "all",
  });
  gatheringIdA = gathering.body.gathering.id;

  const meeting = await groupA.facilitator.client.post<{ meeting: { id: string; seriesId: string } }>(`/api/groups/${groupA.groupId}/meetings`, {
    title: "A:n tapaaminen",
    startsAt: "2027-01-05T17:00:00+02:00",
    durationMinutes: 90,
    repeat: { kind: "monthly_weekday", count: 3 },
  });
  const item = await groupA.facilitator.client.post<{ item: { id: string } }>(`/api/meetings/${meeting.body.meeting.id}/items`, { kind: "decision", text: "A:n päätös" });
  const poll = await groupA.facilitator.client.post<{ poll: { id: string } }>(`/api/groups/${groupA.groupId}/polls`, {
    title: "A:n kysely",
    durationMinutes: 60,
    timeZone: "Europe/Helsinki",
    options: ["2027-02-01T10:00:00Z"],
  });
  const card = await groupA.facilitator.client.post<{ card: { id: string } }>("/api/method-cards", {
    groupId: groupA.groupId,
    phase: "sharing",
    title: "A:n menetelmä",
    purpose: "Vain A:lle",
    groupSize: { min: 2, max: 8 },
    durationMinutes: { min: 10, max: 20 },
    steps: [{ minutes: 10, text: "Tehkää" }],
  });
  meetingA = { meetingId: meeting.body.meeting.id, seriesId: meeting.body.meeting.seriesId, itemId: item.body.item.id, pollId: poll.body.poll.id, cardId: card.body.card.id };

  // The outsider belongs to a group of their own, so they are a real user with real rooms.
  const groupB = await groupWithMember(server.url, { goalCount: 1, name: "Ryhmä B" });
  outsider = groupB.member.client;
});

afterAll(async () => {
  await server?.close();
});

function fillPath(path: string): string {
  const isProgrammePath = path.startsWith("/api/programmes/");
  const values: Record<string, string> = {
    groupId: isProgrammePath ? programmeA.groupId : groupA.groupId,
    programmeId: programmeA.id,
    goalId: groupA.goals[0]!.id,
    userId: groupA.member.user.id,
    invitationId: invitationIdA,
    pageId: pageA.id,
    versionId: pageA.versionId,
    roundId: assessmentA.roundId,
    templateId: assessmentA.templateId,
    ...meetingA,
    gatheringId: gatheringIdA,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No sample value for {${name}} in ${path}`);
    return value;
  });
}

describe("an outsider (member of group B) against group A", () => {
  it("gets 403 or 404 from every group, programme and notes endpoint, and changes nothing", async () => {
    const document = await outsider.get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
    const operations = Object.entries(document.body.paths)
      .filter(([path]) =>
        ["{groupId}", "{programmeId}", "{pageId}", "{roundId}", "{templateId}", "{meetingId}", "{seriesId}", "{pollId}", "{cardId}", "{gatheringId}"].some((param) => path.includes(param)),
      )
      .flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(operations.length).toBeGreaterThanOrEqual(17);

    const answers: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      const needsBody = method === "POST" || method === "PATCH" || method === "PUT";
      if (needsBody && !(key in SAMPLE_BODIES) && !path.endsWith("/accept")) throw new Error(`Add a sample body for ${key}`);
      const response = await outsider.request<ErrorResponseBody>(method, fillPath(path), needsBody ? { json: SAMPLE_BODIES[key] ?? {} } : {});
      answers.push(`${key} → ${response.status}`);
      expect([403, 404], `${key} answered ${response.status}: ${JSON.stringify(response.body)}`).toContain(response.status);
      expect(typeof response.body.error.code).toBe("string");
    }

    for (const key of ["GET /api/gatherings/{gatheringId}", "PUT /api/gatherings/{gatheringId}/rsvp", "GET /api/meetings/{meetingId}/summary", "POST /api/polls/{pollId}/close", "GET /api/method-cards/{cardId}", "GET /api/assessment-rounds/{roundId}", "PUT /api/assessment-rounds/{roundId}/my-response", "PATCH /api/assessment-templates/{templateId}", "GET /api/groups/{groupId}/my-growth.csv"]) {
      expect(answers.some((answer) => answer.startsWith(`${key} →`)), key).toBe(true);
    }

    const group = GroupResponse.parse((await groupA.facilitator.client.get(`/api/groups/${groupA.groupId}`)).body).group;
    expect(group.name).toBe("Projektipäälliköt");
    expect(group.phase).toBe("forming");
    expect(group.members).toHaveLength(2);
    const goals = GoalList.parse((await groupA.facilitator.client.get(`/api/groups/${groupA.groupId}/goals`)).body).goals;
    expect(goals.map((goal) => goal.title)).toEqual(["Tavoite 1", "Tavoite 2"]);
    expect(goals[0]!.checkInCount).toBe(0);
    const notebook = await groupA.member.client.get<{ pages: { title: string }[] }>(`/api/groups/${groupA.groupId}/notes`);
    expect(notebook.body.pages.map((page) => page.title)).toEqual(["A:n muistiinpanot"]);
    const versions = await groupA.member.client.get<{ versions: unknown[] }>(`/api/notes/${pageA.id}/versions`);
    expect(versions.body.versions).toHaveLength(1);
    const rounds = await groupA.member.client.get<{ rounds: { id: string; submittedCount: number; myResponse: string }[] }>(`/api/groups/${groupA.groupId}/assessment-rounds`);
    expect(rounds.body.rounds.map((round) => [round.id, round.submittedCount])).toEqual([[assessmentA.roundId, 0]]);
    const template = await groupA.facilitator.client.get<{ templates: { id: string; version: number }[] }>("/api/assessment-templates");
    expect(template.body.templates.find((entry) => entry.id === assessmentA.templateId)?.version).toBe(1);
    const growth = await groupA.member.client.get<{ sharedWithGroup: boolean }>(`/api/groups/${groupA.groupId}/my-growth`);
    expect(growth.body.sharedWithGroup).toBe(false);
    const meetings = await groupA.member.client.get<{ meetings: { title: string; status: string }[] }>(`/api/groups/${groupA.groupId}/meetings`);
    expect(meetings.body.meetings.map((meeting) => [meeting.title, meeting.status])).toEqual([
      ["A:n tapaaminen", "scheduled"],
      ["A:n tapaaminen", "scheduled"],
      ["A:n tapaaminen", "scheduled"],
    ]);
    const summary = await groupA.member.client.get<{ summary: { items: unknown[] } }>(`/api/meetings/${meetingA.meetingId}/summary`);
    expect(summary.body.summary.items).toHaveLength(1);
    const polls = await groupA.member.client.get<{ polls: { status: string; responses: unknown[] }[] }>(`/api/groups/${groupA.groupId}/polls`);
    expect(polls.body.polls.map((poll) => [poll.status, poll.responses.length])).toEqual([["open", 0]]);
  });

  it("is refused on every group socket event and receives none of group A's updates", async () => {
    const socket = await connectSocket(server.url, outsider.accessToken);
    const leaked: unknown[] = [];
    for (const event of ["goals:updated", "members:updated", "group:updated"] as const) {
      socket.on(event, (payload: { groupId?: string; group?: { id: string } }) => {
        if (payload.groupId === groupA.groupId || payload.group?.id === groupA.groupId) leaked.push(payload);
      });
    }
    const create = await socket.emitWithAck("goal:create", { groupId: groupA.groupId, goal: { title: "Ulkopuolinen" } });
    const checkIn = await socket.emitWithAck("goal:checkIn", { groupId: groupA.groupId, goalId: groupA.goals[0]!.id, checkIn: { progress: 2 } });
    expect(create).toEqual({ ok: false, error: expect.objectContaining({ code: "not_found" }) });
    expect(checkIn).toEqual({ ok: false, error: expect.objectContaining({ code: "not_found" }) });
    for (const event of ["meetings:updated", "poll:updated", "meeting:updated"] as const) socket.on(event, (payload: unknown) => leaked.push(payload));
    const meetingEvents = [
      await socket.emitWithAck("meeting:join", { meetingId: meetingA.meetingId }),
      await socket.emitWithAck("meeting:leave", { meetingId: meetingA.meetingId }),
      await socket.emitWithAck("meeting:control", { meetingId: meetingA.meetingId, control: { type: "start" } }),
      await socket.emitWithAck("meeting:hand", { meetingId: meetingA.meetingId, raised: true }),
    ];
    for (const answer of meetingEvents) expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: "not_found" }) });

    const facilitatorSocket = await connectSocket(server.url, groupA.facilitator.client.accessToken);
    const marker = new Promise((resolve) => facilitatorSocket.once("goals:updated", resolve));
    await groupA.facilitator.client.post(`/api/groups/${groupA.groupId}/goals`, { title: "Vain A:lle" });
    await marker;
    const pollPushed = new Promise((resolve) => facilitatorSocket.once("poll:updated", resolve));
    await groupA.facilitator.client.request("PUT", `/api/polls/${meetingA.pollId}/answers`, { json: { answers: [] } });
    await groupA.member.client.post(`/api/groups/${groupA.groupId}/polls`, {});
    await groupA.facilitator.client.post(`/api/groups/${groupA.groupId}/polls`, { title: "Vain A:lle", durationMinutes: 30, timeZone: "Europe/Helsinki", options: ["2027-03-01T10:00:00Z"] });
    await pollPushed;
    expect(leaked).toEqual([]);
    socket.close();
    facilitatorSocket.close();
  });

  it("gets validation errors, not crashes, for malformed socket payloads", async () => {
    const socket = await connectSocket(server.url, outsider.accessToken);
    const raw = socket as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    for (const payload of [null, "x", 42, [], { groupId: "not-a-uuid", goal: { title: "x" } }, { groupId: groupA.groupId }, { groupId: groupA.groupId, goal: { title: "x".repeat(1000) } }]) {
      expect(await raw.emitWithAck("goal:create", payload)).toEqual({ ok: false, error: expect.objectContaining({ code: "validation_failed" }) });
    }
    socket.close();
  });
});
