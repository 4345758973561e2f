import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { callBackBreakouts, controlGathering, planBreakouts, publishBreakoutSummary, startBreakouts } from "../../server/commands/gatheringRoom";
import { answerRsvp, createGathering, publishDigest } from "../../server/commands/gatherings";
import type { Db } from "../../server/db/database";
import { breakoutMembers, breakoutRooms, conversations, gatherings, groups, memberships, messages, methodCards, noteUpdates, programmes } from "../../server/db/schema";
import { bulletList, heading, noteState, taskList } from "../../server/domain/noteContent";
import type { DemoAccount, DemoPersonKey } from "./accounts";
import { DEMO_PROGRAMMES } from "./programmes";

/** The demo programme whose groups meet each other. */
const DEMO_GATHERING_PROGRAMME = DEMO_PROGRAMMES[0]!.name;
export const DEMO_GATHERING_TITLE = "Kevään kohtaaminen: mitä ryhmät ovat oppineet";
export const DEMO_PAST_GATHERING_TITLE = "Syksyn kohtaaminen: ryhmien yhteiset kokeilut";

/** What the breakout rooms of the past gathering reported back, room by room. */
const PAST_SUMMARIES = [
  "Kaikissa ryhmissämme tavoitteiden katsaus tapaamisen alussa on auttanut. Kokeilemme yhteistä kysymyspohjaa, jotta katsaus ei veny.",
  "Etäryhmissä hiljaiset jäävät helposti sivuun. Sovimme kokeilevamme kierrosta, jossa jokainen puhuu ensin kerran ennen vapaata keskustelua.",
  "Projektipäälliköiden yksinäisyys toistui kaikissa pöydissä. Ehdotamme ohjelmaan kevääksi yhteistä sparrausaamua.",
];

/** Answers of the demo people who belong to the invited groups. */
const RSVPS: [DemoPersonKey, "yes" | "maybe" | "no"][] = [
  ["aino", "yes"],
  ["mikko", "yes"],
  ["james", "maybe"],
  ["sanna", "yes"],
  ["liisa", "no"],
];

/**
 * Gives the pilot programme a coming gathering of its groups, with a learning-café agenda, answers from
 * the demo people and one group's published learning digest, and a past one whose breakout rooms
 * reported back. A programme that already has gatherings keeps them as they are.
 */
export async function seedDemoGatherings(db: Db, people: DemoAccount[]): Promise<{ seeded: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, DEMO_GATHERING_PROGRAMME)).limit(1);
  if (!programme) return { seeded: [], kept: [] };
  const existing = await db.select({ id: gatherings.id }).from(gatherings).where(eq(gatherings.programmeId, programme.id)).limit(1);
  if (existing.length > 0) return { seeded: [], kept: [DEMO_GATHERING_TITLE, DEMO_PAST_GATHERING_TITLE] };

  const invited = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.programmeId, programme.id), inArray(groups.name, ["Projektinhallinnan arki", "Hankeviestinnän verkosto", "Virtuaaliset projektipäälliköt"])));
  const [cafe] = await db.select({ id: methodCards.id }).from(methodCards).where(eq(methodCards.key, "learning_cafe"));
  const startsAt = new Date(Date.now() + 24 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(10, 0, 0, 0);
  const gatheringId = await createGathering(db, idOf("coordinator"), programme.id, {
    title: DEMO_GATHERING_TITLE,
    purpose: "Ryhmät kertovat toisilleen, mitä ne ovat oppineet, ja sopivat syksyn yhteisistä teemoista.",
    startsAt: startsAt.toISOString(),
    durationMinutes: 180,
    timeZone: "Europe/Helsinki",
    location: "Hämeenlinna, kampuksen juhlasali",
    videoUrl: "https://meet.jit.si/piiri-kohtaaminen",
    groupIds: invited.map((group) => group.id),
    agenda: [
      { kind: "check_in", title: "", minutes: 20, methodCardId: null, notes: "" },
      { kind: "method", title: "", minutes: 90, methodCardId: cafe?.id ?? null, notes: "Pöydät sekoittavat ryhmiä" },
      { kind: "break", title: "", minutes: 20, methodCardId: null, notes: "" },
      { kind: "other", title: "Ryhmien oppimiskoosteet", minutes: 35, methodCardId: null, notes: "" },
      { kind: "check_out", title: "", minutes: 15, methodCardId: null, notes: "" },
    ],
  });
  const [gathering] = await db.select().from(gatherings).where(eq(gatherings.id, gatheringId));
  for (const [key, answer] of RSVPS) await answerRsvp(db, gathering!, idOf(key), answer);
  const digestGroup = invited.find((group) => group.name === "Projektinhallinnan arki");
  if (digestGroup) {
    await publishDigest(
      db,
      gatheringId,
      digestGroup.id,
      idOf("facilitator"),
      "Opimme, että ohjausryhmän kokous kannattaa valmistella päätösten kautta: mitä päätöksiä tarvitaan, ja mitä tietoa niihin. Vertaiskonsultaatio auttoi meitä näkemään omat sokeat pisteemme.",
    );
  }
  await seedPastGathering(db, idOf("coordinator"), programme.id, invited.map((group) => group.id), cafe?.id ?? null);
  return { seeded: [DEMO_GATHERING_TITLE, DEMO_PAST_GATHERING_TITLE], kept: [] };
}

/**
 * A gathering held six weeks ago, run through the same commands as a live one: the plenary opened,
 * the people present were mixed into breakout rooms, each room reported back, and the gathering ended.
 */
