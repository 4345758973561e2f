import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE, seedDemoAccounts } from "../../scripts/demo/accounts";
import { DEMO_ASSESSMENT_GROUP, seedDemoAssessments } from "../../scripts/demo/assessments";
import { DEMO_CONVERSATIONS, seedDemoChat } from "../../scripts/demo/chat";
import { DEMO_GATHERING_TITLE, DEMO_PAST_GATHERING_TITLE, seedDemoGatherings } from "../../scripts/demo/gatherings";
import { DEMO_MEETING_GROUP, DEMO_POLL_GROUP, seedDemoMeetings } from "../../scripts/demo/meetings";
import { seedDemoNotebooks } from "../../scripts/demo/notes";
import { DEMO_PROGRAMMES, demoGroupIds, seedDemoProgrammes } from "../../scripts/demo/programmes";
import { goalCheckIns, goals, groups as groupTable } from "../../server/db/schema";
import { Aggregates, DueList, FeedbackAggregate, MyGrowth, SharedGrowth } from "../../shared/schemas/assessments";
import { UnreadList } from "../../shared/schemas/chat";
import { GoalList, GroupDetail, GroupList, GROUP_KINDS, ProgrammeDetailResponse } from "../../shared/schemas/groups";
import { NotePageList } from "../../shared/schemas/notes";
import { MeetingList, MeetingSummary, MyMeetingList, PollList } from "../../shared/schemas/meetings";
import { GatheringList, GatheringLive, GatheringResponse } from "../../shared/schemas/gatherings";
import { ApiClient } from "../support/http";
import { markdownOf, openNote, paragraphs } from "../support/notes";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function signIn(email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  const login = await client.post<{ accessToken: string }>("/api/auth/login", { email, password });
  expect(login.status).toBe(200);
  client.accessToken = login.body.accessToken;
  return client;
}

