import { eq } from "drizzle-orm";
import { ASSESSMENT } from "../../shared/limits";
import { isLocale, type Locale } from "../../shared/locales";
import {
  Aggregates,
  AssessmentSettings,
  CopyTemplateInput,
  CreateRoundInput,
  DueList,
  FeedbackAggregate,
  MyGrowth,
  ProgrammeAggregates,
  RoundDetail,
  RoundList,
  RoundParams,
  RoundResponse,
  SaveResponseInput,
  ShareGrowthInput,
  SharedGrowth,
  TemplateList,
  TemplateParams,
  TemplateResponse,
  UpdateAssessmentSettingsInput,
  UpdateTemplateInput,
  type MyGrowth as MyGrowthType,
} from "../../shared/schemas/assessments";
import { GroupParams, ProgrammeParams } from "../../shared/schemas/groups";
import { copyTemplate, createRound, saveMyResponse, setAssessmentThreshold, setGrowthSharing, updateTemplate } from "../commands/assessments";
import {
  groupAssessmentAggregates,
  groupFeedbackAggregates,
  listDueRounds,
  listGroupRounds,
  listSharingMembers,
  listVisibleTemplates,
  loadCurrentTemplate,
  loadMyGrowthRounds,
  loadResponsesOf,
  loadRound,
  loadSharedGrowthRounds,
  presentTemplate,
  programmeMinimumOf,
} from "../db/assessmentQueries";
import type { Db } from "../db/database";
import { groups } from "../db/schema";
import { findUserById } from "../db/users";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { aggregateThreshold } from "../domain/assessments";
import { toCsv, type CsvCell } from "../domain/csv";
import { sendDownload } from "../http/download";
import { defineRoute, type AnyRoute } from "../http/route";
import {
  authorizeGroupAggregates,
  authorizeRound,
  authorizeTemplateEdit,
  authorizeTemplateForGroup,
  authorizeTemplateOwner,
  authorizeTemplateRead,
} from "../policies/assessments";
import { authorizeGroup, authorizeProgramme } from "../policies/groups";
import { errorResponses } from "./errorResponses";

async function presentCurrentTemplate(db: Db, templateId: string) {
  const current = await loadCurrentTemplate(db, templateId);
  if (!current) throw new AppError("not_found", "No such template");
  return presentTemplate(current.template, current.version);
}

async function roundDetail(db: Db, userId: string, roundId: string) {
  const entry = await loadRound(db, userId, roundId);
  if (!entry) throw new AppError("not_found", "No such round");
  // Only the requesting user's own response is ever loaded here.
  const mine = await loadResponsesOf(db, userId, [roundId]);
  return { round: entry.round, content: entry.content, myResponse: mine.get(roundId) ?? null };
}

async function myGrowth(db: Db, userId: string, groupId: string, sharedWithGroup: boolean): Promise<MyGrowthType> {
  return { groupId, rounds: await loadMyGrowthRounds(db, userId, groupId), sharedWithGroup };
}

async function localeOf(db: Db, userId: string): Promise<Locale> {
  const user = await findUserById(db, userId);
  return isLocale(user?.locale) ? user.locale : "fi";
}

function presentSettings(minRespondents: number | null) {
  return { minRespondents, threshold: aggregateThreshold(minRespondents) };
}

function sendCsv(res: import("express").Response, fileName: string, csv: string): void {
  sendDownload(res, "text/csv; charset=utf-8", fileName, csv);
}

