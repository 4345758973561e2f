import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../server/db/database";
import { conversations, goalCheckIns, goals, groups, memberships, programmeCoordinators, programmes } from "../../server/db/schema";
import { DEFAULT_AGREEMENT } from "../../server/domain/groups";
import type { GoalStatus, GroupKind, GroupPhase, ProcessTemplate } from "../../shared/schemas/groups";
import type { DemoAccount, DemoPersonKey } from "./accounts";

interface DemoGoal {
  title: string;
  description: string;
  successCriteria: string;
  status?: GoalStatus;
  /** Progress of each check-in, oldest first, spread over the past months. */
  checkIns: number[];
}

interface DemoGroup {
  name: string;
  description: string;
  kind: GroupKind;
  phase: GroupPhase;
  resumeOn?: string;
  facilitators: DemoPersonKey[];
  members: DemoPersonKey[];
  peerInstructors?: DemoPersonKey[];
  goals: DemoGoal[];
}

interface DemoProgramme {
  name: string;
  description: string;
  template: ProcessTemplate;
  groups: DemoGroup[];
}

const COMMENTS = [
  "Kokeilin tätä omassa projektissa, toimi yllättävän hyvin.",
  "Hidasta edistystä, kiireinen kuukausi.",
  "Ryhmän vinkit auttoivat eteenpäin.",
  "Selkeä askel eteenpäin tässä kuussa.",
  "Tähän tarvitsen vielä tukea seuraavassa tapaamisessa.",
];

/**
 * Seed 004's pilot and seed 000's peer-instructor training. The pilot alone holds several groups of
 * every kind, each kind with goals and check-ins, so one programme page shows the whole range.
 */
