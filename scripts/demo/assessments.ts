import { and, eq, inArray } from "drizzle-orm";
import { ensureBuiltInTemplates } from "../../server/db/builtInTemplates";
import type { Db } from "../../server/db/database";
import {
  assessmentAnswers,
  assessmentResponses,
  assessmentRounds,
  assessmentTemplates,
  assessmentTemplateVersions,
  groups,
  memberships,
  programmes,
} from "../../server/db/schema";
import { helsinkiToday } from "../../server/domain/assessments";
import type { TemplateContent } from "../../shared/schemas/assessments";
import type { DemoAccount, DemoPersonKey } from "./accounts";
import { DEMO_PROGRAMMES } from "./programmes";

/** The demo group whose members answered both self-assessments, so growth charts and aggregates show at once. */
export const DEMO_ASSESSMENT_GROUP = "Projektinhallinnan arki";

interface DemoRespondent {
  key: DemoPersonKey;
  /** Per competence area of the project-management template, the level the person rated themself at. */
  start: number[];
  end: number[];
  startReflections: Record<string, string>;
  endReflections: Record<string, string>;
  /** The closing feedback, per statement id; absent when the person has not answered it yet. */
  feedback?: Record<string, number>;
  feedbackReflections?: Record<string, string>;
  sharesGrowth?: boolean;
}

const RESPONDENTS: DemoRespondent[] = [
  {
    key: "aino",
    start: [2, 3, 2, 3],
    end: [4, 4, 3, 4],
    startReflections: {
      strengths: "Pidän langat käsissä, ja tiimi tietää aina, mitä seuraavaksi tehdään.",
      develop: "Haluan oppia valmistelemaan ohjausryhmän kokoukset niin, että päätökset syntyvät kokouksessa eikä sen jälkeen.",
    },
    endReflections: {
      strengths: "Ohjausryhmän kokoukset ovat nyt lyhyempiä ja päätökset selkeämpiä.",
      develop: "Seuraavaksi haluan harjoitella vaikeiden asioiden puheeksi ottamista rahoittajan kanssa.",
    },
    feedback: { useful: 5, safe: 5, facilitation: 4, recommend: 5 },
    feedbackReflections: { most_useful: "Muiden projektipäälliköiden konkreettiset esimerkit.", change: "Tapaamisia voisi olla kesälläkin." },
  },
  {
    key: "mikko",
    start: [3, 2, 2, 2],
    end: [4, 3, 4, 3],
    startReflections: { strengths: "Aikataulutus ja riskien tunnistaminen.", develop: "Tiimin ristiriitojen käsittely." },
    endReflections: { strengths: "Uskallan nyt puuttua tiimin jännitteisiin ajoissa.", develop: "Oma jaksaminen usean hankkeen ristipaineessa." },
    feedback: { useful: 4, safe: 5, facilitation: 4, recommend: 4 },
    sharesGrowth: true,
  },
  {
    key: "liisa",
    start: [2, 2, 3, 1],
    end: [3, 4, 4, 3],
    startReflections: { develop: "Haluan oppia sanomaan ei ja priorisoimaan." },
    endReflections: { develop: "Priorisointi on helpottanut, kun jaoimme ryhmässä omia käytäntöjämme." },
    feedback: { useful: 5, safe: 4, facilitation: 3, recommend: 5 },
    feedbackReflections: { recommend_why: "Kyllä – vertaisilta oppii asioita, joita mikään koulutus ei opeta." },
  },
  {
    key: "james",
    start: [3, 3, 2, 2],
    end: [4, 4, 3, 4],
    startReflections: { strengths: "Keeping stakeholders informed across three universities." },
    endReflections: { strengths: "I now plan steering group meetings backwards from the decisions we need.", develop: "Delegating more to the team." },
  },
];

const DAY = 24 * 60 * 60 * 1000;

