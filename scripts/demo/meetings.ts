import { and, asc, eq, inArray } from "drizzle-orm";
import { createMeetings, createPoll, answerPoll } from "../../server/commands/meetings";
import { ensureBuiltInMethodCards } from "../../server/db/builtInMethodCards";
import type { Db } from "../../server/db/database";
import {
  agendaBlocks,
  goalCheckIns,
  goals,
  groups,
  meetingAttendance,
  meetingItems,
  meetings,
  methodCards,
  notePages,
  noteUpdates,
  pollOptions,
  programmes,
  schedulingPolls,
} from "../../server/db/schema";
import { bulletList, heading, noteState, taskList } from "../../server/domain/noteContent";
import type { DemoAccount, DemoPersonKey } from "./accounts";
import { DEMO_PROGRAMMES } from "./programmes";

/** The demo group whose meetings have a history: three held with summaries, two coming. */
export const DEMO_MEETING_GROUP = "Projektinhallinnan arki";
/** The demo group that is finding a time for its next meeting. */
export const DEMO_POLL_GROUP = "Virtuaaliset projektipäälliköt";

const DAY = 24 * 60 * 60 * 1000;

interface HeldMeeting {
  methodKey: string;
  present: DemoPersonKey[];
  progress: [DemoPersonKey, number, string][];
  decision: string;
  action: [DemoPersonKey, string];
  minutes: string[];
}

const HELD: HeldMeeting[] = [
  {
    methodKey: "appreciative_interview",
    present: ["facilitator", "aino", "mikko", "liisa", "james"],
    progress: [
      ["aino", 2, "Ohjausryhmän esityslista on nyt valmis viikkoa ennen."],
      ["mikko", 2, "Aloitin, mutta kiire vei."],
    ],
    decision: "Tapaamme kuun ensimmäisenä tiistaina klo 17.",
    action: ["liisa", "Kerää ryhmälle esimerkkejä hyvistä ohjausryhmän esityslistoista"],
    minutes: ["Sovimme ryhmän tavoitteet ja tapaamisrytmin.", "Arvostava haastattelu pareittain: mikä onnistui viime projektissa?"],
  },
  {
    methodKey: "case_clinic",
    present: ["facilitator", "aino", "mikko", "james"],
    progress: [
      ["aino", 3, "Kaksi ohjausryhmää pidetty uudella tavalla."],
      ["james", 3, "Steering group now gets a one-page decision memo."],
    ],
    decision: "Seuraavalla kerralla käsittelemme Mikon tapauksen.",
    action: ["mikko", "Kirjoita lyhyt kuvaus tiimin ristiriitatilanteesta"],
    minutes: ["Tapausklinikka: Ainon hanke, jossa rahoittaja haluaa muuttaa tavoitteita kesken kauden.", "Ideoita: ennakkopalaveri, vaihtoehtojen hinnoittelu, pöytäkirjaan kirjattu päätös."],
  },
  {
    methodKey: "peer_consultation",
    present: ["facilitator", "aino", "mikko", "liisa", "james"],
    progress: [
      ["aino", 4, "Päätökset syntyvät nyt kokouksessa."],
      ["mikko", 3, "Tiimin ristiriita on puheeksi otettu."],
      ["liisa", 4, "Esimerkkipankki on chatissa."],
    ],
    decision: "Kokeillaan ensi kerralla kalamaljaa.",
    action: ["aino", "Kutsu hankkeen controller kertomaan budjettiseurannasta"],
    minutes: ["Vertaiskonsultaatio Mikon tapauksesta.", "Mikko kokeilee kahdenkeskisiä keskusteluja ennen tiimipalaveria."],
  },
];

/**
 * Gives the project managers' group a monthly series: three meetings already held (agenda with a method
 * card, attendance, goal check-ins, decisions, action items and minutes) and two coming, and gives the
 * virtual group an open scheduling poll with answers. Groups that already have meetings or polls keep them.
 */
export async function seedDemoMeetings(db: Db, people: DemoAccount[]): Promise<{ seeded: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  await ensureBuiltInMethodCards(db);
  const demoGroups = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .innerJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(and(inArray(groups.name, [DEMO_MEETING_GROUP, DEMO_POLL_GROUP]), inArray(programmes.name, DEMO_PROGRAMMES.map((programme) => programme.name))));
  const seeded: string[] = [];
  const kept: string[] = [];

  const meetingGroup = demoGroups.find((group) => group.name === DEMO_MEETING_GROUP);
  if (meetingGroup) {
    const existing = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.groupId, meetingGroup.id)).limit(1);
    if (existing.length > 0) kept.push(DEMO_MEETING_GROUP);
    else {
      await seedHeldSeries(db, meetingGroup.id, idOf);
      seeded.push(DEMO_MEETING_GROUP);
    }
  }

  const pollGroup = demoGroups.find((group) => group.name === DEMO_POLL_GROUP);
  if (pollGroup) {
    const existing = await db.select({ id: schedulingPolls.id }).from(schedulingPolls).where(eq(schedulingPolls.groupId, pollGroup.id)).limit(1);
    if (existing.length > 0) kept.push(DEMO_POLL_GROUP);
    else {
      await seedPoll(db, pollGroup.id, idOf);
      seeded.push(DEMO_POLL_GROUP);
    }
  }
  return { seeded, kept };
}

