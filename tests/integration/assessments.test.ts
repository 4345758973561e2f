import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuiltInTemplates } from "../../server/db/builtInTemplates";
import { assessmentRounds, assessmentTemplateVersions } from "../../server/db/schema";
import {
  Aggregates,
  AssessmentSettings,
  AssessmentTemplate,
  DueList,
  FeedbackAggregate,
  MyGrowth,
  ProgrammeAggregates,
  RoundDetail,
  ROUND_KINDS,
  RoundList,
  SharedGrowth,
  TemplateList,
  type AssessmentRound,
} from "../../shared/schemas/assessments";
import { builtInTemplate, daysFromToday, programmeGroup, statementIds, type Person, type ProgrammeGroupFixture } from "../support/assessments";
import { expectStatus, groupWithMember } from "../support/groups";
import type { ApiClient, ErrorResponseBody } from "../support/http";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function openRound(fixture: ProgrammeGroupFixture, kind: string, templateId: string, opensOn = daysFromToday(-1), closesOn = daysFromToday(7)): Promise<AssessmentRound> {
  const { round } = await expectStatus(
    fixture.facilitator.client.post<{ round: AssessmentRound }>(`/api/groups/${fixture.groupId}/assessment-rounds`, { kind, templateId, opensOn, closesOn }),
    201,
  );
  return round;
}

function answer(client: ApiClient, roundId: string, body: unknown) {
  return client.request<RoundDetail & ErrorResponseBody>("PUT", `/api/assessment-rounds/${roundId}/my-response`, { json: body });
}

async function submit(person: Person, roundId: string, answers: Record<string, number>, reflections: Record<string, string> = {}): Promise<void> {
  await expectStatus(answer(person.client, roundId, { answers, reflections, submit: true }), 200);
}

/** Answers every statement with `value`, except those given explicitly. */
function allAnswers(template: AssessmentTemplate, value: number, overrides: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(statementIds(template).map((id) => [id, value])), ...overrides };
}

