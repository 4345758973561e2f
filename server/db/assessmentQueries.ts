import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { BUILT_IN_TEMPLATE_KEYS } from "../../shared/schemas/assessments";
import type {
  Aggregates,
  AreaAggregate,
  AssessmentRound,
  AssessmentTemplate,
  BuiltInTemplateKey,
  FeedbackAggregate,
  LocalizedText,
  MyResponse,
  RoundKind,
  TemplateContent,
} from "../../shared/schemas/assessments";
import type { z } from "zod";
import { anonymousOrder, helsinkiToday, roundStatus } from "../domain/assessments";
import { templatesVisibleTo, type TemplateRow } from "../policies/assessments";
import { queryRows, type Db } from "./database";
import {
  assessmentAnswers,
  assessmentResponses,
  assessmentRounds,
  assessmentTemplates,
  assessmentTemplateVersions,
  groups,
  memberships,
  programmes,
  users,
} from "./schema";

export type TemplateVersionRow = typeof assessmentTemplateVersions.$inferSelect;
export type ResponseRow = typeof assessmentResponses.$inferSelect;

export function presentTemplate(template: TemplateRow, version: TemplateVersionRow): AssessmentTemplate {
  return {
    id: template.id,
    name: version.name,
    builtIn: template.builtIn as z.infer<typeof BuiltInTemplateKey> | null,
    programmeId: template.programmeId,
    groupId: template.groupId,
    versionId: version.id,
    version: version.version,
    content: version.content,
  };
}

const currentVersionJoin = and(
  eq(assessmentTemplateVersions.templateId, assessmentTemplates.id),
  eq(assessmentTemplateVersions.version, assessmentTemplates.currentVersion),
);

/** Templates the user may use, built-ins first, then copies by name. */
export async function listVisibleTemplates(db: Db, userId: string): Promise<AssessmentTemplate[]> {
  const rows = await db
    .select({ template: assessmentTemplates, version: assessmentTemplateVersions })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, currentVersionJoin)
    .where(templatesVisibleTo(userId))
    .orderBy(asc(assessmentTemplates.createdAt), asc(assessmentTemplates.id));
  // Built-ins in their fixed order (they are written in one transaction, so their times are equal).
  const rank = (template: TemplateRow) => (template.builtIn === null ? BUILT_IN_TEMPLATE_KEYS.length : BUILT_IN_TEMPLATE_KEYS.indexOf(template.builtIn as z.infer<typeof BuiltInTemplateKey>));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row.template) - rank(b.row.template) || a.index - b.index)
    .map(({ row }) => presentTemplate(row.template, row.version));
}

/** A template at its current version. */
export async function loadCurrentTemplate(db: Db, templateId: string): Promise<{ template: TemplateRow; version: TemplateVersionRow } | undefined> {
  const [row] = await db
    .select({ template: assessmentTemplates, version: assessmentTemplateVersions })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, currentVersionJoin)
    .where(eq(assessmentTemplates.id, templateId))
    .limit(1);
  return row;
}

// ── Rounds ───────────────────────────────────────────────────────────────────

export interface RoundWithContent {
  round: AssessmentRound;
  content: TemplateContent;
}

/**
 * Rounds with their pinned template version, the viewer's own answer state and the submission count.
 * The count is a number only: who submitted is never part of a round.
 */
async function selectRounds(db: Db, viewerId: string, where: SQL | undefined, now: Date): Promise<RoundWithContent[]> {
  const rows = await db
    .select({
      round: assessmentRounds,
      templateName: assessmentTemplateVersions.name,
      content: assessmentTemplateVersions.content,
      myStatus: sql<string | null>`(select ${assessmentResponses.status} from ${assessmentResponses} where ${assessmentResponses.roundId} = ${assessmentRounds.id} and ${assessmentResponses.userId} = ${viewerId})`,
      submittedCount: sql<number>`(select count(*) from ${assessmentResponses} where ${assessmentResponses.roundId} = ${assessmentRounds.id} and ${assessmentResponses.status} = 'submitted')::int`,
    })
    .from(assessmentRounds)
    .innerJoin(assessmentTemplateVersions, eq(assessmentTemplateVersions.id, assessmentRounds.templateVersionId))
    .where(where)
    // Rounds opening on the same day follow the arc: start, midpoint, end, then the closing feedback.
    .orderBy(
      asc(assessmentRounds.opensOn),
      sql`case ${assessmentRounds.kind} when 'start' then 0 when 'midpoint' then 1 when 'end' then 2 else 3 end`,
      asc(assessmentRounds.createdAt),
      asc(assessmentRounds.id),
    );
  const today = helsinkiToday(now);
  return rows.map((row) => ({
    round: {
      id: row.round.id,
      groupId: row.round.groupId,
      kind: row.round.kind as RoundKind,
      templateId: row.round.templateId,
      templateVersionId: row.round.templateVersionId,
      templateName: row.templateName,
      opensOn: row.round.opensOn,
      closesOn: row.round.closesOn,
      status: roundStatus(row.round.opensOn, row.round.closesOn, today),
      myResponse: row.myStatus === "draft" || row.myStatus === "submitted" ? row.myStatus : "none",
      submittedCount: Number(row.submittedCount),
    },
    content: row.content,
  }));
}

