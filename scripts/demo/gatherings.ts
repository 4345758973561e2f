import { and, eq, inArray } from "drizzle-orm";
import { answerRsvp, createGathering, publishDigest } from "../../server/commands/gatherings";
import type { Db } from "../../server/db/database";
import { gatherings, groups, methodCards, programmes } from "../../server/db/schema";
import type { DemoAccount, DemoPersonKey } from "./accounts";
import { DEMO_PROGRAMMES } from "./programmes";

/** The demo programme whose groups meet each other. */
const DEMO_GATHERING_PROGRAMME = DEMO_PROGRAMMES[0]!.name;
export const DEMO_GATHERING_TITLE = "Kevään kohtaaminen: mitä ryhmät ovat oppineet";

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
 * the demo people and one group's published learning digest. A programme that already has gatherings
 * keeps them as they are.
 */
export async function seedDemoGatherings(db: Db, people: DemoAccount[]): Promise<{ seeded: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, DEMO_GATHERING_PROGRAMME)).limit(1);
  if (!programme) return { seeded: [], kept: [] };
  const existing = await db.select({ id: gatherings.id }).from(gatherings).where(eq(gatherings.programmeId, programme.id)).limit(1);
  if (existing.length > 0) return { seeded: [], kept: [DEMO_GATHERING_TITLE] };

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
  return { seeded: [DEMO_GATHERING_TITLE], kept: [] };
}