async function seedPastGathering(db: Db, hostId: string, programmeId: string, groupIds: string[], cafeId: string | null): Promise<void> {
  const startsAt = new Date(Date.now() - 42 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(11, 0, 0, 0);
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
  const gatheringId = await createGathering(db, hostId, programmeId, {
    title: DEMO_PAST_GATHERING_TITLE,
    purpose: "Ryhmät vaihtavat kokemuksia ja valitsevat yhteiset kokeilut syksylle.",
    startsAt: startsAt.toISOString(),
    durationMinutes: 150,
    timeZone: "Europe/Helsinki",
    location: "Hämeenlinna, kampuksen auditorio",
    groupIds,
    agenda: [
      { kind: "check_in", title: "", minutes: 20, methodCardId: null, notes: "" },
      { kind: "method", title: "", minutes: 60, methodCardId: cafeId, notes: "Pienryhmissä ryhmät sekoittuvat" },
      { kind: "other", title: "Pienryhmien koosteet", minutes: 50, methodCardId: null, notes: "" },
      { kind: "check_out", title: "", minutes: 20, methodCardId: null, notes: "" },
    ],
  });
  const present = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(inArray(memberships.groupId, groupIds), isNotNull(memberships.agreementAcceptedAt)));
  const presentIds = [...new Set(present.map((row) => row.userId))].filter((userId) => userId !== hostId);
  await controlGathering(db, gatheringId, hostId, { type: "start" }, presentIds, at(0));
  await controlGathering(db, gatheringId, hostId, { type: "next" }, presentIds, at(20));
  await planBreakouts(db, gatheringId, presentIds, 3, 2026);
  await startBreakouts(db, gatheringId, 45, at(25));
  await callBackBreakouts(db, gatheringId, at(70));
  const rooms = await db
    .select({ id: breakoutRooms.id })
    .from(breakoutRooms)
    .where(eq(breakoutRooms.gatheringId, gatheringId))
    .orderBy(asc(breakoutRooms.number));
  for (const [index, room] of rooms.entries()) {
    const [reporter] = await db.select({ userId: breakoutMembers.userId }).from(breakoutMembers).where(eq(breakoutMembers.roomId, room.id)).limit(1);
    const summary = PAST_SUMMARIES[index % PAST_SUMMARIES.length]!;
    if (reporter) await publishBreakoutSummary(db, room.id, reporter.userId, summary, at(72 + index));
  }
  await controlGathering(db, gatheringId, hostId, { type: "end" }, presentIds, at(150));
  await writePastContent(db, gatheringId, hostId, presentIds, at);
}

/** What the people of the past gathering wrote: the plenary's chat and minutes, and each room's notes. */
async function writePastContent(db: Db, gatheringId: string, hostId: string, presentIds: string[], at: (minutes: number) => Date): Promise<void> {
  const [gathering] = await db.select().from(gatherings).where(eq(gatherings.id, gatheringId));
  if (!gathering?.conversationId || !gathering.minutesPageId) return;
  const speakers = [hostId, ...presentIds];
  const chat = [
    "Tervetuloa kaikki! Aloitetaan kuulumiskierroksella, ja sen jälkeen sekoitamme ryhmät pienryhmiin.",
    "Kiva nähdä muidenkin ryhmien väkeä. Meillä on ollut paljon puhetta ohjausryhmistä.",
    "Pienryhmien koosteet ovat nyt kaikkien luettavissa, kiitos!",
    "Kiitos kaikille, sovitaan kokeiluista seuraavassa kohtaamisessa.",
  ];
  const times = [2, 18, 75, 148];
  await db.insert(messages).values(
    chat.map((body, index) => ({
      conversationId: gathering.conversationId!,
      seq: index + 1,
      authorId: speakers[index % speakers.length]!,
      clientId: `demo-gathering-${gatheringId}-${index + 1}`,
      body,
      createdAt: at(times[index]!),
    })),
  );
  await db.update(conversations).set({ lastSeq: chat.length }).where(eq(conversations.id, gathering.conversationId));
  await db.insert(noteUpdates).values({
    pageId: gathering.minutesPageId,
    update: noteState([
      heading(2, "Yhteisen osuuden muistio"),
      bulletList(
        "Kuulumiskierroksella kaikki kolme ryhmää kertoivat, missä vaiheessa ne ovat.",
        "Pienryhmissä jokaisessa oli ihmisiä vähintään kahdesta ryhmästä.",
        "Koosteista nousi kolme yhteistä teemaa: tavoitteiden katsaus, hiljaisten ääni ja yksinäisyys työssä.",
      ),
      heading(3, "Sovitut asiat"),
      taskList(["Koordinaattori kokoaa teemat ohjelman kevään suunnitelmaan", false], ["Ryhmät kokeilevat yhteistä katsauspohjaa", false]),
    ]),
  });
  const rooms = await db.select({ notesPageId: breakoutRooms.notesPageId, number: breakoutRooms.number }).from(breakoutRooms).where(eq(breakoutRooms.gatheringId, gatheringId));
  for (const room of rooms) {
    if (!room.notesPageId) continue;
    await db.insert(noteUpdates).values({
      pageId: room.notesPageId,
      update: noteState([heading(2, `Pienryhmä ${room.number}`), bulletList("Mikä meillä toimii?", "Mitä haluaisimme kokeilla?", "Mitä kerromme yhteisessä osuudessa?")]),
    });
  }
}