async function csvOf(client: ApiClient, path: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(client.baseUrl + path, { headers: { authorization: `Bearer ${client.accessToken}` } });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("templates", () => {
  it("lists the four built-ins to anyone, and a built-in cannot be edited", async () => {
    const fixture = await programmeGroup(server.url, 0);
    const { templates } = TemplateList.parse((await fixture.facilitator.client.get("/api/assessment-templates")).body);
    expect(templates.filter((template) => template.builtIn).map((template) => template.builtIn)).toEqual([
      "project_management",
      "peer_instructor",
      "peer_group",
      "closing_feedback",
    ]);
    const peerInstructor = templates.find((template) => template.builtIn === "peer_instructor")!;
    expect(peerInstructor.content.areas.map((area) => area.title.en)).toEqual([
      "Interaction",
      "Self-knowledge",
      "Group guidance",
      "Supporting orientation",
      "Safe working practices",
    ]);
    const edit = await fixture.coordinator.client.patch<ErrorResponseBody>(`/api/assessment-templates/${peerInstructor.id}`, { name: { fi: "x", sv: "x", en: "x" } });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe("forbidden");

    // Writing the built-ins again on the next start changes nothing.
    const versionsBefore = await server.database.db.select().from(assessmentTemplateVersions);
    await ensureBuiltInTemplates(server.database.db);
    expect(await server.database.db.select().from(assessmentTemplateVersions)).toEqual(versionsBefore);
    expect(templates.filter((template) => template.builtIn).every((template) => template.version === 1)).toBe(true);
  });

  it("versions an edited copy: a round keeps the content it opened with, and a new round gets the new version", async () => {
    const fixture = await programmeGroup(server.url, 2, "Versioryhmä");
    const source = await builtInTemplate(fixture.coordinator, "peer_group");
    const copy = await expectStatus(
      fixture.coordinator.client.post<{ template: AssessmentTemplate }>("/api/assessment-templates", {
        fromTemplateId: source.id,
        name: { fi: "Oma pohja", sv: "Egen mall", en: "Our template" },
        programmeId: fixture.programmeId,
      }),
      201,
    );
    expect(copy.template).toMatchObject({ builtIn: null, programmeId: fixture.programmeId, groupId: null, version: 1, content: source.content });

    // The group's facilitator sees the programme's copy and may use it, but only coordinators edit it.
    const visible = TemplateList.parse((await fixture.facilitator.client.get("/api/assessment-templates")).body).templates;
    expect(visible.map((template) => template.id)).toContain(copy.template.id);
    expect((await fixture.facilitator.client.patch(`/api/assessment-templates/${copy.template.id}`, { name: source.name })).status).toBe(403);
    const stranger = await groupWithMember(server.url, { name: "Muu ryhmä" });
    expect(TemplateList.parse((await stranger.facilitator.client.get("/api/assessment-templates")).body).templates.map((template) => template.id)).not.toContain(
      copy.template.id,
    );
    expect((await stranger.facilitator.client.patch(`/api/assessment-templates/${copy.template.id}`, { name: source.name })).status).toBe(404);

    const start = await openRound(fixture, "start", copy.template.id);
    expect(start).toMatchObject({ templateVersionId: copy.template.versionId, templateName: { en: "Our template" } });
    await submit(fixture.members[0]!, start.id, allAnswers(copy.template, 3));

    const edited = structuredClone(copy.template.content);
    edited.areas[0]!.statements[0]!.text.fi = "Muutettu väittämä";
    edited.areas[1]!.statements.pop();
    const added = { id: "s-0a1b2c3d4e", text: { fi: "Uusi väittämä", sv: "Nytt påstående", en: "A new statement" } };
    edited.areas[0]!.statements.push(added);
    const update = await expectStatus(
      fixture.coordinator.client.patch<{ template: AssessmentTemplate }>(`/api/assessment-templates/${copy.template.id}`, { content: edited }),
      200,
    );
    expect(update.template.version).toBe(2);
    expect(update.template.versionId).not.toBe(copy.template.versionId);
    expect(update.template.name.en).toBe("Our template");

    // The open round still shows, and accepts, exactly what it opened with.
    const detail = RoundDetail.parse((await fixture.members[1]!.client.get(`/api/assessment-rounds/${start.id}`)).body);
    expect(detail.round.templateVersionId).toBe(copy.template.versionId);
    expect(detail.content).toEqual(copy.template.content);
    await submit(fixture.members[1]!, start.id, allAnswers(copy.template, 4));
    // The added statement is not part of the open round.
    const notAsked = await answer(fixture.members[1]!.client, start.id, { answers: { [added.id]: 3 }, reflections: {}, submit: false });
    expect(notAsked.status).toBe(400);
    expect(notAsked.body.error.details).toEqual([{ path: `body.answers.${added.id}`, message: expect.any(String) }]);

    const end = await openRound(fixture, "end", copy.template.id);
    expect(end.templateVersionId).toBe(update.template.versionId);
    const endDetail = RoundDetail.parse((await fixture.members[0]!.client.get(`/api/assessment-rounds/${end.id}`)).body);
    expect(endDetail.content.areas[0]!.statements[0]!.text.fi).toBe("Muutettu väittämä");
    expect(endDetail.content.areas[0]!.statements.at(-1)).toEqual(added);
    await submit(fixture.members[1]!, end.id, allAnswers(update.template, 5));
    expect(RoundDetail.parse((await fixture.members[1]!.client.get(`/api/assessment-rounds/${end.id}`)).body).myResponse?.answers[added.id]).toBe(5);
    const removed = copy.template.content.areas[1]!.statements.at(-1)!.id;
    const stale = await answer(fixture.members[0]!.client, end.id, { answers: { [removed]: 3 }, reflections: {}, submit: false });
    expect(stale.status).toBe(400);
    expect(stale.body.error.details).toEqual([{ path: `body.answers.${removed}`, message: expect.any(String) }]);

    // The start and end rounds of a group compare one template.
    const other = await builtInTemplate(fixture.facilitator, "project_management");
    const mixed = await fixture.facilitator.client.post<ErrorResponseBody>(`/api/groups/${fixture.groupId}/assessment-rounds`, {
      kind: "end",
      templateId: other.id,
      opensOn: daysFromToday(0),
      closesOn: daysFromToday(3),
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.details?.[0]?.path).toBe("body.templateId");
  });

  it("refuses an edit that repeats an area, statement or reflection id, and saves nothing", async () => {
    const fixture = await programmeGroup(server.url, 0, "Tunnisteryhmä");
    const source = await builtInTemplate(fixture.coordinator, "peer_group");
    const { template } = await expectStatus(
      fixture.coordinator.client.post<{ template: AssessmentTemplate }>("/api/assessment-templates", {
        fromTemplateId: source.id,
        name: { fi: "Tunnisteet", sv: "Id", en: "Ids" },
        programmeId: fixture.programmeId,
      }),
      201,
    );
    const text = { fi: "Toinen", sv: "Annan", en: "Another" };
    const edit = (content: unknown) => fixture.coordinator.client.patch<ErrorResponseBody>(`/api/assessment-templates/${template.id}`, { content });

    // The same statement id in another area would count one answer in both.
    const firstStatementId = template.content.areas[0]!.statements[0]!.id;
    const repeatedStatement = structuredClone(template.content);
    repeatedStatement.areas[1]!.statements.push({ id: firstStatementId, text });
    const repeatedArea = structuredClone(template.content);
    repeatedArea.areas[2]!.id = repeatedArea.areas[0]!.id;
    const repeatedReflection = structuredClone(template.content);
    repeatedReflection.reflections.push({ id: template.content.reflections[0]!.id, text });
    const cases: [unknown, string][] = [
      [repeatedStatement, `body.content.areas.1.statements.${template.content.areas[1]!.statements.length}.id`],
      [repeatedArea, "body.content.areas.2.id"],
      [repeatedReflection, `body.content.reflections.${template.content.reflections.length}.id`],
    ];
    for (const [content, path] of cases) {
      const refused = await edit(content);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.code).toBe("validation_failed");
      expect(refused.body.error.details).toEqual([{ path, message: expect.stringMatching(/already has the id/) }]);
    }
    const unchanged = TemplateList.parse((await fixture.coordinator.client.get("/api/assessment-templates")).body).templates.find((entry) => entry.id === template.id);
    expect(unchanged).toMatchObject({ version: 1, content: template.content });
  });

  it("lets a standalone group's facilitator copy for the group, but not a programme group's facilitator", async () => {
    const standalone = await groupWithMember(server.url, { name: "Itsenäinen ryhmä" });
    const source = await builtInTemplate(standalone.facilitator, "closing_feedback");
    const name = { fi: "Palaute", sv: "Respons", en: "Feedback" };
    const copy = await standalone.facilitator.client.post<{ template: AssessmentTemplate }>("/api/assessment-templates", { fromTemplateId: source.id, name, groupId: standalone.groupId });
    expect(copy.status).toBe(201);
    expect(copy.body.template.groupId).toBe(standalone.groupId);
    // A member of the group can see the copy but not edit it; the member cannot make copies either.
    expect((await standalone.member.client.patch(`/api/assessment-templates/${copy.body.template.id}`, { name })).status).toBe(403);
    expect((await standalone.member.client.post("/api/assessment-templates", { fromTemplateId: source.id, name, groupId: standalone.groupId })).status).toBe(403);

    const fixture = await programmeGroup(server.url, 0, "Ohjelman ryhmä");
    const refused = await fixture.facilitator.client.post<ErrorResponseBody>("/api/assessment-templates", { fromTemplateId: source.id, name, groupId: fixture.groupId });
    expect(refused.status).toBe(403);
    // Another group's copy cannot be used for this group's rounds.
    const foreign = await fixture.facilitator.client.post<ErrorResponseBody>(`/api/groups/${fixture.groupId}/assessment-rounds`, {
      kind: "feedback",
      templateId: copy.body.template.id,
      opensOn: daysFromToday(0),
      closesOn: daysFromToday(1),
    });
    expect(foreign.status).toBe(404);
    expect((await fixture.coordinator.client.post("/api/assessment-templates", { fromTemplateId: source.id, name, programmeId: fixture.programmeId, groupId: fixture.groupId })).status).toBe(400);
  });
});

describe("rounds and answering", () => {
  it("saves drafts, submits, edits until close, counts submissions and lists what is due", async () => {
    const fixture = await programmeGroup(server.url, 2, "Vastausryhmä");
    const template = await builtInTemplate(fixture.facilitator, "peer_instructor");
    const [member, other] = fixture.members as [Person, Person];

    const memberSocket = await connectSocket(server.url, member.client.accessToken);
    const pushes: string[] = [];
    memberSocket.on("assessments:updated", (payload) => pushes.push(payload.groupId));
    const outsider = await groupWithMember(server.url, { name: "Sivullinen" });
    const outsiderSocket = await connectSocket(server.url, outsider.member.client.accessToken);
    const leaked: unknown[] = [];
    outsiderSocket.on("assessments:updated", (payload) => leaked.push(payload));

    const waitForPush = (count: number) => expect.poll(() => pushes.length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
    try {
      const start = await openRound(fixture, "start", template.id, daysFromToday(0), daysFromToday(14));
      expect(start).toMatchObject({ kind: "start", status: "open", myResponse: "none", submittedCount: 0, templateVersionId: template.versionId });
      await waitForPush(1);
      const upcoming = await openRound(fixture, "end", template.id, daysFromToday(30), daysFromToday(40));
      expect(upcoming.status).toBe("upcoming");

      const due = DueList.parse((await member.client.get("/api/me/assessments/due")).body).due;
      expect(due.map((entry) => entry.round.id)).toEqual([start.id]);
      expect(due[0]!.groupName).toBe("Vastausryhmä");

      // A partial draft.
      const ids = statementIds(template);
      const draft = await answer(member.client, start.id, { answers: { [ids[0]!]: 2 }, reflections: { role: "Haluan olla rauhallinen tuki" }, submit: false });
      expect(draft.status).toBe(200);
      expect(draft.body.myResponse).toMatchObject({ status: "draft", answers: { [ids[0]!]: 2 }, reflections: { role: "Haluan olla rauhallinen tuki" }, submittedAt: null });
      expect(draft.body.round).toMatchObject({ myResponse: "draft", submittedCount: 0 });

      // A submission must answer everything.
      const incomplete = await answer(member.client, start.id, { answers: { [ids[0]!]: 2 }, reflections: {}, submit: true });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error.details?.map((detail) => detail.path)).toEqual(ids.slice(1).map((id) => `body.answers.${id}`));

      await submit(member, start.id, allAnswers(template, 3));
      await waitForPush(2);
      const submitted = RoundDetail.parse((await member.client.get(`/api/assessment-rounds/${start.id}`)).body);
      expect(submitted.round).toMatchObject({ myResponse: "submitted", submittedCount: 1 });
      expect(submitted.myResponse?.submittedAt).not.toBeNull();
      expect(DueList.parse((await member.client.get("/api/me/assessments/due")).body).due).toEqual([]);
      expect(DueList.parse((await other.client.get("/api/me/assessments/due")).body).due.map((entry) => entry.round.id)).toEqual([start.id]);

      // Editable while open; the other member sees only the count.
      await submit(member, start.id, allAnswers(template, 4));
      const seenByOther = RoundDetail.parse((await other.client.get(`/api/assessment-rounds/${start.id}`)).body);
      expect(seenByOther.round).toMatchObject({ myResponse: "none", submittedCount: 1 });
      expect(seenByOther.myResponse).toBeNull();
      const list = RoundList.parse((await other.client.get(`/api/groups/${fixture.groupId}/assessment-rounds`)).body).rounds;
      expect(list.map((round) => [round.kind, round.status])).toEqual([
        ["start", "open"],
        ["end", "upcoming"],
      ]);

      // An upcoming round takes no answers yet.
      const early = await answer(member.client, upcoming.id, { answers: {}, reflections: {}, submit: false });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("round_closed");

      // Once closed, answers are final.
      await server.database.db.update(assessmentRounds).set({ opensOn: daysFromToday(-20), closesOn: daysFromToday(-1) }).where(eq(assessmentRounds.id, start.id));
      const late = await answer(member.client, start.id, { answers: allAnswers(template, 1), reflections: {}, submit: true });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("round_closed");
      const final = RoundDetail.parse((await member.client.get(`/api/assessment-rounds/${start.id}`)).body);
      expect(final.round.status).toBe("closed");
      expect(Object.values(final.myResponse!.answers)).toEqual(ids.map(() => 4));
      expect(leaked).toEqual([]);
    } finally {
      memberSocket.close();
      outsiderSocket.close();
    }
  });

  it("refuses bad input with clear errors", async () => {
    const fixture = await programmeGroup(server.url, 1, "Virheryhmä");
    const template = await builtInTemplate(fixture.facilitator, "peer_group");
    const round = await openRound(fixture, "start", template.id);
    const member = fixture.members[0]!;
    const ids = statementIds(template);

    for (const value of [0, 6, 2.5, "3", null]) {
      const response = await answer(member.client, round.id, { answers: { [ids[0]!]: value }, reflections: {}, submit: false });
      expect(response.status, `value ${String(value)}`).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
    }
    const unknown = await answer(member.client, round.id, { answers: { ei_ole: 3, [ids[0]!]: 3 }, reflections: { ei_kysymys: "x" }, submit: false });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { path: "body.answers.ei_ole", message: "No such statement in this round's template" },
      { path: "body.reflections.ei_kysymys", message: "No such reflection question in this round's template" },
    ]);
    expect((await answer(member.client, round.id, { answers: {}, reflections: { hopes: "x".repeat(4001) }, submit: false })).status).toBe(400);
    expect((await answer(member.client, round.id, { answers: {}, reflections: {}, submit: false, userId: fixture.facilitator.user.id })).status).toBe(400);
    expect((await answer(member.client, round.id, { answers: {}, reflections: {} })).status).toBe(400);
    const malformed = await member.client.request<ErrorResponseBody>("PUT", `/api/assessment-rounds/${round.id}/my-response`, { rawBody: '{"answers": {' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("validation_failed");
    expect((await member.client.request("PUT", `/api/assessment-rounds/not-a-uuid/my-response`, { json: { answers: {}, reflections: {}, submit: false } })).status).toBe(400);
    expect((await member.client.request("PUT", `/api/assessment-rounds/${crypto.randomUUID()}/my-response`, { json: { answers: {}, reflections: {}, submit: false } })).status).toBe(404);
    // Nothing was stored by any of these.
    expect(RoundDetail.parse((await member.client.get(`/api/assessment-rounds/${round.id}`)).body).myResponse).toBeNull();

    // Rounds: only facilitators open them, with sensible dates and a known kind.
    const create = (client: ApiClient, body: unknown) => client.post<ErrorResponseBody>(`/api/groups/${fixture.groupId}/assessment-rounds`, body);
    expect((await create(member.client, { kind: "midpoint", templateId: template.id, opensOn: daysFromToday(0), closesOn: daysFromToday(1) })).status).toBe(403);
    expect((await create(fixture.facilitator.client, { kind: "midpoint", templateId: template.id, opensOn: daysFromToday(2), closesOn: daysFromToday(1) })).status).toBe(400);
    expect((await create(fixture.facilitator.client, { kind: "halfway", templateId: template.id, opensOn: daysFromToday(0), closesOn: daysFromToday(1) })).status).toBe(400);
    expect((await create(fixture.facilitator.client, { kind: "midpoint", templateId: template.id, opensOn: "2026-02-30", closesOn: daysFromToday(1) })).status).toBe(400);
    // The ISO format has a year 0000; the database's dates do not (found by the property test below).
    expect((await create(fixture.facilitator.client, { kind: "midpoint", templateId: template.id, opensOn: "0000-01-01", closesOn: daysFromToday(1) })).status).toBe(400);
    expect((await create(fixture.facilitator.client, { kind: "midpoint", templateId: crypto.randomUUID(), opensOn: daysFromToday(0), closesOn: daysFromToday(1) })).status).toBe(404);

    // A round that already closed takes no submission.
    const past = await openRound(fixture, "midpoint", template.id, daysFromToday(-10), daysFromToday(-3));
    expect(past.status).toBe("closed");
    const late = await answer(member.client, past.id, { answers: allAnswers(template, 3), reflections: {}, submit: true });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("round_closed");
  });
});

describe("privacy of individual answers", () => {
  it("keeps a member's answers from the facilitator, the coordinator, another member and an outsider on every path", async () => {
    const fixture = await programmeGroup(server.url, 2, "Yksityisyysryhmä");
    const template = await builtInTemplate(fixture.facilitator, "project_management");
    const [author, otherMember] = fixture.members as [Person, Person];
    const outsider = (await groupWithMember(server.url, { name: "Ulkopuoliset" })).member;
    const start = await openRound(fixture, "start", template.id);
    const end = await openRound(fixture, "end", template.id);
    const feedbackTemplate = await builtInTemplate(fixture.facilitator, "closing_feedback");
    const feedback = await openRound(fixture, "feedback", feedbackTemplate.id);
    const secret = `salainen-pohdinta-${randomBytes(6).toString("hex")}`;
    await submit(author, start.id, allAnswers(template, 2), { strengths: secret });
    await submit(author, end.id, allAnswers(template, 5), { develop: secret });
    await submit(author, feedback.id, allAnswers(feedbackTemplate, 1), { change: secret });

    const readers: [string, Person, "member" | "coordinator" | "stranger"][] = [
      ["facilitator", fixture.facilitator, "member"],
      ["coordinator", fixture.coordinator, "coordinator"],
      ["another member", otherMember, "member"],
      ["outsider", outsider, "stranger"],
    ];
    const g = fixture.groupId;
    const jsonPaths = [
      `/api/assessment-rounds/${start.id}`,
      `/api/assessment-rounds/${end.id}`,
      `/api/assessment-rounds/${feedback.id}`,
      `/api/groups/${g}/assessment-rounds`,
      `/api/groups/${g}/my-growth`,
      `/api/groups/${g}/shared-growth`,
      `/api/groups/${g}/assessment-aggregates`,
      `/api/groups/${g}/feedback-aggregates`,
      `/api/programmes/${fixture.programmeId}/assessment-aggregates`,
      `/api/me/assessments/due`,
    ];
    const csvPaths = [`/api/groups/${g}/my-growth.csv`, `/api/programmes/${fixture.programmeId}/assessment-aggregates.csv`];

    for (const [who, reader, relation] of readers) {
      for (const path of jsonPaths) {
        const response = await reader.client.get<Record<string, unknown>>(path);
        const text = JSON.stringify(response.body);
        expect(text, `${who} GET ${path}`).not.toContain(secret);
        expect(text, `${who} GET ${path}`).not.toContain(author.user.id);
        const ownPath = path === "/api/me/assessments/due";
        const memberPath = !path.includes("aggregates") && !ownPath;
        const programmePath = path.startsWith("/api/programmes/");
        const refused = (relation === "stranger" && !ownPath) || (relation === "coordinator" && memberPath) || (relation !== "coordinator" && programmePath);
        if (refused) expect(response.status, `${who} GET ${path}`).toBe(404);
        else expect(response.status, `${who} GET ${path}`).toBe(200);
        if (response.status !== 200) continue;
        if (path.startsWith("/api/assessment-rounds/")) expect(RoundDetail.parse(response.body).myResponse, `${who} GET ${path}`).toBeNull();
        if (path.endsWith("/my-growth")) expect(MyGrowth.parse(response.body).rounds.every((round) => round.response === null), who).toBe(true);
        if (path.endsWith("/shared-growth")) expect(SharedGrowth.parse(response.body).members).toEqual([]);
        // One respondent: the aggregates say so and show nothing else.
        if (path.endsWith(`${g}/assessment-aggregates`)) expect(response.body).toEqual({ available: false, respondents: 1, threshold: 3, reason: "below_threshold" });
        if (path.endsWith("/feedback-aggregates")) expect(response.body).toEqual({ available: false, respondents: 1, threshold: 3, reason: "below_threshold" });
        if (path.startsWith("/api/programmes/")) {
          expect(ProgrammeAggregates.parse(response.body).groups.map((group) => [group.assessments.available, group.feedback.available])).toEqual([[false, false]]);
        }
      }
      for (const path of csvPaths) {
        const csv = await csvOf(reader.client, path);
        expect(csv.text, `${who} GET ${path}`).not.toContain(secret);
        if (csv.status === 200 && path.endsWith("my-growth.csv")) {
          // Only the reader's own (empty) answers: no value in the answer column.
          const answers = csv.text.trim().split("\r\n").slice(1).map((line) => line.split(",").at(-2));
          expect(answers.every((value) => value === ""), who).toBe(true);
        }
        if (csv.status === 200 && path.includes("/programmes/")) expect(csv.text).toContain("below_threshold");
      }
      // Writing goes to the writer's own answer only; the author's stays as it was.
      if (relation === "member") await submit(reader, start.id, allAnswers(template, 1));
      else expect((await answer(reader.client, start.id, { answers: allAnswers(template, 1), reflections: {}, submit: true })).status).toBe(404);
    }
    const mine = RoundDetail.parse((await author.client.get(`/api/assessment-rounds/${start.id}`)).body).myResponse!;
    expect(Object.values(mine.answers).every((value) => value === 2)).toBe(true);
    expect(mine.reflections).toEqual({ strengths: secret });

    // The author sees everything they wrote, and can download it.
    const growth = MyGrowth.parse((await author.client.get(`/api/groups/${g}/my-growth`)).body);
    expect(growth.rounds.map((round) => round.response?.status)).toEqual(["submitted", "submitted", "submitted"]);
    const own = await csvOf(author.client, `/api/groups/${g}/my-growth.csv`);
    expect(own.type).toContain("text/csv");
    expect(own.text).toContain(secret);

    // Sharing is the author's choice: members then see the submitted answers, never the reflections.
    const shared = MyGrowth.parse((await expectStatus(author.client.request("PUT", `/api/groups/${g}/my-growth/sharing`, { json: { shared: true } }), 200)));
    expect(shared.sharedWithGroup).toBe(true);
    const seen = SharedGrowth.parse((await otherMember.client.get(`/api/groups/${g}/shared-growth`)).body).members;
    expect(seen.map((member) => member.userId)).toEqual([author.user.id]);
    expect(seen[0]!.growth.rounds.map((round) => Object.values(round.response?.answers ?? {})[0])).toEqual([2, 5, 1]);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect((await fixture.coordinator.client.get(`/api/groups/${g}/shared-growth`)).status).toBe(404);
    expect((await outsider.client.get(`/api/groups/${g}/shared-growth`)).status).toBe(404);
    await expectStatus(author.client.request("PUT", `/api/groups/${g}/my-growth/sharing`, { json: { shared: false } }), 200);
    expect(SharedGrowth.parse((await otherMember.client.get(`/api/groups/${g}/shared-growth`)).body).members).toEqual([]);
  });
});

describe("anonymous aggregates", () => {
  it("computes per-area means, distributions and change in SQL over people who submitted both rounds, only from the threshold up", async () => {
    const fixture = await programmeGroup(server.url, 6, "Koontiryhmä");
    const template = await builtInTemplate(fixture.facilitator, "peer_group");
    expect(template.content.areas.map((area) => area.id)).toEqual(["sharing", "learning", "goals", "confidence"]);
    const start = await openRound(fixture, "start", template.id, daysFromToday(-30), daysFromToday(-20));
    // Answers go in while the round is open; it closed later.
    await server.database.db.update(assessmentRounds).set({ closesOn: daysFromToday(1) }).where(eq(assessmentRounds.id, start.id));
    const end = await openRound(fixture, "end", template.id);
    const [a, b, c, d, startOnly, draftOnly] = fixture.members as [Person, Person, Person, Person, Person, Person];

    // "sharing" has two statements; every other area is 3 at the start and 4 at the end for everyone.
    //           start      mean   rounded   end        mean  rounded
    // a         2, 3       2.5    3         4, 4       4     4
    // b         1, 2       1.5    2         3, 4       3.5   4
    // c         3, 3       3      3         3, 4       3.5   4
    // d         4, 5       4.5    5         5, 5       5     5
    // start mean (2.5 + 1.5 + 3 + 4.5) / 4 = 2.875 → 2.88; end mean 16 / 4 = 4; change 1.125 → 1.13
    const sharing = (first: number, second: number) => ({ sharing_openly: first, sharing_listening: second });
    const people: [Person, [number, number], [number, number]][] = [
      [a, [2, 3], [4, 4]],
      [b, [1, 2], [3, 4]],
      [c, [3, 3], [3, 4]],
      [d, [4, 5], [5, 5]],
    ];
    const aggregates = async (client: ApiClient) => Aggregates.parse((await expectStatus(client.get(`/api/groups/${fixture.groupId}/assessment-aggregates`), 200)));

    expect(await aggregates(a.client)).toEqual({ available: false, respondents: 0, threshold: 3, reason: "below_threshold" });
    // Not counted: only a start, or an end still in draft.
    await submit(startOnly, start.id, allAnswers(template, 1));
    await submit(draftOnly, start.id, allAnswers(template, 1));
    await expectStatus(answer(draftOnly.client, end.id, { answers: allAnswers(template, 1), reflections: {}, submit: false }), 200);

    for (const [index, [person, startPair, endPair]] of people.entries()) {
      await submit(person, start.id, allAnswers(template, 3, sharing(...startPair)));
      await submit(person, end.id, allAnswers(template, 4, sharing(...endPair)));
      const result = await aggregates(fixture.coordinator.client);
      if (index < 2) {
        // Below the threshold the answer carries no figure at all.
        expect(result).toEqual({ available: false, respondents: index + 1, threshold: 3, reason: "below_threshold" });
        expect(JSON.stringify(result)).not.toMatch(/areas|Mean|Distribution/);
      } else {
        expect(result.available).toBe(true);
      }
    }

    const result = await aggregates(fixture.facilitator.client);
    if (!result.available) throw new Error("expected aggregates");
    expect(result.respondents).toBe(4);
    expect(result.areas.map((area) => area.areaId)).toEqual(["sharing", "learning", "goals", "confidence"]);
    expect(result.areas[0]).toEqual({
      areaId: "sharing",
      title: template.content.areas[0]!.title,
      startMean: 2.88,
      endMean: 4,
      change: 1.13,
      startDistribution: [0, 1, 2, 0, 1],
      endDistribution: [0, 0, 0, 3, 1],
    });
    for (const area of result.areas.slice(1)) {
      expect(area).toMatchObject({ startMean: 3, endMean: 4, change: 1, startDistribution: [0, 0, 4, 0, 0], endDistribution: [0, 0, 0, 4, 0] });
    }

    // The coordinator gets the same per group, and as CSV.
    const programme = ProgrammeAggregates.parse((await fixture.coordinator.client.get(`/api/programmes/${fixture.programmeId}/assessment-aggregates`)).body);
    expect(programme.groups).toHaveLength(1);
    expect(programme.groups[0]!.assessments).toEqual(result);
    const csv = await csvOf(fixture.coordinator.client, `/api/programmes/${fixture.programmeId}/assessment-aggregates.csv`);
    expect(csv.type).toContain("text/csv");
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]!.split(",").slice(0, 10)).toEqual(["section", "group", "item_id", "item", "respondents", "status", "start_mean", "end_mean", "change", "mean"]);
    expect(lines[0]!.split(",").at(-1)).toBe("text");
    expect(lines[1]).toMatch(/^assessment,Koontiryhmä,sharing,[^,]+,4,available,2.88,4,1.13,,0,1,2,0,1,0,0,0,3,1,,,,,,$/);
    expect(lines.at(-1)).toBe("feedback,Koontiryhmä,,,0,no_rounds,,,,,,,,,,,,,,,,,,,,");

    // A programme's coordinator may ask for more respondents; then nothing is shown again.
    const settingsPath = `/api/programmes/${fixture.programmeId}/assessment-settings`;
    const setMinimum = (client: ApiClient, body: unknown) => client.request<AssessmentSettings & ErrorResponseBody>("PUT", settingsPath, { json: body });
    expect((await expectStatus(fixture.coordinator.client.get(settingsPath), 200))).toEqual({ minRespondents: null, threshold: 3 });
    expect((await setMinimum(fixture.coordinator.client, { minRespondents: 5 })).body).toEqual({ minRespondents: 5, threshold: 5 });
    expect((await expectStatus(fixture.coordinator.client.get(settingsPath), 200))).toEqual({ minRespondents: 5, threshold: 5 });
    expect(await aggregates(a.client)).toEqual({ available: false, respondents: 4, threshold: 5, reason: "below_threshold" });
    expect(ProgrammeAggregates.parse((await fixture.coordinator.client.get(`/api/programmes/${fixture.programmeId}/assessment-aggregates`)).body).groups[0]!.assessments).toEqual({
      available: false,
      respondents: 4,
      threshold: 5,
      reason: "below_threshold",
    });
    // Never below the shared minimum, never past the largest group, whole numbers only.
    for (const minRespondents of [2, 0, -1, 3.5, "4", 51, 2 ** 40, undefined]) {
      const refused = await setMinimum(fixture.coordinator.client, { minRespondents });
      expect(refused.status, `minRespondents ${String(minRespondents)}`).toBe(400);
      expect(refused.body.error.code).toBe("validation_failed");
    }
    expect((await setMinimum(fixture.coordinator.client, { minRespondents: 4, programmeId: crypto.randomUUID() })).status).toBe(400);
    // Only the programme's own coordinators: its group's facilitator and members, and other coordinators, get 404.
    const otherCoordinator = await programmeGroup(server.url, 0, "Toinen ohjelma");
    for (const client of [fixture.facilitator.client, a.client, otherCoordinator.coordinator.client]) {
      expect((await setMinimum(client, { minRespondents: 3 })).status).toBe(404);
      expect((await client.get(settingsPath)).status).toBe(404);
    }
    expect((await expectStatus(fixture.coordinator.client.get(settingsPath), 200))).toEqual({ minRespondents: 5, threshold: 5 });
    // Lowering back to the shared minimum shows the figures again.
    expect((await setMinimum(fixture.coordinator.client, { minRespondents: null })).body).toEqual({ minRespondents: null, threshold: 3 });
    expect(await aggregates(a.client)).toEqual(result);

    // Members who have not accepted the agreement, and coordinators of other programmes, get nothing.
    expect((await otherCoordinator.coordinator.client.get(`/api/groups/${fixture.groupId}/assessment-aggregates`)).status).toBe(404);
    expect((await otherCoordinator.coordinator.client.get(`/api/programmes/${fixture.programmeId}/assessment-aggregates`)).status).toBe(404);
  });

  it("aggregates the closing feedback per statement, and shows its written answers without authors, from three respondents up", async () => {
    const fixture = await programmeGroup(server.url, 4, "Palauteryhmä");
    const template = await builtInTemplate(fixture.facilitator, "closing_feedback");
    expect(await fixture.members[0]!.client.get(`/api/groups/${fixture.groupId}/feedback-aggregates`).then((response) => response.body)).toEqual({
      available: false,
      respondents: 0,
      threshold: 3,
      reason: "no_rounds",
    });
    const round = await openRound(fixture, "feedback", template.id);
    const values = [
      { useful: 5, safe: 5, facilitation: 3, recommend: 4 },
      { useful: 4, safe: 5, facilitation: 2, recommend: 5 },
      { useful: 4, safe: 4, facilitation: 4, recommend: 5 },
    ];
    // Written in an order that is not alphabetical, so the answer's order shows it is not the order of answering.
    const written: Record<string, string>[] = [
      { most_useful: "Vertaisten kokemukset", change: "Enemmän aikaa tapaamisille" },
      { most_useful: "aikataulut pitivät", recommend_why: "Kyllä, ehdottomasti" },
      { most_useful: "Ääneen ajattelu yhdessä", change: "   " },
    ];
    const [first, second, third, drafter] = fixture.members as [Person, Person, Person, Person];
    // A draft is not an answer: neither counted nor shown.
    await expectStatus(answer(drafter.client, round.id, { answers: { useful: 1 }, reflections: { change: "Luonnoksen teksti" }, submit: false }), 200);
    for (const [index, member] of [first, second, third].entries()) {
      await submit(member, round.id, values[index]!, written[index]);
      const result = FeedbackAggregate.parse((await fixture.coordinator.client.get(`/api/groups/${fixture.groupId}/feedback-aggregates`)).body);
      if (index < 2) {
        // Below the threshold: not a word of what was written, neither over the API nor in the CSV.
        expect(result).toEqual({ available: false, respondents: index + 1, threshold: 3, reason: "below_threshold" });
        const csv = await csvOf(fixture.coordinator.client, `/api/programmes/${fixture.programmeId}/assessment-aggregates.csv`);
        expect(csv.text).not.toContain("Vertaisten kokemukset");
        expect(csv.text).not.toContain("feedback_text");
      }
    }
    const result = FeedbackAggregate.parse((await fixture.members[0]!.client.get(`/api/groups/${fixture.groupId}/feedback-aggregates`)).body);
    if (!result.available) throw new Error("expected feedback aggregates");
    expect(result.statements.map(({ statementId, mean, distribution }) => ({ statementId, mean, distribution }))).toEqual([
      { statementId: "useful", mean: 4.33, distribution: [0, 0, 0, 2, 1] },
      { statementId: "safe", mean: 4.67, distribution: [0, 0, 0, 1, 2] },
      { statementId: "facilitation", mean: 3, distribution: [0, 1, 1, 1, 0] },
      { statementId: "recommend", mean: 4.67, distribution: [0, 0, 0, 1, 2] },
    ]);
    // From the threshold up: each question's texts, alphabetically (Finnish: a … v … ä), blanks and drafts left out.
    expect(result.reflections.map(({ reflectionId, answers }) => ({ reflectionId, answers }))).toEqual([
      { reflectionId: "most_useful", answers: ["aikataulut pitivät", "Vertaisten kokemukset", "Ääneen ajattelu yhdessä"] },
      { reflectionId: "change", answers: ["Enemmän aikaa tapaamisille"] },
      { reflectionId: "recommend_why", answers: ["Kyllä, ehdottomasti"] },
    ]);
    expect(result.reflections[0]!.text).toEqual(template.content.reflections[0]!.text);
    const seen = JSON.stringify(result);
    expect(seen).not.toContain("Luonnoksen teksti");
    for (const member of fixture.members) expect(seen).not.toContain(member.user.id);
    // The coordinator sees the same per group, and in the CSV one row per text, in the same order.
    const programme = ProgrammeAggregates.parse((await fixture.coordinator.client.get(`/api/programmes/${fixture.programmeId}/assessment-aggregates`)).body);
    expect(programme.groups[0]!.feedback).toEqual(result);
    const csv = await csvOf(fixture.coordinator.client, `/api/programmes/${fixture.programmeId}/assessment-aggregates.csv`);
    const textRows = csv.text.trim().split("\r\n").filter((line) => line.startsWith("feedback_text,"));
    const lastCell = (line: string) => /,("(?:[^"]|"")*"|[^,"]*)$/.exec(line)![1]!.replace(/^"(.*)"$/, "$1").replaceAll('""', '"');
    expect(textRows.map((line) => [line.split(",")[2], lastCell(line)])).toEqual([
      ["most_useful", "aikataulut pitivät"],
      ["most_useful", "Vertaisten kokemukset"],
      ["most_useful", "Ääneen ajattelu yhdessä"],
      ["change", "Enemmän aikaa tapaamisille"],
      ["recommend_why", "Kyllä, ehdottomasti"],
    ]);
    expect(textRows.at(-1)).toMatch(/^feedback_text,Palauteryhmä,recommend_why,[^,]+,3,available,{20}"Kyllä, ehdottomasti"$/);
    for (const member of fixture.members) expect(csv.text).not.toContain(member.user.id);
  });
});