export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    name: "3AMK-projektipäälliköiden vertaismentorointi",
    description: "Kolmen ammattikorkeakoulun projektipäälliköt oppivat toisiltaan vertaisryhmissä lukuvuoden ajan.",
    template: "verme_year",
    groups: [
      {
        name: "Projektinhallinnan arki",
        description: "Projektipäälliköiden vertaismentorointiryhmä: resursointi, ohjausryhmät ja jaksaminen.",
        kind: "peer_mentoring",
        phase: "active",
        facilitators: ["facilitator"],
        members: ["aino", "mikko", "liisa", "james"],
        goals: [
          {
            title: "Selkeämmät ohjausryhmäkokoukset",
            description: "Jokainen kehittää yhden oman ohjausryhmänsä kokouskäytäntöä.",
            successCriteria: "Jokainen on kokeillut uutta esityslistapohjaa ja kertonut kokemuksistaan.",
            checkIns: [2, 3, 3, 4],
          },
          {
            title: "Oma jaksaminen projektien ristipaineessa",
            description: "Tunnistetaan kuormittavat tilanteet ja jaetaan keinoja niiden hallintaan.",
            successCriteria: "Jokaisella on kirjattu oma keino, jota on kokeiltu kuukauden ajan.",
            checkIns: [1, 2, 3],
          },
        ],
      },
      {
        name: "Hankeviestinnän verkosto",
        description: "Vertaisryhmä hankkeiden viestinnästä ja tulosten levittämisestä.",
        kind: "peer_mentoring",
        phase: "paused",
        resumeOn: "2027-08-16",
        facilitators: ["facilitator"],
        members: ["sanna", "liisa", "mikko"],
        goals: [
          {
            title: "Tulosten levittäminen näkyväksi",
            description: "Kootaan hyvät käytännöt hankkeiden tulosten viestintään.",
            successCriteria: "Yhteinen muistilista on käytössä kaikissa ryhmän hankkeissa.",
            checkIns: [2, 3],
          },
        ],
      },
      {
        name: "Virtuaaliset projektipäälliköt",
        description: "Etänä kokoontuva ryhmä, jossa kokeillaan virtuaalisia fasilitointimenetelmiä.",
        kind: "virtual_coaching",
        phase: "active",
        facilitators: ["antti"],
        members: ["james", "aino", "sanna"],
        goals: [
          {
            title: "Kokeillaan kolmea virtuaalimenetelmää",
            description: "Jokaisessa tapaamisessa kokeillaan yhtä uutta menetelmää.",
            successCriteria: "Kolme menetelmää kokeiltu ja arvioitu yhdessä.",
            checkIns: [2, 3, 4, 4],
          },
          {
            title: "Yhteydenpito tapaamisten välillä",
            description: "Keskustelu jatkuu chatissa kuukauden mittaan.",
            successCriteria: "Jokainen kirjoittaa chattiin vähintään kerran tapaamisten välillä.",
            status: "achieved",
            checkIns: [3, 5],
          },
          {
            title: "Ajanhallinnan työkalut",
            description: "Vertaillaan ajanhallinnan työkaluja.",
            successCriteria: "Jaettu vertailu työkaluista.",
            status: "dropped",
            checkIns: [1],
          },
        ],
      },
      {
        name: "Etäjohtamisen vertaisryhmä",
        description: "Uusi virtuaalinen ryhmä, joka on vasta muodostumassa.",
        kind: "virtual_coaching",
        phase: "forming",
        facilitators: ["antti"],
        members: ["liisa"],
        goals: [],
      },
      {
        name: "Hajautettujen tiimien valmennus",
        description: "Virtuaalinen valmennusryhmä projektipäälliköille, joiden tiimit työskentelevät eri paikkakunnilla.",
        kind: "virtual_coaching",
        phase: "active",
        facilitators: ["antti"],
        members: ["mikko", "sanna", "liisa"],
        goals: [
          {
            title: "Toimiva etäpalaverikäytäntö",
            description: "Jokainen sopii tiiminsä kanssa palaverikäytännön, jossa kaikki pääsevät ääneen.",
            successCriteria: "Käytäntö on kirjattu ja sitä on kokeiltu kuukauden ajan.",
            checkIns: [2, 3, 4],
          },
          {
            title: "Luottamus ilman kasvokkaisia tapaamisia",
            description: "Jaetaan keinoja, joilla tiimin luottamus rakentuu etänä.",
            successCriteria: "Jokainen on kokeillut kahta keinoa ja kertonut tuloksista ryhmälle.",
            checkIns: [1, 3],
          },
        ],
      },
      {
        name: "Projektipäälliköiden työnohjaus",
        description: "Työnohjausryhmä, jossa pysähdytään vaikeisiin johtamistilanteisiin luottamuksellisesti.",
        kind: "supervision_circle",
        phase: "active",
        facilitators: ["facilitator"],
        members: ["aino", "james", "sanna"],
        goals: [
          {
            title: "Vaikeat keskustelut tiimin kanssa",
            description: "Harjoitellaan ristiriitatilanteiden puheeksiottoa työnohjauksen tuella.",
            successCriteria: "Jokainen on käynyt yhden vaikean keskustelun ja purkanut sen ryhmässä.",
            checkIns: [2, 2, 3, 4],
          },
          {
            title: "Rajat omalle työmäärälle",
            description: "Tunnistetaan, mihin projektipäällikön vastuu päättyy.",
            successCriteria: "Jokaisella on sovittu tapa sanoa ei uusille pyynnöille.",
            status: "achieved",
            checkIns: [3, 5],
          },
        ],
      },
      {
        name: "Uusien projektipäälliköiden työnohjaus",
        description: "Ensimmäistä vuotta projektipäällikkönä toimivien työnohjausryhmä.",
        kind: "supervision_circle",
        phase: "paused",
        resumeOn: "2027-08-23",
        facilitators: ["antti"],
        members: ["liisa", "mikko"],
        goals: [
          {
            title: "Oma rooli projektipäällikkönä selväksi",
            description: "Selkiytetään, mitä projektipäällikkö päättää itse ja mitä vie ohjausryhmälle.",
            successCriteria: "Jokainen on kirjannut oman päätösvaltansa rajat ja käynyt ne läpi esihenkilönsä kanssa.",
            checkIns: [1, 2, 3],
          },
        ],
      },
    ],
  },
  {
    name: "Vertaisohjaajakoulutus, Kouvolan työpajat",
    description: "Työpajojen vertaisohjaajat koulutetaan neljällä koulutuskerralla, minkä jälkeen heillä on lyhyt ja pitkä työnohjaus.",
    template: "peer_instructor_training",
    groups: [
      {
        name: "Työnohjaus, kevään koulutusryhmä",
        description: "Vertaisohjaajien työnohjausryhmä koulutuksen jälkeen.",
        kind: "supervision_circle",
        phase: "active",
        facilitators: ["antti"],
        members: ["pekka", "emilia"],
        peerInstructors: ["pekka", "emilia"],
        goals: [
          {
            title: "Vertaisohjaajan tehtävät selviksi",
            description: "Jokainen osaa kertoa, mitä vertaisohjaaja työpajalla tekee ja mitä ei.",
            successCriteria: "Tehtävälista on kirjattu ja käyty läpi pajaohjaajien kanssa.",
            checkIns: [2, 4],
          },
          {
            title: "Vuorovaikutus ryhmän ohjaamisessa",
            description: "Harjoitellaan ryhmän ohjaamista turvallisesti.",
            successCriteria: "Jokainen on ohjannut yhden tilanteen ja saanut palautetta.",
            checkIns: [1, 2, 3],
          },
        ],
      },
      {
        name: "Työnohjaus, syksyn koulutusryhmä",
        description: "Syksyn vertaisohjaajien lyhyt ja pitkä työnohjaus.",
        kind: "supervision_circle",
        phase: "forming",
        facilitators: ["antti"],
        members: ["emilia"],
        peerInstructors: ["emilia"],
        goals: [
          {
            title: "Itsetuntemus ohjaajana",
            description: "Tunnistetaan omat vahvuudet ohjaajana.",
            successCriteria: "Jokainen nimeää kaksi vahvuutta ja yhden kehityskohteen.",
            checkIns: [],
          },
        ],
      },
    ],
  },
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates the demo programmes once (coordinated by the demo coordinator); a programme that already
 * exists is left as it is, so running the seed again keeps what people did in the demo.
 */
