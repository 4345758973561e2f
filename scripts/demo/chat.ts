import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../server/db/database";
import { conversationReads, conversations, groups, memberships, messageMentions, messageReactions, messages, programmes, users } from "../../server/db/schema";
import { findMentions } from "../../server/domain/chat";
import type { DemoAccount, DemoPersonKey } from "./accounts";
import { DEMO_PROGRAMMES } from "./programmes";

interface DemoMessage {
  by: DemoPersonKey;
  body: string;
  /** Index (in this list) of the message this one answers; replies form one-level threads. */
  replyTo?: number;
  reactions?: { emoji: string; by: DemoPersonKey[] }[];
  /** How long ago it was written. */
  hoursAgo: number;
}

interface DemoConversation {
  group: string;
  messages: DemoMessage[];
  /** Messages (counted from the end) each person has not read yet; everyone else has read everything. */
  unreadFor?: Partial<Record<DemoPersonKey, number>>;
}

/**
 * Chat between meetings in the demo groups: the seeds name "low communication between meetings" as a
 * main difficulty, so the demo shows a conversation that keeps going — with threads, reactions, a
 * mention and unread messages waiting for Aino.
 */
export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    group: "Projektinhallinnan arki",
    messages: [
      { by: "facilitator", hoursAgo: 170, body: "Kiitos kaikille eilisestä tapaamisesta! Seuraavaan mennessä jokainen kokeilee uutta esityslistapohjaa omassa ohjausryhmässään." },
      { by: "aino", hoursAgo: 168, body: "Kokeilin pohjaa jo tänään. Ohjausryhmä piti siitä, että päätettävät asiat olivat ensin.", reactions: [{ emoji: "👍", by: ["facilitator", "mikko", "liisa"] }] },
      { by: "mikko", hoursAgo: 165, replyTo: 1, body: "Hyvä vinkki! Laitoitko päätösesitykset jo kutsuun liitteeksi?" },
      { by: "aino", hoursAgo: 164, replyTo: 1, body: "Laitoin, ja pyysin kommentit etukäteen. Kokous lyheni puolella tunnilla." },
      { by: "james", hoursAgo: 120, body: "Quick question: does anyone have a good template for the risk log? Ours has grown into a monster.", reactions: [{ emoji: "😅", by: ["liisa", "aino"] }] },
      { by: "liisa", hoursAgo: 118, replyTo: 4, body: "Meillä on kevyt riskiloki, jossa on vain todennäköisyys, vaikutus ja omistaja. Jaan sen muistioon." },
      { by: "james", hoursAgo: 117, replyTo: 4, body: "Kiitos Liisa, that would help a lot!", reactions: [{ emoji: "🙏", by: ["liisa"] }] },
      { by: "mikko", hoursAgo: 50, body: "Tällä viikolla jaksaminen on ollut koetuksella, kolme projektia yhtä aikaa loppusuoralla." },
      { by: "liisa", hoursAgo: 49, replyTo: 7, body: "Tuttu tilanne. Minua auttoi, että sovin esihenkilön kanssa, mikä projekteista saa joustaa.", reactions: [{ emoji: "❤️", by: ["mikko", "aino"] }] },
      { by: "facilitator", hoursAgo: 30, body: "Otetaan jaksaminen ja projektien ristipaine seuraavan tapaamisen aiheeksi. Tavoitteista puhutaan alussa kuten aina." },
      { by: "facilitator", hoursAgo: 3, body: "@Aino Aaltonen voisitko kertoa ensi kerralla lyhyesti esityslistapohjan kokemuksistasi?" },
      { by: "mikko", hoursAgo: 2, body: "Hyvä idea, kuulisin mielelläni lisää tavoitteista ja siitä, miten ohjausryhmä otti muutoksen vastaan." },
    ],
    unreadFor: { aino: 2, james: 4, liisa: 1 },
  },
  {
    group: "Virtuaaliset projektipäälliköt",
    messages: [
      { by: "antti", hoursAgo: 200, body: "Tervetuloa ryhmään! Kokeillaan ensi kerralla virtuaalista kävelykokousta: puhelin korvalle ja ulos." },
      { by: "sanna", hoursAgo: 190, body: "Låter roligt! Jag provar gärna, fast på svenska ibland 😊", reactions: [{ emoji: "🎉", by: ["antti", "james", "aino"] }] },
      { by: "james", hoursAgo: 100, body: "The walking meeting worked surprisingly well. I had better ideas outside than at my desk." },
      { by: "aino", hoursAgo: 99, replyTo: 2, body: "Samaa mieltä! Muistiinpanot jäivät tosin vähiin, pitää keksiä siihen jokin keino." },
      { by: "antti", hoursAgo: 98, replyTo: 2, body: "Sovitaan, että yksi kirjaa tärkeimmät asiat yhteiseen muistioon heti puhelun jälkeen.", reactions: [{ emoji: "👍", by: ["james", "aino", "sanna"] }] },
    ],
    unreadFor: { aino: 1 },
  },
  {
    group: "Työnohjaus, kevään koulutusryhmä",
    messages: [
      { by: "antti", hoursAgo: 300, body: "Kirjatkaa tähän kysymyksiä, jotka heräävät työpajalla vertaisohjaajan roolista." },
      { by: "pekka", hoursAgo: 280, body: "Miten toimin, kun ryhmäläinen kertoo asioita, jotka kuuluisivat ammattilaiselle?" },
      { by: "emilia", hoursAgo: 279, replyTo: 1, body: "Sama kysymys mietityttää minuakin. Ohjataanko silloin pajaohjaajalle?" },
      { by: "antti", hoursAgo: 275, replyTo: 1, body: "Kyllä: kuuntele, kiitä luottamuksesta ja kerro, kenen puoleen voi kääntyä. Käydään tämä läpi työnohjauksessa.", reactions: [{ emoji: "🙏", by: ["pekka", "emilia"] }] },
    ],
  },
];