describe("arbitrary input", () => {
  it("never answers arbitrary answer, round or threshold bodies with a server error, and never changes another person's answers", async () => {
    const fixture = await programmeGroup(server.url, 2, "Satunnaisryhmä");
    const template = await builtInTemplate(fixture.facilitator, "peer_group");
    const round = await openRound(fixture, "start", template.id, daysFromToday(0), daysFromToday(30));
    const [writer, bystander] = fixture.members as [Person, Person];
    await submit(bystander, round.id, allAnswers(template, 2), { hopes: "Sivullisen pohdinta" });
    const responseOf = async (person: Person) => RoundDetail.parse((await person.client.get(`/api/assessment-rounds/${round.id}`)).body).myResponse;
    const before = await responseOf(bystander);

    // Mostly near-valid input, where mistakes hide: real and unknown item ids, values around the scale.
    const itemId = fc.oneof(fc.constantFrom(...statementIds(template), ...template.content.reflections.map((question) => question.id), "__proto__", "constructor", ""), fc.string({ maxLength: 70 }));
    const value = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
    const someone = fc.constantFrom(bystander.user.id, writer.user.id, crypto.randomUUID());
    const saveBody = fc.oneof(
      fc.record(
        {
          answers: fc.oneof(fc.dictionary(itemId, value, { maxKeys: 20 }), value),
          reflections: fc.oneof(fc.dictionary(itemId, fc.oneof(fc.string({ maxLength: 40 }), value), { maxKeys: 4 }), value),
          submit: fc.oneof(fc.boolean(), value),
          userId: someone,
          roundId: fc.constant(round.id),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    const pad = (number: number, length: number) => String(number).padStart(length, "0");
    // Dates at the edges of the calendar as well as near today: the schema and the database must agree on them.
    const year = fc.oneof({ arbitrary: fc.constantFrom(0, 1, 9999), weight: 3 }, fc.integer({ min: 0, max: 9999 }));
    const month = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 4 }, fc.constantFrom(0, 13));
    const day = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 28 }), weight: 4 }, fc.constantFrom(0, 29, 30, 31, 32));
    const date = fc.oneof(
      { arbitrary: fc.tuple(year, month, day).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), weight: 3 },
      fc.integer({ min: -400, max: 400 }).map(daysFromToday),
      fc.string({ maxLength: 12 }),
    );
    const roundBody = fc.oneof(
      {
        arbitrary: fc.record(
          {
            kind: fc.oneof({ arbitrary: fc.constantFrom(...ROUND_KINDS), weight: 4 }, fc.string({ maxLength: 10 })),
            templateId: fc.oneof({ arbitrary: fc.constant(template.id), weight: 4 }, fc.uuid(), fc.string()),
            opensOn: date,
            closesOn: date,
          },
          { requiredKeys: ["kind", "templateId", "opensOn", "closesOn"] },
        ),
        weight: 4,
      },
      fc.jsonValue(),
    );
    const settingsBody = fc.oneof(fc.record({ minRespondents: fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.string({ maxLength: 4 })) }, { requiredKeys: [] }), fc.jsonValue());
    const call = fc.oneof(
      saveBody.map((body) => ({ who: writer, method: "PUT", path: `/api/assessment-rounds/${round.id}/my-response`, body })),
      // A member trying their luck at the facilitator's and the coordinator's endpoints too.
      roundBody.chain((body) => fc.constantFrom(fixture.facilitator, fixture.facilitator, writer).map((who) => ({ who, method: "POST", path: `/api/groups/${fixture.groupId}/assessment-rounds`, body }))),
      settingsBody.chain((body) => fc.constantFrom(fixture.coordinator, writer).map((who) => ({ who, method: "PUT", path: `/api/programmes/${fixture.programmeId}/assessment-settings`, body }))),
    );
    await fc.assert(
      fc.asyncProperty(call, async ({ who, method, path, body }) => {
        const writerBefore = method === "PUT" && who === writer ? await responseOf(writer) : undefined;
        const response = await who.client.request<ErrorResponseBody>(method, path, { rawBody: JSON.stringify(body) });
        const what = `${method} ${path} ${JSON.stringify(body)}`;
        expect(response.status, what).toBeLessThan(500);
        if (response.status >= 400) {
          expect(typeof response.body.error.code, what).toBe("string");
          expect(JSON.stringify(response.body), what).not.toMatch(/\bat .*\.ts:\d+/);
          // A refused save stores nothing, not even part of itself.
          if (writerBefore !== undefined) expect(await responseOf(writer), what).toEqual(writerBefore);
        }
        // Only facilitators open rounds and only coordinators set the threshold, whatever a member sends.
        if (who === writer && method !== "PUT") expect(response.status, what).not.toBe(201);
        if (who === writer && path.endsWith("/assessment-settings")) expect(response.status, what).not.toBe(200);
        expect(await responseOf(bystander), what).toEqual(before);
      }),
      { numRuns: 150 },
    );
    // Whatever was sent, the stored threshold is the shared minimum or a whole number from it to the largest group.
    const settings = AssessmentSettings.parse((await fixture.coordinator.client.get(`/api/programmes/${fixture.programmeId}/assessment-settings`)).body);
    if (settings.minRespondents !== null) expect(settings.minRespondents).toSatisfy((value: number) => Number.isInteger(value) && value >= 3 && value <= 50);
  });
});