/** The first Tuesday of the month `monthsFromNow` away, at 17:00 Helsinki time (15:00 or 14:00 UTC). */
function firstTuesday(monthsFromNow: number): Date {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsFromNow, 1, 15));
  while (month.getUTCDay() !== 2) month.setUTCDate(month.getUTCDate() + 1);
  return month;
}

async function seedHeldSeries(db: Db, groupId: string, idOf: (key: DemoPersonKey) => string): Promise<void> {
  const facilitatorId = idOf("facilitator");
  const firstId = await createMeetings(db, facilitatorId, groupId, {
    title: "Kuukausitapaaminen",
    startsAt: firstTuesday(-3).toISOString(),
    durationMinutes: 90,
    timeZone: "Europe/Helsinki",
    location: "",
    videoUrl: "https://meet.jit.si/piiri-projektinhallinnan-arki",
    repeat: { kind: "monthly_weekday", interval: 1, count: 5 },
  });
  const [first] = await db.select({ seriesId: meetings.seriesId }).from(meetings).where(eq(meetings.id, firstId));
  const series = await db.select().from(meetings).where(eq(meetings.seriesId, first!.seriesId!)).orderBy(asc(meetings.startsAt));
  const groupGoals = await db.select({ id: goals.id }).from(goals).where(eq(goals.groupId, groupId)).orderBy(asc(goals.position));
  const cards = await db.select({ id: methodCards.id, key: methodCards.key }).from(methodCards).where(inArray(methodCards.key, HELD.map((held) => held.methodKey)));

  await db.transaction(async (tx) => {
    for (const [index, held] of HELD.entries()) {
      const meeting = series[index];
      if (!meeting || meeting.startsAt.getTime() > Date.now()) continue;
      const startedAt = meeting.startsAt;
      const endedAt = new Date(startedAt.getTime() + meeting.durationMinutes * 60_000);
      const cardId = cards.find((card) => card.key === held.methodKey)?.id ?? null;
      await tx.update(agendaBlocks).set({ methodCardId: cardId }).where(and(eq(agendaBlocks.meetingId, meeting.id), eq(agendaBlocks.kind, "method")));
      const [page] = await tx
        .insert(notePages)
        // After the group's own pages, which the notebook seed numbers from 0.
        .values({ groupId, title: `Muistio ${startedAt.toISOString().slice(0, 10)}`, position: 100 + index, createdBy: facilitatorId })
        .returning({ id: notePages.id });
      await tx.insert(noteUpdates).values({
        pageId: page!.id,
        update: noteState([heading(2, "Muistio"), bulletList(...held.minutes), heading(3, "Sovitut asiat"), taskList([held.action[1], index < HELD.length - 1])]),
      });
      await tx
        .update(meetings)
        .set({ status: "ended", startedAt, endedAt, blockIndex: 3, minutesPageId: page!.id, timerDurationMs: 10 * 60_000 })
        .where(eq(meetings.id, meeting.id));
      await tx.insert(meetingAttendance).values(held.present.map((key, order) => ({ meetingId: meeting.id, userId: idOf(key), joinedAt: new Date(startedAt.getTime() + order * 30_000) })));
      const reviews = held.progress.flatMap(([key, progress, comment], order) =>
        groupGoals.slice(0, 1 + (order % Math.max(1, groupGoals.length))).map((goal) => ({
          goalId: goal.id,
          userId: idOf(key),
          progress,
          comment,
          meetingId: meeting.id,
          createdAt: new Date(startedAt.getTime() + (15 + order) * 60_000),
        })),
      );
      if (reviews.length > 0) await tx.insert(goalCheckIns).values(reviews);
      await tx.insert(meetingItems).values([
        { meetingId: meeting.id, kind: "decision", text: held.decision, createdBy: facilitatorId, createdAt: endedAt },
        {
          meetingId: meeting.id,
          kind: "action",
          text: held.action[1],
          ownerId: idOf(held.action[0]),
          dueOn: new Date(endedAt.getTime() + 21 * DAY).toISOString().slice(0, 10),
          createdBy: facilitatorId,
          createdAt: endedAt,
        },
      ]);
    }
  });
}

async function seedPoll(db: Db, groupId: string, idOf: (key: DemoPersonKey) => string): Promise<void> {
  const options = [1, 2, 3].map((week) => {
    const date = firstTuesday(1);
    date.setUTCDate(date.getUTCDate() + (week - 1) * 2);
    return date.toISOString();
  });
  const pollId = await createPoll(db, idOf("antti"), groupId, {
    title: "Seuraava etätapaaminen",
    durationMinutes: 60,
    timeZone: "Europe/Helsinki",
    location: "",
    videoUrl: "https://teams.microsoft.com/l/meetup-join/piiri-demo",
    options,
  });
  const optionRows = await db.select({ id: pollOptions.id }).from(pollOptions).where(eq(pollOptions.pollId, pollId)).orderBy(asc(pollOptions.startsAt));
  const [first, second, third] = optionRows.map((option) => option.id);
  const answers: [DemoPersonKey, ("yes" | "maybe" | "no")[]][] = [
    ["james", ["yes", "no", "maybe"]],
    ["aino", ["yes", "maybe", "yes"]],
  ];
  for (const [key, choices] of answers) {
    await answerPoll(db, pollId, idOf(key), {
      answers: [first!, second!, third!].map((optionId, index) => ({ optionId, answer: choices[index]! })),
    });
  }
}
