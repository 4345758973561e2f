import { ASSESSMENT } from "../../shared/limits";
import { DEFAULT_TIME_ZONE } from "../../shared/locales";
import type { RoundKind, SaveResponseInput, TemplateContent } from "../../shared/schemas/assessments";
import { AppError } from "./appError";

export type RoundStatus = "upcoming" | "open" | "closed";

const calendarDay = new Intl.DateTimeFormat("en-CA", { timeZone: DEFAULT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Today's date in Finland as `YYYY-MM-DD`. Rounds open and close by the calendar of the people who
 * answer them, not by the server's clock zone: a round closing on the 31st is open until midnight in Helsinki.
 */
export function helsinkiToday(now: Date): string {
  return calendarDay.format(now);
}

/** A round is open from its first day to its last day, both included. */
export function roundStatus(opensOn: string, closesOn: string, today: string): RoundStatus {
  if (today < opensOn) return "upcoming";
  if (today > closesOn) return "closed";
  return "open";
}

/** Answers are saved only while a round is open; after it closes they are final. */
export function assertRoundAcceptsAnswers(status: RoundStatus, opensOn: string): void {
  if (status === "closed") throw new AppError("round_closed", "This round has closed; its answers can no longer be changed");
  if (status === "upcoming") throw new AppError("round_closed", `This round opens on ${opensOn}`);
}

export interface ResponseIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a response to a template version: answers or reflections to items the version
 * does not have, and — for a submission — statements left unanswered. A draft may be partial.
 */
export function responseIssues(content: TemplateContent, input: SaveResponseInput): ResponseIssue[] {
  const statementIds = new Set(content.areas.flatMap((area) => area.statements.map((statement) => statement.id)));
  const reflectionIds = new Set(content.reflections.map((reflection) => reflection.id));
  const issues: ResponseIssue[] = [];
  for (const id of Object.keys(input.answers)) {
    if (!statementIds.has(id)) issues.push({ path: `body.answers.${id}`, message: "No such statement in this round's template" });
  }
  for (const id of Object.keys(input.reflections)) {
    if (!reflectionIds.has(id)) issues.push({ path: `body.reflections.${id}`, message: "No such reflection question in this round's template" });
  }
  if (input.submit) {
    for (const id of statementIds) {
      if (!(id in input.answers)) issues.push({ path: `body.answers.${id}`, message: "Answer every statement before submitting" });
    }
  }
  return issues;
}

export function assertValidResponse(content: TemplateContent, input: SaveResponseInput): void {
  const issues = responseIssues(content, input);
  if (issues.length > 0) throw new AppError("validation_failed", input.submit ? "The answers cannot be submitted as they are" : "The answers do not fit this round", issues);
}

/** Reflections left blank are not stored, so "answered" means someone wrote something. */
export function keptReflections(reflections: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(reflections).filter(([, text]) => text.trim() !== ""));
}

const alphabetical = new Intl.Collator("fi", { sensitivity: "base", numeric: true });

/**
 * The closing survey's written answers in alphabetical order, whatever order they were read in (which
 * could follow who answered first). Ties fall back to code points, so every server gives one order.
 */
export function anonymousOrder(answers: readonly string[]): string[] {
  return [...answers].sort((a, b) => alphabetical.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A programme may ask for more respondents before aggregates are shown, never fewer. */
export function aggregateThreshold(programmeMinimum: number | null | undefined): number {
  return Math.max(ASSESSMENT.minRespondents, programmeMinimum ?? 0);
}

/** Rounds whose answers are compared with each other on the growth chart and in aggregates. */
export function isGrowthRound(kind: RoundKind): boolean {
  return kind !== "feedback";
}

/**
 * Start, midpoint and end rounds of one group compare the same statements, so they use one template
 * (any of its versions). The closing feedback survey stands apart and may use any template.
 */
export function assertComparableTemplate(kind: RoundKind, templateId: string, growthTemplateIdsInGroup: readonly string[]): void {
  if (!isGrowthRound(kind)) return;
  const other = growthTemplateIdsInGroup.find((id) => id !== templateId);
  if (other !== undefined) {
    throw new AppError("validation_failed", "The group's start, midpoint and end rounds use the same template, so their answers can be compared", [
      { path: "body.templateId", message: "Use the template of the group's earlier rounds" },
    ]);
  }
}