describe("the demo seed", () => {
  it("creates every demo person with a password that signs in, and refreshes passwords when run again", async () => {
    const first = await seedDemoAccounts(server.database.db);
    expect(first.map((account) => account.email)).toEqual(DEMO_PEOPLE.map((person) => person.email));
    const aino = first.find((account) => account.key === "aino")!;
    await signIn(aino.email, aino.password);

    const second = await seedDemoAccounts(server.database.db);
    const ainoAgain = second.find((account) => account.key === "aino")!;
    expect(ainoAgain.id).toBe(aino.id);
    await signIn(aino.email, ainoAgain.password);
    if (ainoAgain.password !== aino.password) {
      expect((await new ApiClient(server.url).post("/api/auth/login", { email: aino.email, password: aino.password })).status).toBe(401);
    }
  });

  it("fills a programme with several groups of each kind, with goals and check-ins, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    const first = await seedDemoProgrammes(server.database.db, people);
    expect(first.created).toEqual(DEMO_PROGRAMMES.map((programme) => programme.name));
    const again = await seedDemoProgrammes(server.database.db, people);
    expect(again).toEqual({ created: [], kept: first.created });

    // One programme — the pilot, as its coordinator sees it — holds at least two groups of every kind.
    const kaisa = people.find((person) => person.key === "coordinator")!;
    const coordinator = await signIn(kaisa.email, kaisa.password);
    const programmes = await coordinator.get<{ programmes: { id: string; name: string; template: string }[] }>("/api/programmes");
    expect(programmes.body.programmes.map((programme) => programme.template).sort()).toEqual(["peer_instructor_training", "verme_year"]);
    const pilot = programmes.body.programmes.find((programme) => programme.name === DEMO_PROGRAMMES[0]!.name)!;
    const pilotGroups = ProgrammeDetailResponse.parse((await coordinator.get(`/api/programmes/${pilot.id}`)).body).groups;
    // Goals and check-ins are content the coordinator never sees, so they are counted in the database.
    const withCheckIns = new Set(
      (
        await server.database.db
          .selectDistinct({ groupId: goals.groupId })
          .from(goalCheckIns)
          .innerJoin(goals, eq(goals.id, goalCheckIns.goalId))
          .where(inArray(goals.groupId, pilotGroups.map((group) => group.id)))
      ).map((row) => row.groupId),
    );
    for (const kind of GROUP_KINDS) {
      const ofKind = pilotGroups.filter((group) => group.kind === kind);
      expect(ofKind.length, `${kind} groups in the pilot`).toBeGreaterThanOrEqual(2);
      expect(ofKind.filter((group) => withCheckIns.has(group.id)).length, `${kind} groups with goals and check-ins`).toBeGreaterThanOrEqual(2);
    }
    // Every check-in lies in the past, after its group started.
    const checkInTimes = await server.database.db
      .select({ at: goalCheckIns.createdAt, startedAt: groupTable.createdAt })
      .from(goalCheckIns)
      .innerJoin(goals, eq(goals.id, goalCheckIns.goalId))
      .innerJoin(groupTable, eq(groupTable.id, goals.groupId))
      .where(inArray(goals.groupId, pilotGroups.map((group) => group.id)));
    expect(checkInTimes.filter((row) => row.at.getTime() > Date.now() || row.at.getTime() < row.startedAt.getTime())).toEqual([]);

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const active = groups.find((group) => group.name === "Projektinhallinnan arki")!;
    expect(active).toMatchObject({ phase: "active", memberCount: 5 });
    const board = GoalList.parse((await client.get(`/api/groups/${active.id}/goals`)).body).goals;
    expect(board).toHaveLength(2);
    expect(board[0]!.checkInCount).toBeGreaterThan(0);
  });

  it("writes the demo groups' chats with threads, reactions and a mention once, leaving them alone when run again", async () => {
    const people = await seedDemoAccounts(server.database.db);
    await seedDemoProgrammes(server.database.db, people);
    const first = await seedDemoChat(server.database.db, people);
    expect(first.seeded.sort()).toEqual(DEMO_CONVERSATIONS.map((demo) => demo.group).sort());
    expect(await seedDemoChat(server.database.db, people)).toEqual({ seeded: [], kept: DEMO_CONVERSATIONS.map((demo) => demo.group) });

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const active = groups.find((group) => group.name === "Projektinhallinnan arki")!;
    const { conversationId } = GroupDetail.parse((await client.get<{ group: unknown }>(`/api/groups/${active.id}`)).body.group);

    const socket = await connectSocket(server.url, client.accessToken);
    try {
      const ack = await socket.emitWithAck("message:history", { conversationId, limit: 100 });
      if (!ack.ok) throw new Error(ack.error.message);
      const demo = DEMO_CONVERSATIONS.find((conversation) => conversation.group === active.name)!;
      expect(ack.messages.map((message) => message.seq)).toEqual(demo.messages.map((_, index) => index + 1));
      expect(ack.messages.some((message) => message.replyCount >= 2)).toBe(true);
      expect(ack.messages.some((message) => message.parentId !== null)).toBe(true);
      expect(ack.messages.some((message) => message.reactions.some((reaction) => reaction.userIds.length >= 2))).toBe(true);
      expect(ack.messages.some((message) => message.mentions.includes(aino.id))).toBe(true);
      // Written in time order, as if sent live.
      const times = ack.messages.map((message) => Date.parse(message.createdAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      // Aino has unread messages waiting, one of them mentioning her; a new message takes the next seq.
      const unread = UnreadList.parse((await client.get("/api/conversations/unread")).body).conversations;
      expect(unread.find((entry) => entry.conversationId === conversationId)).toMatchObject({ unread: 2, mentions: 1 });
      const sent = await socket.emitWithAck("message:send", { conversationId, clientId: "seed-test", body: "Kiitos kaikille!" });
      expect(sent.ok && sent.message.seq).toBe(demo.messages.length + 1);
    } finally {
      socket.close();
    }
  });

  it("gives every demo group a notebook whose pages open in an editor and export as Markdown, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    await seedDemoProgrammes(server.database.db, people);
    const groupIds = await demoGroupIds(server.database.db, DEMO_PROGRAMMES.map((programme) => programme.name));
    expect(await seedDemoNotebooks(server.database.db, groupIds)).toBe(groupIds.length);
    expect(await seedDemoNotebooks(server.database.db, groupIds)).toBe(0);

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const active = groups.find((group) => group.name === "Projektinhallinnan arki")!;
    const { pages } = NotePageList.parse((await client.get(`/api/groups/${active.id}/notes`)).body);
    expect(pages.map((page) => page.title)).toEqual(["Tapaamisten muistiinpanot", "Vinkit ja materiaalit"]);

    const note = await openNote(server.url, client, pages[0]!.id);
    try {
      expect(paragraphs(note.doc).join(" ")).toContain("yhteiset tavoitteet");
    } finally {
      note.destroy();
    }
    const markdown = await markdownOf(server.url, client, pages[0]!.id);
    expect(markdown).toContain("## Tapaaminen 3 – kuulumiset ja tavoitteet");
    expect(markdown).toContain("- [x] Kokeilen ennakkopalaveria");
    const versions = await client.get<{ versions: { name: string }[] }>(`/api/notes/${pages[0]!.id}/versions`);
    expect(versions.body.versions.map((version) => version.name)).toEqual(["Ensimmäinen versio"]);
  });

  it("answers the demo group's start and end self-assessments with visible growth, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    await seedDemoProgrammes(server.database.db, people);
    expect(await seedDemoAssessments(server.database.db, people)).toEqual({ seeded: [DEMO_ASSESSMENT_GROUP], kept: [] });
    expect(await seedDemoAssessments(server.database.db, people)).toEqual({ seeded: [], kept: [DEMO_ASSESSMENT_GROUP] });

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const group = groups.find((entry) => entry.name === DEMO_ASSESSMENT_GROUP)!;

    // Aino's own chart: start and end submitted, every area higher at the end.
    const growth = MyGrowth.parse((await client.get(`/api/groups/${group.id}/my-growth`)).body);
    expect(growth.rounds.map((entry) => [entry.round.kind, entry.response?.status])).toEqual([
      ["start", "submitted"],
      ["end", "submitted"],
      ["feedback", "submitted"],
    ]);
    const [start, end] = growth.rounds;
    const areaMean = (entry: typeof start, areaIndex: number) => {
      const ids = entry!.content.areas[areaIndex]!.statements.map((statement) => statement.id);
      return ids.reduce((sum, id) => sum + entry!.response!.answers[id]!, 0) / ids.length;
    };
    for (let area = 0; area < start!.content.areas.length; area++) expect(areaMean(end, area)).toBeGreaterThan(areaMean(start, area));
    expect(end!.round.status).toBe("open");

    // The group sees anonymous aggregates at once, and one member's shared chart.
    const aggregates = Aggregates.parse((await client.get(`/api/groups/${group.id}/assessment-aggregates`)).body);
    if (!aggregates.available) throw new Error("expected demo aggregates");
    expect(aggregates.respondents).toBe(4);
    expect(aggregates.areas).toHaveLength(4);
    expect(aggregates.areas.every((area) => area.change > 0)).toBe(true);
    expect(FeedbackAggregate.parse((await client.get(`/api/groups/${group.id}/feedback-aggregates`)).body)).toMatchObject({ available: true, respondents: 3 });
    expect(SharedGrowth.parse((await client.get(`/api/groups/${group.id}/shared-growth`)).body).members.map((member) => member.displayName)).toEqual(["Mikko Mäkinen"]);

    // James has not given his closing feedback yet: it is waiting on his home page.
    const james = people.find((person) => person.key === "james")!;
    const jamesClient = await signIn(james.email, james.password);
    const due = DueList.parse((await jamesClient.get("/api/me/assessments/due")).body).due;
    expect(due.map((entry) => [entry.groupName, entry.round.kind])).toEqual([[DEMO_ASSESSMENT_GROUP, "feedback"]]);
  });

  it("gives the demo group held meetings with summaries and coming ones, and another group an answered poll, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    await seedDemoProgrammes(server.database.db, people);
    expect(await seedDemoMeetings(server.database.db, people)).toEqual({ seeded: [DEMO_MEETING_GROUP, DEMO_POLL_GROUP], kept: [] });
    expect(await seedDemoMeetings(server.database.db, people)).toEqual({ seeded: [], kept: [DEMO_MEETING_GROUP, DEMO_POLL_GROUP] });

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const group = groups.find((entry) => entry.name === DEMO_MEETING_GROUP)!;
    const meetings = MeetingList.parse((await client.get(`/api/groups/${group.id}/meetings`)).body).meetings;
    const held = meetings.filter((meeting) => meeting.status === "ended");
    expect(held).toHaveLength(3);
    expect(meetings.filter((meeting) => meeting.status === "scheduled" && new Date(meeting.startsAt) > new Date()).length).toBeGreaterThanOrEqual(1);

    const summary = MeetingSummary.parse((await client.get<{ summary: unknown }>(`/api/meetings/${held[2]!.id}/summary`)).body.summary);
    expect(summary.attendance.length).toBeGreaterThanOrEqual(4);
    expect(summary.checkIns.length).toBeGreaterThan(0);
    expect(summary.items.map((item) => item.kind)).toEqual(["decision", "action"]);
    expect(summary.minutesMarkdown).toContain("Vertaiskonsultaatio");

    const coming = MyMeetingList.parse((await client.get("/api/me/meetings")).body).meetings;
    expect(coming.some((meeting) => meeting.groupName === DEMO_MEETING_GROUP)).toBe(true);

    const virtual = groups.find((entry) => entry.name === DEMO_POLL_GROUP)!;
    const polls = PollList.parse((await client.get(`/api/groups/${virtual.id}/polls`)).body).polls;
    expect(polls).toHaveLength(1);
    expect(polls[0]!.responses).toHaveLength(2);
    expect(polls[0]!.options.filter((option) => option.best)).toHaveLength(1);
  });

  it("organises a coming gathering of the pilot's groups with answers and a published digest, and a past one that reported back, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    await seedDemoProgrammes(server.database.db, people);
    const titles = [DEMO_GATHERING_TITLE, DEMO_PAST_GATHERING_TITLE];
    expect(await seedDemoGatherings(server.database.db, people)).toEqual({ seeded: titles, kept: [] });
    expect(await seedDemoGatherings(server.database.db, people)).toEqual({ seeded: [], kept: titles });

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const coming = GatheringList.parse((await client.get("/api/me/gatherings")).body).gatherings;
    expect(coming.map((entry) => [entry.title, entry.myRsvp])).toEqual([[DEMO_GATHERING_TITLE, "yes"]]);
    const { gathering } = GatheringResponse.parse((await client.get(`/api/gatherings/${coming[0]!.id}`)).body);
    expect(gathering.groups).toHaveLength(3);
    expect(gathering.rsvps.yes).toBeGreaterThanOrEqual(3);
    expect(gathering.digests.map((digest) => digest.groupName)).toEqual(["Projektinhallinnan arki"]);
    expect(gathering.agenda.some((block) => block.methodCardId !== null)).toBe(true);

    // The past gathering: held and ended, its mixed breakout rooms' summaries are the report-back.
    const coordinator = people.find((person) => person.key === "coordinator")!;
    const host = await signIn(coordinator.email, coordinator.password);
    const { programmes } = (await host.get<{ programmes: { id: string; name: string }[] }>("/api/programmes")).body;
    const pilot = programmes.find((programme) => programme.name === DEMO_PROGRAMMES[0]!.name)!;
    const listed = GatheringList.parse((await host.get(`/api/programmes/${pilot.id}/gatherings`)).body).gatherings;
    const past = listed.find((entry) => entry.title === DEMO_PAST_GATHERING_TITLE)!;
    // Its members find it among their past gatherings, not among the coming ones.
    const held = GatheringList.parse((await client.get("/api/me/gatherings?when=past")).body).gatherings;
    expect(held.map((entry) => entry.title)).toEqual([DEMO_PAST_GATHERING_TITLE]);
    expect((await client.get("/api/me/gatherings?when=someday")).status).toBe(400);
    expect(past.status).toBe("ended");
    expect(new Date(past.startsAt).getTime()).toBeLessThan(Date.now());
    const socket = await connectSocket(server.url, client.accessToken);
    try {
      const joined = await socket.emitWithAck("gathering:join", { gatheringId: past.id });
      if (!joined.ok) throw new Error(joined.error.message);
      const live = GatheringLive.parse(joined.live);
      expect(live.status).toBe("ended");
      expect(live.reports.length).toBeGreaterThanOrEqual(2);
      expect(live.reports.every((report) => report.summary.text.length > 20 && report.summary.byName)).toBe(true);
      expect(live.breakouts?.status).toBe("closed");
      for (const room of live.breakouts!.rooms) expect(new Set(room.members.map((member) => member.groupId)).size).toBeGreaterThanOrEqual(2);
      // Its plenary was used: a chat to read back and minutes.
      const chat = await socket.emitWithAck("message:history", { conversationId: live.conversationId!, limit: 50 });
      expect(chat.ok && chat.messages.length).toBeGreaterThanOrEqual(3);
      expect(await markdownOf(server.url, client, live.minutesPageId!)).toContain("Yhteisen osuuden muistio");
    } finally {
      socket.close();
    }
  });
});
