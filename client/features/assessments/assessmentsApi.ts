import type { z } from "zod";
import type { CopyTemplateInput, CreateRoundInput, SaveResponseInput, TemplateContent, UpdateAssessmentSettingsInput } from "../../../shared/schemas/assessments";
import type { LocalizedText } from "../../../shared/schemas/assessments";
import { request, requestFile, requestNoContent } from "../../lib/api";

/**
 * The self-assessment schemas load with the first self-assessment request rather than with the app:
 * only pages that show self-assessments need them.
 */
type AssessmentSchemas = typeof import("../../../shared/schemas/assessments");
let loading: Promise<AssessmentSchemas> | null = null;
function assessmentSchemas(): Promise<AssessmentSchemas> {
  loading ??= import("../../../shared/schemas/assessments");
  return loading;
}

async function fetchParsed<T>(
  path: string,
  pick: (schemas: AssessmentSchemas) => z.ZodType<T>,
  options: { method?: "GET" | "POST" | "PUT" | "PATCH"; body?: unknown } = {},
): Promise<T> {
  const schemas = await assessmentSchemas();
  return request(path, () => pick(schemas), options);
}

const seg = encodeURIComponent;
const groupPath = (groupId: string) => `/api/groups/${seg(groupId)}`;
const roundPath = (roundId: string) => `/api/assessment-rounds/${seg(roundId)}`;
const programmePath = (programmeId: string) => `/api/programmes/${seg(programmeId)}`;

export const assessmentsApi = {
  templates: () => fetchParsed("/api/assessment-templates", (s) => s.TemplateList),
  copyTemplate: (input: CopyTemplateInput) => fetchParsed("/api/assessment-templates", (s) => s.TemplateResponse, { method: "POST", body: input }),
  updateTemplate: (templateId: string, input: { name?: LocalizedText; content?: TemplateContent }) =>
    fetchParsed(`/api/assessment-templates/${seg(templateId)}`, (s) => s.TemplateResponse, { method: "PATCH", body: input }),

  rounds: (groupId: string) => fetchParsed(`${groupPath(groupId)}/assessment-rounds`, (s) => s.RoundList),
  // Writes whose answer the pages do not read: they refetch what changed instead.
  openRound: (groupId: string, input: CreateRoundInput) => requestNoContent(`${groupPath(groupId)}/assessment-rounds`, { method: "POST", body: input }),
  round: (roundId: string) => fetchParsed(roundPath(roundId), (s) => s.RoundDetail),
  saveMyResponse: (roundId: string, input: SaveResponseInput) => requestNoContent(`${roundPath(roundId)}/my-response`, { method: "PUT", body: input }),

  myGrowth: (groupId: string) => fetchParsed(`${groupPath(groupId)}/my-growth`, (s) => s.MyGrowth),
  setSharing: (groupId: string, shared: boolean) => requestNoContent(`${groupPath(groupId)}/my-growth/sharing`, { method: "PUT", body: { shared } }),
  sharedGrowth: (groupId: string) => fetchParsed(`${groupPath(groupId)}/shared-growth`, (s) => s.SharedGrowth),
  myGrowthCsv: (groupId: string) => requestFile(`${groupPath(groupId)}/my-growth.csv`),

  groupAggregates: (groupId: string) => fetchParsed(`${groupPath(groupId)}/assessment-aggregates`, (s) => s.Aggregates),
  groupFeedback: (groupId: string) => fetchParsed(`${groupPath(groupId)}/feedback-aggregates`, (s) => s.FeedbackAggregate),
  programmeAggregates: (programmeId: string) => fetchParsed(`${programmePath(programmeId)}/assessment-aggregates`, (s) => s.ProgrammeAggregates),
  programmeAggregatesCsv: (programmeId: string) => requestFile(`${programmePath(programmeId)}/assessment-aggregates.csv`),
  programmeSettings: (programmeId: string) => fetchParsed(`${programmePath(programmeId)}/assessment-settings`, (s) => s.AssessmentSettings),
  updateProgrammeSettings: (programmeId: string, input: UpdateAssessmentSettingsInput) =>
    fetchParsed(`${programmePath(programmeId)}/assessment-settings`, (s) => s.AssessmentSettings, { method: "PUT", body: input }),

  due: () => fetchParsed("/api/me/assessments/due", (s) => s.DueList),
};
