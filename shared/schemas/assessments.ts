import { z } from "zod";
import { ASSESSMENT, GROUP } from "../limits";
import { CalendarDate } from "./groups";

/**
 * Self-assessments (seed 004: "start and end the process with a self-assessment of competence").
 * A template lists statements grouped by competence area, answered on a labelled 1–5 scale, plus open
 * reflection questions. Texts are given in all three interface languages. A template in use is never
 * changed under people's answers: editing makes a new version, and a round points at one version.
 */

export const LocalizedText = z
  .object({ fi: z.string().trim().min(1).max(ASSESSMENT.statementMax), sv: z.string().trim().min(1).max(ASSESSMENT.statementMax), en: z.string().trim().min(1).max(ASSESSMENT.statementMax) })
  .meta({ id: "LocalizedText", description: "The same text in Finnish, Swedish and English" });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Stable ids inside a template version: answers refer to them. */
const ItemId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);

export const TemplateContent = z
  .object({
    areas: z
      .array(
        z.object({
          id: ItemId,
          title: LocalizedText,
          statements: z.array(z.object({ id: ItemId, text: LocalizedText })).min(1).max(ASSESSMENT.statementsPerAreaMax),
        }),
      )
      .min(1)
      .max(ASSESSMENT.areasMax),
    /** Labels of the scale points 1..5, e.g. "not at all like me" … "very much like me". */
    scaleLabels: z.array(LocalizedText).length(ASSESSMENT.scaleMax - ASSESSMENT.scaleMin + 1),
    reflections: z.array(z.object({ id: ItemId, text: LocalizedText })).max(ASSESSMENT.reflectionQuestionsMax),
  })
  // Answers, aggregates and growth charts find items by id: a repeated id would count one answer twice.
  .superRefine((content, context) => {
    const repeated = (seen: Set<string>, id: string, path: (string | number)[], message: string) => {
      if (seen.has(id)) context.addIssue({ code: "custom", path, message });
      seen.add(id);
    };
    const areaIds = new Set<string>();
    const statementIds = new Set<string>();
    const reflectionIds = new Set<string>();
    content.areas.forEach((area, areaIndex) => {
      repeated(areaIds, area.id, ["areas", areaIndex, "id"], `Another area already has the id "${area.id}"`);
      area.statements.forEach((statement, statementIndex) => {
        repeated(statementIds, statement.id, ["areas", areaIndex, "statements", statementIndex, "id"], `Another statement of the template already has the id "${statement.id}"`);
      });
    });
    content.reflections.forEach((reflection, index) => {
      repeated(reflectionIds, reflection.id, ["reflections", index, "id"], `Another reflection question already has the id "${reflection.id}"`);
    });
  })
  .meta({ id: "TemplateContent", description: "Area ids, statement ids (across all areas) and reflection ids are each unique" });
export type TemplateContent = z.infer<typeof TemplateContent>;

export const BUILT_IN_TEMPLATE_KEYS = ["project_management", "peer_instructor", "peer_group", "closing_feedback"] as const;
export const BuiltInTemplateKey = z.enum(BUILT_IN_TEMPLATE_KEYS);

export const AssessmentTemplate = z
  .object({
    id: z.uuid(),
    name: LocalizedText,
    /** Set for the templates that ship with Piiri; null for copies. */
    builtIn: BuiltInTemplateKey.nullable(),
    /** Who may edit a copy: the coordinators of this programme, or the facilitators of this group. */
    programmeId: z.uuid().nullable(),
    groupId: z.uuid().nullable(),
    versionId: z.uuid(),
    version: z.number().int().min(1),
    content: TemplateContent,
  })
  .meta({ id: "AssessmentTemplate", description: "A template at its current version" });
export type AssessmentTemplate = z.infer<typeof AssessmentTemplate>;

export const TemplateList = z.object({ templates: z.array(AssessmentTemplate) }).meta({ id: "AssessmentTemplateList" });
export const TemplateResponse = z.object({ template: AssessmentTemplate }).meta({ id: "AssessmentTemplateResponse" });

export const CopyTemplateInput = z
  .object({
    fromTemplateId: z.uuid(),
    name: LocalizedText,
    /** Exactly one owner: a programme I coordinate or a standalone group I facilitate. */
    programmeId: z.uuid().optional(),
    groupId: z.uuid().optional(),
  })
  .strict()
  .refine((input) => (input.programmeId === undefined) !== (input.groupId === undefined), { message: "Give a programmeId or a groupId" })
  .meta({ id: "CopyTemplateInput" });