const HOUR = 60 * 60 * 1000;

/**
 * Writes the demo conversations into the demo groups' chats. A conversation that already has messages
 * is left as it is, so running the seed again neither duplicates the demo nor undoes what people wrote.
 * Each conversation is written with a few batch inserts in one transaction.
 */
export async function seedDemoChat(db: Db, people: DemoAccount[]): Promise<{ seeded: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  const coordinatorId = idOf("coordinator");
  const result = { seeded: [] as string[], kept: [] as string[] };
  const targets = await db
    .select({ conversation: conversations, groupName: groups.name })
    .from(conversations)
    .innerJoin(groups, eq(groups.id, conversations.groupId))
    .innerJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(
      and(
        eq(conversations.scope, "group"),
        eq(programmes.createdBy, coordinatorId),
        inArray(
          programmes.name,
          DEMO_PROGRAMMES.map((programme) => programme.name),
        ),
        inArray(
          groups.name,
          DEMO_CONVERSATIONS.map((demo) => demo.group),
        ),
      ),
    );

  for (const demo of DEMO_CONVERSATIONS) {
    const target = targets.find((row) => row.groupName === demo.group);
    if (!target) continue;
    if (target.conversation.lastSeq > 0) {
      result.kept.push(demo.group);
      continue;
    }
    const { conversation } = target;
    const members = await db
      .select({ userId: memberships.userId, displayName: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.groupId, conversation.groupId!));
    const now = Date.now();
    const rows = demo.messages.map((message, index) => ({
      id: randomUUID(),
      conversationId: conversation.id,
      seq: index + 1,
      authorId: idOf(message.by),
      clientId: `demo-${conversation.id}-${index + 1}`,
      body: message.body,
      createdAt: new Date(now - message.hoursAgo * HOUR),
    }));
    const withThreads = rows.map((row, index) => {
      const replyTo = demo.messages[index]!.replyTo;
      return { ...row, parentId: replyTo === undefined ? null : rows[replyTo]!.id };
    });
    const reactions = demo.messages.flatMap((message, index) =>
      (message.reactions ?? []).flatMap(({ emoji, by }) =>
        by.map((key, order) => ({ messageId: rows[index]!.id, userId: idOf(key), emoji, createdAt: new Date(rows[index]!.createdAt.getTime() + (order + 1) * 10 * 60 * 1000) })),
      ),
    );
    const mentions = demo.messages.flatMap((message, index) =>
      findMentions(message.body, members)
        .filter((userId) => userId !== idOf(message.by))
        .map((userId) => ({ messageId: rows[index]!.id, userId })),
    );
    const lastSeq = rows.length;
    const reads = members.map((member) => {
      const key = people.find((person) => person.id === member.userId)?.key;
      const unread = key ? (demo.unreadFor?.[key] ?? 0) : 0;
      return { conversationId: conversation.id, userId: member.userId, lastReadSeq: lastSeq - unread };
    });

    await db.transaction(async (tx) => {
      await tx.insert(messages).values(withThreads);
      if (reactions.length > 0) await tx.insert(messageReactions).values(reactions);
      if (mentions.length > 0) await tx.insert(messageMentions).values(mentions);
      await tx.insert(conversationReads).values(reads).onConflictDoNothing();
      await tx.update(conversations).set({ lastSeq }).where(and(eq(conversations.id, conversation.id), eq(conversations.lastSeq, 0)));
    });
    result.seeded.push(demo.group);
  }
  return result;
}