export function listGroupRounds(db: Db, viewerId: string, groupId: string, now = new Date()): Promise<RoundWithContent[]> {
  return selectRounds(db, viewerId, eq(assessmentRounds.groupId, groupId), now);
}

export async function loadRound(db: Db, viewerId: string, roundId: string, now = new Date()): Promise<RoundWithContent | undefined> {
  return (await selectRounds(db, viewerId, eq(assessmentRounds.id, roundId), now))[0];
}

/** Open rounds in the groups whose content I can see, which I have not submitted. */
export async function listDueRounds(db: Db, userId: string, now = new Date()): Promise<{ round: AssessmentRound; groupName: string }[]> {
  const today = helsinkiToday(now);
  const rows = await selectRounds(
    db,
    userId,
    and(
      sql`${assessmentRounds.opensOn} <= ${today} and ${assessmentRounds.closesOn} >= ${today}`,
      sql`${assessmentRounds.groupId} in (select group_id from memberships where user_id = ${userId} and agreement_accepted_at is not null)`,
      sql`not exists (select 1 from ${assessmentResponses} where ${assessmentResponses.roundId} = ${assessmentRounds.id} and ${assessmentResponses.userId} = ${userId} and ${assessmentResponses.status} = 'submitted')`,
    ),
    now,
  );
  if (rows.length === 0) return [];
  const names = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(inArray(groups.id, [...new Set(rows.map((row) => row.round.groupId))]));
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return rows
    .map((row) => ({ round: row.round, groupName: nameOf.get(row.round.groupId) ?? "" }))
    .sort((a, b) => a.round.closesOn.localeCompare(b.round.closesOn));
}

// ── Responses (one person's own) ─────────────────────────────────────────────

/**
 * One person's responses to the given rounds, keyed by round id. Callers pass the user whose answers
 * may be shown: the viewer themself, or a member who chose to share.
 */
export async function loadResponsesOf(db: Db, userId: string, roundIds: string[]): Promise<Map<string, MyResponse>> {
  if (roundIds.length === 0) return new Map();
  const responses = await db
    .select()
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.userId, userId), inArray(assessmentResponses.roundId, roundIds)));
  if (responses.length === 0) return new Map();
  const answers = await db
    .select()
    .from(assessmentAnswers)
    .where(inArray(assessmentAnswers.responseId, responses.map((response) => response.id)));
  const answersOf = new Map<string, Record<string, number>>();
  for (const answer of answers) {
    const record = answersOf.get(answer.responseId) ?? {};
    record[answer.statementId] = answer.value;
    answersOf.set(answer.responseId, record);
  }
  return new Map(
    responses.map((response) => [
      response.roundId,
      {
        roundId: response.roundId,
        status: response.status as MyResponse["status"],
        answers: answersOf.get(response.id) ?? {},
        reflections: response.reflections,
        submittedAt: response.submittedAt?.toISOString() ?? null,
        updatedAt: response.updatedAt.toISOString(),
      },
    ]),
  );
}

// ── Anonymous aggregates ─────────────────────────────────────────────────────

/** The threshold of a group: the shared minimum, raised by its programme when the programme asks. */
export async function programmeMinimumOf(db: Db, groupId: string): Promise<number | null> {
  const [row] = await db
    .select({ minimum: programmes.assessmentMinRespondents })
    .from(groups)
    .leftJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(eq(groups.id, groupId));
  return row?.minimum ?? null;
}

/** The newest start and end round of a group: the pair the aggregates compare. */
const latestStartAndEnd = (groupId: string) => sql`
  select distinct on (kind) id, kind, template_version_id
  from assessment_rounds
  where group_id = ${groupId} and kind in ('start', 'end')
  order by kind, opens_on desc, created_at desc`;

/** People who submitted both rounds of the pair; only they are counted, so start and end compare like with like. */
const bothRoundsRespondents = sql`
  select r.user_id
  from assessment_responses r join latest l on l.id = r.round_id
  where r.status = 'submitted'
  group by r.user_id
  having count(distinct l.kind) = 2`;

interface AreaRow {
  area_id: string;
  title: LocalizedText;
  start_mean: number;
  end_mean: number;
  change: number;
  start_1: number; start_2: number; start_3: number; start_4: number; start_5: number;
  end_1: number; end_2: number; end_3: number; end_4: number; end_5: number;
}