export type CopyTemplateInput = z.infer<typeof CopyTemplateInput>;

export const UpdateTemplateInput = z
  .object({ name: LocalizedText.optional(), content: TemplateContent.optional() })
  .strict()
  .meta({ id: "UpdateTemplateInput", description: "Saves a new version; rounds keep the version they were opened with" });

// ── Rounds ───────────────────────────────────────────────────────────────────

export const ROUND_KINDS = ["start", "midpoint", "end", "feedback"] as const;
export const RoundKind = z.enum(ROUND_KINDS).meta({ id: "RoundKind", description: "feedback is the end-of-process survey" });
export type RoundKind = z.infer<typeof RoundKind>;

export const AssessmentRound = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    kind: RoundKind,
    templateId: z.uuid(),
    templateVersionId: z.uuid(),
    templateName: LocalizedText,
    opensOn: CalendarDate,
    closesOn: CalendarDate,
    /** open: answers accepted today (Europe/Helsinki); upcoming or closed otherwise. */
    status: z.enum(["upcoming", "open", "closed"]),
    /** My own answer's state in this round. */
    myResponse: z.enum(["none", "draft", "submitted"]),
    /** How many have submitted (a count only, never who). */
    submittedCount: z.number().int(),
  })
  .meta({ id: "AssessmentRound" });
export type AssessmentRound = z.infer<typeof AssessmentRound>;

export const RoundList = z.object({ rounds: z.array(AssessmentRound) }).meta({ id: "AssessmentRoundList" });
export const RoundResponse = z.object({ round: AssessmentRound }).meta({ id: "AssessmentRoundResponse" });


export const CreateRoundInput = z
  .object({ kind: RoundKind, templateId: z.uuid(), opensOn: CalendarDate, closesOn: CalendarDate })
  .strict()
  .refine((input) => input.opensOn <= input.closesOn, { message: "A round closes on or after the day it opens", path: ["closesOn"] })
  .meta({ id: "CreateRoundInput" });
export type CreateRoundInput = z.infer<typeof CreateRoundInput>;

// ── My answers ───────────────────────────────────────────────────────────────

export const Answers = z.record(ItemId, z.number().int().min(ASSESSMENT.scaleMin).max(ASSESSMENT.scaleMax));
export const Reflections = z.record(ItemId, z.string().max(ASSESSMENT.reflectionMax));

export const SaveResponseInput = z
  .object({ answers: Answers, reflections: Reflections, submit: z.boolean() })
  .strict()
  .meta({ id: "SaveResponseInput", description: "A draft (submit false) may be partial; a submission must answer every statement" });
export type SaveResponseInput = z.infer<typeof SaveResponseInput>;

export const MyResponse = z
  .object({
    roundId: z.uuid(),
    status: z.enum(["draft", "submitted"]),
    answers: Answers,
    reflections: Reflections,
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "MyResponse", description: "Visible to its author only" });
export type MyResponse = z.infer<typeof MyResponse>;

export const RoundDetail = z
  .object({ round: AssessmentRound, content: TemplateContent, myResponse: MyResponse.nullable() })
  .meta({ id: "AssessmentRoundDetail" });
export type RoundDetail = z.infer<typeof RoundDetail>;

// ── Growth and aggregates ────────────────────────────────────────────────────

/** My own answers across a group's rounds, for the growth chart. */
export const MyGrowth = z
  .object({
    groupId: z.uuid(),
    rounds: z.array(z.object({ round: AssessmentRound, content: TemplateContent, response: MyResponse.nullable() })),
    /** Whether I share my results with my group. */
    sharedWithGroup: z.boolean(),
  })
  .meta({ id: "MyGrowth" });
export type MyGrowth = z.infer<typeof MyGrowth>;

export const ShareGrowthInput = z.object({ shared: z.boolean() }).strict().meta({ id: "ShareGrowthInput" });

/**
 * Results members chose to share with their group (their own choice, revocable): submitted answers
 * only. Drafts look like no answer, and written reflections are never shared.
 */
export const SharedGrowth = z
  .object({ members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), growth: MyGrowth })) })
  .meta({ id: "SharedGrowth" });
export type SharedGrowth = z.infer<typeof SharedGrowth>;

