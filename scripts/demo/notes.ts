import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../server/db/database";
import { groups, memberships, notePages, noteUpdates, noteVersions } from "../../server/db/schema";
import { bold, bulletList, heading, noteState, paragraph, taskList, type NoteNode } from "../../server/domain/noteContent";

interface DemoPage {
  title: string;
  blocks: NoteNode[];
}

function notebookFor(groupName: string): DemoPage[] {
  return [
    {
      title: "Tapaamisten muistiinpanot",
      blocks: [
        heading(2, "Tapaaminen 3 – kuulumiset ja tavoitteet"),
        paragraph("Aloitimme käymällä läpi ryhmän ", bold("yhteiset tavoitteet"), ". Jokainen kertoi, mitä on kokeillut edellisen tapaamisen jälkeen."),
        bulletList("Kuulumiskierros: kiireinen kuukausi, mutta pieniä onnistumisia", "Teema: vaikeat keskustelut projektin ohjausryhmässä", "Menetelmä: onnistumisten tutkiminen pareittain"),
        heading(3, "Sovitut kokeilut"),
        taskList(["Kokeilen ennakkopalaveria ohjausryhmän puheenjohtajan kanssa", true], ["Kirjaan viikoittain yhden asian, joka meni hyvin", false], ["Jaan chatissa yhden hyvän käytännön", false]),
        heading(2, "Tapaaminen 2"),
        paragraph("Sovimme ryhmäsopimuksen: kaikki ovat tasavertaisia, kaikki tulevat kuulluksi, ja ryhmässä jaettu jää ryhmään."),
      ],
    },
    {
      title: "Vinkit ja materiaalit",
      blocks: [
        heading(2, `${groupName}: hyödyllistä luettavaa`),
        bulletList("Vertaismentoroinnin opas: roolit ja ryhmän vaiheet", "Ratkaisukeskeisen keskustelun kysymyspankki", "Palautteen antamisen malli: havainto – vaikutus – toive"),
        paragraph("Lisää omat vinkkisi tähän – kaikki ryhmän jäsenet voivat muokata sivua."),
      ],
    },
  ];
}

/**
 * Gives every demo group a notebook with meeting notes and a tips page, written as TipTap documents
 * with a first saved version. A group that already has pages keeps them as they are.
 */
export async function seedDemoNotebooks(db: Db, groupIds: string[]): Promise<number> {
  if (groupIds.length === 0) return 0;
  const withPages = new Set(
    (await db.selectDistinct({ groupId: notePages.groupId }).from(notePages).where(inArray(notePages.groupId, groupIds))).map((row) => row.groupId),
  );
  let seeded = 0;
  for (const groupId of groupIds) {
    if (withPages.has(groupId)) continue;
    const [group] = await db.select({ name: groups.name }).from(groups).where(eq(groups.id, groupId));
    const [author] = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.groupId, groupId)).limit(1);
    if (!group) continue;
    await db.transaction(async (tx) => {
      for (const [position, page] of notebookFor(group.name).entries()) {
        const [row] = await tx
          .insert(notePages)
          .values({ groupId, title: page.title, position, createdBy: author?.userId ?? null })
          .returning({ id: notePages.id });
        const state = noteState(page.blocks);
        await tx.insert(noteUpdates).values({ pageId: row!.id, update: state });
        await tx.insert(noteVersions).values({ pageId: row!.id, name: "Ensimmäinen versio", kind: "manual", state, createdBy: author?.userId ?? null });
      }
    });
    seeded += 1;
  }
  return seeded;
}