/**
 * Per competence area: each respondent's mean over the area's statements at the start and at the end,
 * then the mean of those, their distribution (rounded to 1..5, halves up) and the change. Below the
 * threshold nothing is computed and no figure is returned — the SQL itself refuses as well.
 */
export async function groupAssessmentAggregates(db: Db, groupId: string, threshold: number): Promise<Aggregates> {
  const [counts] = await queryRows<{ rounds: number; respondents: number }>(
    db,
    sql`with latest as (${latestStartAndEnd(groupId)}), respondents as (${bothRoundsRespondents})
        select (select count(*) from latest)::int as rounds, (select count(*) from respondents)::int as respondents`,
  );
  const respondents = Number(counts?.respondents ?? 0);
  if (Number(counts?.rounds ?? 0) < 2) return { available: false, respondents, threshold, reason: "no_rounds" };
  if (respondents < threshold) return { available: false, respondents, threshold, reason: "below_threshold" };

  const distribution = (kind: "start" | "end") =>
    sql.raw([1, 2, 3, 4, 5].map((point) => `(count(*) filter (where kind = '${kind}' and round(mean) = ${point}))::int as ${kind}_${point}`).join(", "));
  const rows = await queryRows<AreaRow>(
    db,
    sql`with latest as (${latestStartAndEnd(groupId)}),
      respondents as (${bothRoundsRespondents}),
      statement_areas as (
        select l.kind, area.value ->> 'id' as area_id, statement.value ->> 'id' as statement_id
        from latest l
        join assessment_template_versions v on v.id = l.template_version_id
        cross join lateral jsonb_array_elements(v.content -> 'areas') as area(value)
        cross join lateral jsonb_array_elements(area.value -> 'statements') as statement(value)
      ),
      person_area as (
        select l.kind, r.user_id, sa.area_id, avg(a.value) as mean
        from latest l
        join assessment_responses r on r.round_id = l.id and r.status = 'submitted'
        join respondents p on p.user_id = r.user_id
        join assessment_answers a on a.response_id = r.id
        join statement_areas sa on sa.kind = l.kind and sa.statement_id = a.statement_id
        group by l.kind, r.user_id, sa.area_id
      ),
      per_area as (
        select area_id,
          avg(mean) filter (where kind = 'start') as start_mean,
          avg(mean) filter (where kind = 'end') as end_mean,
          ${distribution("start")}, ${distribution("end")}
        from person_area
        group by area_id
      ),
      end_areas as (
        select area.value ->> 'id' as area_id, area.value -> 'title' as title, area.position
        from latest l
        join assessment_template_versions v on v.id = l.template_version_id
        cross join lateral jsonb_array_elements(v.content -> 'areas') with ordinality as area(value, position)
        where l.kind = 'end'
      )
      select p.area_id, e.title,
        round(p.start_mean, 2)::float8 as start_mean,
        round(p.end_mean, 2)::float8 as end_mean,
        round(p.end_mean - p.start_mean, 2)::float8 as change,
        p.start_1, p.start_2, p.start_3, p.start_4, p.start_5, p.end_1, p.end_2, p.end_3, p.end_4, p.end_5
      from per_area p
      join end_areas e on e.area_id = p.area_id
      where p.start_mean is not null and p.end_mean is not null
        and (select count(*) from respondents) >= ${threshold}
      order by e.position`,
  );
  const areas: AreaAggregate[] = rows.map((row) => ({
    areaId: row.area_id,
    title: row.title,
    startMean: Number(row.start_mean),
    endMean: Number(row.end_mean),
    change: Number(row.change),
    startDistribution: [row.start_1, row.start_2, row.start_3, row.start_4, row.start_5].map(Number),
    endDistribution: [row.end_1, row.end_2, row.end_3, row.end_4, row.end_5].map(Number),
  }));
  return { available: true, respondents, threshold, areas };
}

interface StatementRow {
  statement_id: string;
  text: LocalizedText;
  mean: number;
  d1: number; d2: number; d3: number; d4: number; d5: number;
}