function dateFromToday(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A person's answers: each area's statements vary a little around the level they gave the area. */
function answersFor(content: TemplateContent, levels: number[]): Record<string, number> {
  const offsets = [0, 1, -1];
  return Object.fromEntries(
    content.areas.flatMap((area, areaIndex) =>
      area.statements.map((statement, index) => [statement.id, Math.min(5, Math.max(1, (levels[areaIndex] ?? 3) + (offsets[index % offsets.length] ?? 0)))]),
    ),
  );
}

async function currentVersion(db: Db, builtIn: string): Promise<{ templateId: string; versionId: string; content: TemplateContent }> {
  const [row] = await db
    .select({ templateId: assessmentTemplates.id, versionId: assessmentTemplateVersions.id, content: assessmentTemplateVersions.content })
    .from(assessmentTemplates)
    .innerJoin(
      assessmentTemplateVersions,
      and(eq(assessmentTemplateVersions.templateId, assessmentTemplates.id), eq(assessmentTemplateVersions.version, assessmentTemplates.currentVersion)),
    )
    .where(eq(assessmentTemplates.builtIn, builtIn));
  if (!row) throw new Error(`The built-in template ${builtIn} is missing`);
  return row;
}

/**
 * Gives the demo project managers' group a start round answered months ago, an end round answered this
 * week and an open closing-feedback survey, so every chart and aggregate has something to show. A group
 * that already has rounds keeps them as they are.
 */
export async function seedDemoAssessments(db: Db, people: DemoAccount[]): Promise<{ seeded: string[]; kept: string[] }> {
  const idOf = (key: DemoPersonKey) => people.find((person) => person.key === key)!.id;
  await ensureBuiltInTemplates(db);
  const [group] = await db
    .select({ id: groups.id })
    .from(groups)
    .innerJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(and(eq(groups.name, DEMO_ASSESSMENT_GROUP), inArray(programmes.name, DEMO_PROGRAMMES.map((programme) => programme.name))))
    .limit(1);
  if (!group) return { seeded: [], kept: [] };
  const existing = await db.select({ id: assessmentRounds.id }).from(assessmentRounds).where(eq(assessmentRounds.groupId, group.id)).limit(1);
  if (existing.length > 0) return { seeded: [], kept: [DEMO_ASSESSMENT_GROUP] };

  const competence = await currentVersion(db, "project_management");
  const feedback = await currentVersion(db, "closing_feedback");
  const today = helsinkiToday(new Date());
  const now = Date.now();
  const facilitatorId = idOf("facilitator");

  await db.transaction(async (tx) => {
    const [start, end, closing] = await tx
      .insert(assessmentRounds)
      .values([
        { groupId: group.id, kind: "start", templateId: competence.templateId, templateVersionId: competence.versionId, opensOn: dateFromToday(today, -110), closesOn: dateFromToday(today, -96), createdBy: facilitatorId, createdAt: new Date(now - 111 * DAY) },
        { groupId: group.id, kind: "end", templateId: competence.templateId, templateVersionId: competence.versionId, opensOn: dateFromToday(today, -7), closesOn: dateFromToday(today, 14), createdBy: facilitatorId, createdAt: new Date(now - 8 * DAY) },
        { groupId: group.id, kind: "feedback", templateId: feedback.templateId, templateVersionId: feedback.versionId, opensOn: dateFromToday(today, -7), closesOn: dateFromToday(today, 21), createdBy: facilitatorId, createdAt: new Date(now - 8 * DAY) },
      ])
      .returning({ id: assessmentRounds.id });

    const responses = RESPONDENTS.flatMap((person, index) => {
      const startAt = new Date(now - (105 - index) * DAY);
      const endAt = new Date(now - (5 - index) * DAY);
      const rows = [
        { roundId: start!.id, userId: idOf(person.key), status: "submitted", reflections: person.startReflections, submittedAt: startAt, createdAt: startAt, updatedAt: startAt },
        { roundId: end!.id, userId: idOf(person.key), status: "submitted", reflections: person.endReflections, submittedAt: endAt, createdAt: endAt, updatedAt: endAt },
      ];
      if (person.feedback) {
        rows.push({ roundId: closing!.id, userId: idOf(person.key), status: "submitted", reflections: person.feedbackReflections ?? {}, submittedAt: endAt, createdAt: endAt, updatedAt: endAt });
      }
      return rows;
    });
    const stored = await tx
      .insert(assessmentResponses)
      .values(responses)
      .returning({ id: assessmentResponses.id, roundId: assessmentResponses.roundId, userId: assessmentResponses.userId });

    const answers = stored.flatMap((response) => {
      const person = RESPONDENTS.find((candidate) => idOf(candidate.key) === response.userId)!;
      const values =
        response.roundId === start!.id
          ? answersFor(competence.content, person.start)
          : response.roundId === end!.id
            ? answersFor(competence.content, person.end)
            : (person.feedback ?? {});
      return Object.entries(values).map(([statementId, value]) => ({ responseId: response.id, statementId, value }));
    });
    await tx.insert(assessmentAnswers).values(answers);

    const sharing = RESPONDENTS.filter((person) => person.sharesGrowth).map((person) => idOf(person.key));
    if (sharing.length > 0) {
      await tx
        .update(memberships)
        .set({ growthShared: true })
        .where(and(eq(memberships.groupId, group.id), inArray(memberships.userId, sharing)));
    }
  });
  return { seeded: [DEMO_ASSESSMENT_GROUP], kept: [] };
}