export const AreaAggregate = z
  .object({
    areaId: z.string(),
    title: LocalizedText,
    /** Mean of each respondent's area mean, start and end. */
    startMean: z.number(),
    endMean: z.number(),
    change: z.number(),
    /** How many respondents' area means rounded to 1..5 (index 0 = 1). */
    startDistribution: z.array(z.number().int()).length(5),
    endDistribution: z.array(z.number().int()).length(5),
  })
  .meta({ id: "AreaAggregate" });
export type AreaAggregate = z.infer<typeof AreaAggregate>;

/**
 * Anonymous aggregates over the people who submitted both the start and the end round. When fewer
 * than `threshold` did, the API answers `available: false` and returns no figures at all.
 */
export const Aggregates = z
  .discriminatedUnion("available", [
    z.object({ available: z.literal(true), respondents: z.number().int(), threshold: z.number().int(), areas: z.array(AreaAggregate) }),
    z.object({ available: z.literal(false), respondents: z.number().int(), threshold: z.number().int(), reason: z.enum(["no_rounds", "below_threshold"]) }),
  ])
  .meta({ id: "AssessmentAggregates" });
export type Aggregates = z.infer<typeof Aggregates>;

/**
 * The written answers to one open question of the closing survey, without their authors. They are
 * sorted alphabetically, each question on its own, so neither their order nor their position across
 * questions tells who wrote what.
 */
export const FeedbackTexts = z
  .object({ reflectionId: z.string(), text: LocalizedText, answers: z.array(z.string()) })
  .meta({ id: "FeedbackTexts" });
export type FeedbackTexts = z.infer<typeof FeedbackTexts>;

export const FeedbackAggregate = z
  .discriminatedUnion("available", [
    z.object({
      available: z.literal(true),
      respondents: z.number().int(),
      threshold: z.number().int(),
      /** Per statement of the feedback template: mean and distribution. */
      statements: z.array(z.object({ statementId: z.string(), text: LocalizedText, mean: z.number(), distribution: z.array(z.number().int()).length(5) })),
      /** Per open question of the feedback template, in its order: the submitted texts, anonymous. */
      reflections: z.array(FeedbackTexts),
    }),
    z.object({ available: z.literal(false), respondents: z.number().int(), threshold: z.number().int(), reason: z.enum(["no_rounds", "below_threshold"]) }),
  ])
  .meta({ id: "FeedbackAggregate" });
export type FeedbackAggregate = z.infer<typeof FeedbackAggregate>;

/**
 * A programme's groups, each with its own anonymous aggregates and its own threshold check. There is
 * deliberately no total over the programme: a total beside per-group figures would let anyone subtract
 * the shown groups and learn about a group that is below the threshold.
 */
export const ProgrammeAggregates = z
  .object({
    programmeId: z.uuid(),
    groups: z.array(z.object({ groupId: z.uuid(), groupName: z.string(), assessments: Aggregates, feedback: FeedbackAggregate })),
  })
  .meta({ id: "ProgrammeAssessmentAggregates" });
export type ProgrammeAggregates = z.infer<typeof ProgrammeAggregates>;

/**
 * A programme's own anonymity threshold. `minRespondents` is what its coordinators chose (null: the
 * shared minimum); `threshold` is what applies, never below `ASSESSMENT.minRespondents`.
 */
export const AssessmentSettings = z
  .object({ minRespondents: z.number().int().nullable(), threshold: z.number().int() })
  .meta({ id: "AssessmentSettings" });
export type AssessmentSettings = z.infer<typeof AssessmentSettings>;

/**
 * A programme may raise the threshold, never lower it. A threshold above the largest possible group
 * could never be met, so that is the upper bound.
 */
export const UpdateAssessmentSettingsInput = z
  .object({ minRespondents: z.number().int().min(ASSESSMENT.minRespondents).max(GROUP.maxCapacity).nullable() })
  .strict()
  .meta({ id: "UpdateAssessmentSettingsInput", description: "null goes back to the shared minimum" });
export type UpdateAssessmentSettingsInput = z.infer<typeof UpdateAssessmentSettingsInput>;

export const DueAssessment = z
  .object({ round: AssessmentRound, groupName: z.string() })
  .meta({ id: "DueAssessment", description: "An open round I have not submitted yet" });
export const DueList = z.object({ due: z.array(DueAssessment) }).meta({ id: "DueAssessmentList" });

export const RoundParams = z.object({ roundId: z.uuid() });
export const TemplateParams = z.object({ templateId: z.uuid() });