/** The newest closing-feedback round: per statement, the mean and distribution of the submitted answers. */
export async function groupFeedbackAggregates(db: Db, groupId: string, threshold: number): Promise<FeedbackAggregate> {
  const latestFeedback = sql`
    select id, template_version_id from assessment_rounds
    where group_id = ${groupId} and kind = 'feedback'
    order by opens_on desc, created_at desc limit 1`;
  const submitted = sql`
    select r.id from assessment_responses r join latest l on l.id = r.round_id where r.status = 'submitted'`;
  const [counts] = await queryRows<{ rounds: number; respondents: number }>(
    db,
    sql`with latest as (${latestFeedback}), submitted as (${submitted})
        select (select count(*) from latest)::int as rounds, (select count(*) from submitted)::int as respondents`,
  );
  const respondents = Number(counts?.respondents ?? 0);
  if (Number(counts?.rounds ?? 0) === 0) return { available: false, respondents, threshold, reason: "no_rounds" };
  if (respondents < threshold) return { available: false, respondents, threshold, reason: "below_threshold" };

  const rows = await queryRows<StatementRow>(
    db,
    sql`with latest as (${latestFeedback}),
      submitted as (${submitted}),
      statements as (
        select statement.value ->> 'id' as statement_id, statement.value -> 'text' as text, area.position as area_position, statement.position
        from latest l
        join assessment_template_versions v on v.id = l.template_version_id
        cross join lateral jsonb_array_elements(v.content -> 'areas') with ordinality as area(value, position)
        cross join lateral jsonb_array_elements(area.value -> 'statements') with ordinality as statement(value, position)
      )
      select s.statement_id, s.text, round(avg(a.value), 2)::float8 as mean,
        (count(*) filter (where a.value = 1))::int as d1, (count(*) filter (where a.value = 2))::int as d2,
        (count(*) filter (where a.value = 3))::int as d3, (count(*) filter (where a.value = 4))::int as d4,
        (count(*) filter (where a.value = 5))::int as d5
      from statements s
      join assessment_answers a on a.statement_id = s.statement_id
      join submitted r on r.id = a.response_id
      where (select count(*) from submitted) >= ${threshold}
      group by s.statement_id, s.text, s.area_position, s.position
      order by s.area_position, s.position`,
  );
  // The written answers travel without the response they came from: only the question and the text.
  const texts = await queryRows<{ reflection_id: string; text: LocalizedText; answers: string[] | null }>(
    db,
    sql`with latest as (${latestFeedback}),
      submitted as (select r.id, r.reflections from assessment_responses r join latest l on l.id = r.round_id where r.status = 'submitted'),
      questions as (
        select question.value ->> 'id' as reflection_id, question.value -> 'text' as text, question.position
        from latest l
        join assessment_template_versions v on v.id = l.template_version_id
        cross join lateral jsonb_array_elements(v.content -> 'reflections') with ordinality as question(value, position)
      ),
      written as (
        select answer.key as reflection_id, btrim(answer.value) as answer
        from submitted s cross join lateral jsonb_each_text(s.reflections) as answer(key, value)
        where btrim(answer.value) <> ''
      )
      select q.reflection_id, q.text, jsonb_agg(w.answer) filter (where w.answer is not null) as answers
      from questions q
      left join written w on w.reflection_id = q.reflection_id
      where (select count(*) from submitted) >= ${threshold}
      group by q.reflection_id, q.text, q.position
      order by q.position`,
  );
  return {
    available: true,
    respondents,
    threshold,
    statements: rows.map((row) => ({
      statementId: row.statement_id,
      text: row.text,
      mean: Number(row.mean),
      distribution: [row.d1, row.d2, row.d3, row.d4, row.d5].map(Number),
    })),
    reflections: texts.map((row) => ({ reflectionId: row.reflection_id, text: row.text, answers: anonymousOrder(row.answers ?? []) })),
  };
}


// ── Growth ───────────────────────────────────────────────────────────────────

export interface GrowthRound {
  round: AssessmentRound;
  content: TemplateContent;
  response: MyResponse | null;
}

/** My own rounds and answers in a group, drafts included: the author sees everything they wrote. */
export async function loadMyGrowthRounds(db: Db, userId: string, groupId: string, now = new Date()): Promise<GrowthRound[]> {
  const rounds = await listGroupRounds(db, userId, groupId, now);
  const responses = await loadResponsesOf(db, userId, rounds.map((entry) => entry.round.id));
  return rounds.map((entry) => ({ ...entry, response: responses.get(entry.round.id) ?? null }));
}

/**
 * What a member who chose to share shows their group: submitted answers only. Drafts stay private and
 * look like no answer at all, and written reflections are never shared — the choice is about results.
 */
export async function loadSharedGrowthRounds(db: Db, ownerId: string, groupId: string, now = new Date()): Promise<GrowthRound[]> {
  const rounds = await loadMyGrowthRounds(db, ownerId, groupId, now);
  return rounds.map((entry) => {
    const submitted = entry.response?.status === "submitted" ? entry.response : null;
    return {
      round: { ...entry.round, myResponse: submitted ? "submitted" : "none" },
      content: entry.content,
      response: submitted ? { ...submitted, reflections: {} } : null,
    };
  });
}

/** Members of a group who accepted the agreement and chose to share their growth. */
export async function listSharingMembers(db: Db, groupId: string): Promise<{ userId: string; displayName: string }[]> {
  return db
    .select({ userId: memberships.userId, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), eq(memberships.growthShared, true), isNotNull(memberships.agreementAcceptedAt)))
    .orderBy(asc(users.displayName));
}