export async function seedDemoProgrammes(db: Db, people: DemoAccount[]): Promise<{ created: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  const coordinatorId = idOf("coordinator");
  const result = { created: [] as string[], kept: [] as string[] };

  for (const demo of DEMO_PROGRAMMES) {
    const existing = await db
      .select({ id: programmes.id })
      .from(programmes)
      .innerJoin(programmeCoordinators, eq(programmeCoordinators.programmeId, programmes.id))
      .where(and(eq(programmes.name, demo.name), eq(programmeCoordinators.userId, coordinatorId)));
    if (existing.length > 0) {
      result.kept.push(demo.name);
      continue;
    }
    await db.transaction(async (tx) => {
      const [programme] = await tx
        .insert(programmes)
        .values({ name: demo.name, description: demo.description, template: demo.template, createdBy: coordinatorId })
        .returning();
      await tx.insert(programmeCoordinators).values({ programmeId: programme!.id, userId: coordinatorId });

      for (const [groupIndex, demoGroup] of demo.groups.entries()) {
        const startedAt = new Date(Date.now() - (120 - groupIndex * 7) * DAY);
        const [group] = await tx
          .insert(groups)
          .values({
            programmeId: programme!.id,
            name: demoGroup.name,
            description: demoGroup.description,
            kind: demoGroup.kind,
            phase: demoGroup.phase,
            resumeOn: demoGroup.resumeOn ?? null,
            agreement: DEFAULT_AGREEMENT.fi,
            createdBy: coordinatorId,
            createdAt: startedAt,
          })
          .returning();
        const groupId = group!.id;
        await tx.insert(conversations).values({ scope: "group", groupId });
        await tx.insert(memberships).values([
          ...demoGroup.facilitators.map((key) => ({ groupId, userId: idOf(key), role: "facilitator", agreementAcceptedAt: startedAt, joinedAt: startedAt })),
          ...demoGroup.members.map((key, index) => ({
            groupId,
            userId: idOf(key),
            role: "member",
            peerInstructor: demoGroup.peerInstructors?.includes(key) ?? false,
            // The newest member of a forming group has not accepted yet: the demo shows onboarding.
            agreementAcceptedAt: demoGroup.phase === "forming" && index === demoGroup.members.length - 1 ? null : startedAt,
            goalsReadAt: demoGroup.phase === "active" ? startedAt : null,
            joinedAt: new Date(startedAt.getTime() + (index + 1) * DAY),
          })),
        ]);

        if (demoGroup.goals.length === 0) continue;
        const goalRows = await tx
          .insert(goals)
          .values(
            demoGroup.goals.map((goal, position) => ({
              groupId,
              title: goal.title,
              description: goal.description,
              successCriteria: goal.successCriteria,
              status: goal.status ?? "open",
              position,
              createdBy: idOf(demoGroup.facilitators[0]!),
              createdAt: startedAt,
              updatedAt: startedAt,
            })),
          )
          .returning({ id: goals.id });
        const participants = [...demoGroup.facilitators, ...demoGroup.members];
        const checkIns = demoGroup.goals.flatMap((goal, goalIndex) => {
          // About monthly, but all in the past however late in the demo year the group started.
          const interval = Math.min(28 * DAY, (Date.now() - startedAt.getTime()) / (goal.checkIns.length + 1));
          return goal.checkIns.map((progress, index) => ({
            goalId: goalRows[goalIndex]!.id,
            userId: idOf(participants[(index + goalIndex) % participants.length]!),
            progress,
            comment: COMMENTS[(index + goalIndex) % COMMENTS.length]!,
            createdAt: new Date(startedAt.getTime() + (index + 1) * interval),
          }));
        });
        if (checkIns.length > 0) await tx.insert(goalCheckIns).values(checkIns);
      }
    });
    result.created.push(demo.name);
  }
  return result;
}

/** Ids of the demo programmes' groups (for tests). */
export async function demoGroupIds(db: Db, programmeNames: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .innerJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(inArray(programmes.name, programmeNames));
  return rows.map((row) => row.id);
}