export function assessmentRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "assessments";

  const thresholdOf = async (groupId: string) => aggregateThreshold(await programmeMinimumOf(db, groupId));

  return [
    // ── Templates ──────────────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/assessment-templates",
      tag,
      summary: "Self-assessment templates I can use: the built-ins, and copies of my programmes and groups",
      auth: true,
      responses: { 200: { description: "Templates at their current versions", schema: TemplateList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ templates: await listVisibleTemplates(db, auth.userId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/assessment-templates",
      tag,
      summary: "Copy a template for a programme I coordinate or a standalone group I facilitate",
      auth: true,
      body: CopyTemplateInput,
      responses: { 201: { description: "The copy", schema: TemplateResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, body, res }) {
        const source = await authorizeTemplateRead(db, auth.userId, body.fromTemplateId);
        await authorizeTemplateOwner(db, auth.userId, body);
        const templateId = await copyTemplate(db, auth.userId, source, body);
        res.status(201).json({ template: await presentCurrentTemplate(db, templateId) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/assessment-templates/:templateId",
      tag,
      summary: "Edit a copy: saves a new version, and rounds keep the version they opened with (built-ins answer 403)",
      auth: true,
      params: TemplateParams,
      body: UpdateTemplateInput,
      responses: { 200: { description: "The template at its new version", schema: TemplateResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeTemplateEdit(db, auth.userId, params.templateId);
        await updateTemplate(db, auth.userId, params.templateId, body);
        res.json({ template: await presentCurrentTemplate(db, params.templateId) });
      },
    }),

    // ── Rounds ─────────────────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/assessment-rounds",
      tag,
      summary: "The group's self-assessment rounds with my own answer state and submission counts",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Rounds, oldest first", schema: RoundList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json({ rounds: (await listGroupRounds(db, auth.userId, params.groupId)).map((entry) => entry.round) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/assessment-rounds",
      tag,
      summary: "Open a start, midpoint, end or closing-feedback round (facilitators); it keeps the template's current version",
      auth: true,
      params: GroupParams,
      body: CreateRoundInput,
      responses: { 201: { description: "The round", schema: RoundResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { group } = await authorizeGroup(db, auth.userId, params.groupId, "runAssessments");
        const template = await authorizeTemplateForGroup(db, group, body.templateId);
        const roundId = await createRound(db, auth.userId, group.id, template, body);
        deps.live.assessmentsChanged(group.id);
        const created = await loadRound(db, auth.userId, roundId);
        res.status(201).json({ round: created!.round });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/assessment-rounds/:roundId",
      tag,
      summary: "A round's questions and my own answer (never anyone else's)",
      auth: true,
      params: RoundParams,
      responses: { 200: { description: "The round", schema: RoundDetail }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeRound(db, auth.userId, params.roundId);
        res.json(await roundDetail(db, auth.userId, params.roundId));
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/assessment-rounds/:roundId/my-response",
      tag,
      summary: "Save my draft or submit my answers; editable until the round closes (409 round_closed after)",
      auth: true,
      params: RoundParams,
      body: SaveResponseInput,
      responses: { 200: { description: "The round with my saved answer", schema: RoundDetail }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { round } = await authorizeRound(db, auth.userId, params.roundId);
        const current = await loadRound(db, auth.userId, round.id);
        if (!current) throw new AppError("not_found", "No such round");
        const { countChanged } = await saveMyResponse(db, auth.userId, round, current.content, body);
        if (countChanged) deps.live.assessmentsChanged(round.groupId);
        res.json(await roundDetail(db, auth.userId, round.id));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/me/assessments/due",
      tag,
      summary: "Open rounds in my groups that I have not submitted yet, soonest closing first",
      auth: true,
      responses: { 200: { description: "Due rounds", schema: DueList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ due: await listDueRounds(db, auth.userId) });
      },
    }),

    // ── Growth ─────────────────────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/my-growth",
      tag,
      summary: "My own answers across the group's rounds, for my growth chart",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "My growth", schema: MyGrowth }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const { membership } = await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json(await myGrowth(db, auth.userId, params.groupId, membership.growthShared));
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/groups/:groupId/my-growth/sharing",
      tag,
      summary: "Choose whether my submitted answers (not my reflections) are shown to my group",
      auth: true,
      params: GroupParams,
      body: ShareGrowthInput,
      responses: { 200: { description: "My growth with the new choice", schema: MyGrowth }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        await setGrowthSharing(db, params.groupId, auth.userId, body.shared);
        deps.live.assessmentsChanged(params.groupId);
        res.json(await myGrowth(db, auth.userId, params.groupId, body.shared));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/shared-growth",
      tag,
      summary: "Submitted answers of the members who chose to share them with the group",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Shared growth", schema: SharedGrowth }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        const sharing = await listSharingMembers(db, params.groupId);
        const members = await Promise.all(
          sharing.map(async (member) => ({
            userId: member.userId,
            displayName: member.displayName,
            growth: { groupId: params.groupId, rounds: await loadSharedGrowthRounds(db, member.userId, params.groupId), sharedWithGroup: true },
          })),
        );
        res.json({ members });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/my-growth.csv",
      tag,
      summary: "Download my own answers in the group as CSV",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "text/csv" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const { group } = await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        const locale = await localeOf(db, auth.userId);
        const rows: CsvCell[][] = [];
        for (const { round, content, response } of await loadMyGrowthRounds(db, auth.userId, params.groupId)) {
          const base = [round.kind, round.opensOn, round.closesOn, response?.status ?? "none"];
          for (const area of content.areas) {
            for (const statement of area.statements) {
              const value = response?.answers[statement.id];
              rows.push([...base, area.title[locale], statement.id, statement.text[locale], value ?? null, value ? content.scaleLabels[value - 1]?.[locale] : null]);
            }
          }
          for (const reflection of content.reflections) {
            rows.push([...base, null, reflection.id, reflection.text[locale], response?.reflections[reflection.id] ?? null, null]);
          }
        }
        const header = ["round", "opens_on", "closes_on", "my_status", "area", "item_id", "item", "answer", "answer_label"];
        sendCsv(res, `${group.name.replace(/[^\p{L}\p{N}]+/gu, "-")}-my-answers.csv`, toCsv(header, rows));
      },
    }),

    // ── Anonymous aggregates ───────────────────────────────────────────────
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/assessment-aggregates",
      tag,
      summary: "Anonymous start–end aggregates per area (members and the programme's coordinators); below the threshold no figures at all",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Aggregates", schema: Aggregates }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const group = await authorizeGroupAggregates(db, auth.userId, params.groupId);
        res.json(await groupAssessmentAggregates(db, group.id, await thresholdOf(group.id)));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/feedback-aggregates",
      tag,
      summary: "Anonymous closing-feedback aggregates (members and the programme's coordinators); below the threshold no figures at all",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Feedback aggregates", schema: FeedbackAggregate }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const group = await authorizeGroupAggregates(db, auth.userId, params.groupId);
        res.json(await groupFeedbackAggregates(db, group.id, await thresholdOf(group.id)));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/assessment-aggregates",
      tag,
      summary: "Each group's anonymous aggregates (coordinators); every group passes the threshold on its own",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "Per-group aggregates", schema: ProgrammeAggregates }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json(await programmeAggregates(db, programme.id, programme.assessmentMinRespondents));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/assessment-settings",
      tag,
      summary: "The programme's anonymity threshold for self-assessment aggregates (coordinators)",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "The threshold", schema: AssessmentSettings }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json(presentSettings(programme.assessmentMinRespondents));
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/programmes/:programmeId/assessment-settings",
      tag,
      summary: `Raise the programme's anonymity threshold (coordinators): at least ${ASSESSMENT.minRespondents}, or null for the shared minimum`,
      auth: true,
      params: ProgrammeParams,
      body: UpdateAssessmentSettingsInput,
      responses: { 200: { description: "The new threshold", schema: AssessmentSettings }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        const groupIds = await setAssessmentThreshold(db, programme.id, body.minRespondents);
        // Aggregates may have appeared or gone: the groups' open pages fetch them again.
        for (const groupId of groupIds) deps.live.assessmentsChanged(groupId);
        res.json(presentSettings(body.minRespondents));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/assessment-aggregates.csv",
      tag,
      summary: "Download the programme's anonymous aggregates as CSV (coordinators)",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "text/csv" }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        const locale = await localeOf(db, auth.userId);
        const { groups: perGroup } = await programmeAggregates(db, programme.id, programme.assessmentMinRespondents);
        const rows: CsvCell[][] = [];
        const empty = (count: number) => Array.from({ length: count }, () => null);
        for (const group of perGroup) {
          const { assessments, feedback } = group;
          if (assessments.available) {
            for (const area of assessments.areas) {
              rows.push(["assessment", group.groupName, area.areaId, area.title[locale], assessments.respondents, "available", area.startMean, area.endMean, area.change, null, ...area.startDistribution, ...area.endDistribution, ...empty(6)]);
            }
          } else {
            rows.push(["assessment", group.groupName, null, null, assessments.respondents, assessments.reason, ...empty(20)]);
          }
          if (feedback.available) {
            for (const statement of feedback.statements) {
              rows.push(["feedback", group.groupName, statement.statementId, statement.text[locale], feedback.respondents, "available", null, null, null, statement.mean, ...empty(10), ...statement.distribution, null]);
            }
            // One row per written answer, in the anonymous (alphabetical) order the aggregates give.
            for (const question of feedback.reflections) {
              for (const text of question.answers) {
                rows.push(["feedback_text", group.groupName, question.reflectionId, question.text[locale], feedback.respondents, "available", ...empty(19), text]);
              }
            }
          } else {
            rows.push(["feedback", group.groupName, null, null, feedback.respondents, feedback.reason, ...empty(20)]);
          }
        }
        const points = [1, 2, 3, 4, 5];
        const header = [
          "section", "group", "item_id", "item", "respondents", "status", "start_mean", "end_mean", "change", "mean",
          ...points.map((point) => `start_${point}`), ...points.map((point) => `end_${point}`), ...points.map((point) => `answers_${point}`), "text",
        ];
        sendCsv(res, "assessment-aggregates.csv", toCsv(header, rows));
      },
    }),
  ];
}

/** Every group of a programme with its own aggregates; see ProgrammeAggregates for why there is no total. */
async function programmeAggregates(db: Db, programmeId: string, programmeMinimum: number | null) {
  const threshold = aggregateThreshold(programmeMinimum);
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.programmeId, programmeId)).orderBy(groups.name);
  const perGroup = [];
  for (const group of rows) {
    perGroup.push({
      groupId: group.id,
      groupName: group.name,
      assessments: await groupAssessmentAggregates(db, group.id, threshold),
      feedback: await groupFeedbackAggregates(db, group.id, threshold),
    });
  }
  return { programmeId, groups: perGroup };
}
