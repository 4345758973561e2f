import type { Locale } from "../../../shared/locales";
import type { AssessmentRound, LocalizedText, MyGrowth, MyResponse, RoundKind, TemplateContent } from "../../../shared/schemas/assessments";

/*
 * Pure rules behind the self-assessment pages: which statements are still unanswered, and how one
 * person's rounds turn into the rows of a growth chart and its table. No React, no requests.
 */

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

function randomHex(): string {
  // getRandomValues works on plain http too, unlike randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(5)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * An id for a statement added to an edited template, unlike every id in `taken` (the statements it
 * has and had), so answers given to a removed statement are never counted for a new one.
 */
export function newStatementId(taken: ReadonlySet<string>, random: () => string = randomHex): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = `s-${random()}`;
    if (!taken.has(id)) return id;
  }
  throw new Error("Could not find a free statement id");
}

/** The ids of statements without an answer, in the order the form shows them. */
export function missingStatements(content: TemplateContent, answers: Readonly<Record<string, number>>): string[] {
  return content.areas.flatMap((area) => area.statements.filter((statement) => answers[statement.id] === undefined).map((statement) => statement.id));
}

/** The mean of the answered statements of one area, or null when none of them is answered. */
export function areaMean(area: TemplateContent["areas"][number], answers: Readonly<Record<string, number>>): number | null {
  const values = area.statements.map((statement) => answers[statement.id]).filter((value): value is number => value !== undefined);
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Rounds a score to one decimal for display, so 3.6666 reads "3.7" everywhere alike. */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

const KIND_ORDER: Record<RoundKind, number> = { start: 0, midpoint: 1, end: 2, feedback: 3 };

/** One compared round of my own growth: a start, midpoint or end round I submitted. */
export interface GrowthSeries {
  /** The key of this round's value in each chart row. */
  key: string;
  round: AssessmentRound;
  content: TemplateContent;
  response: MyResponse;
}

/**
 * The rounds to compare, in the order of the process (start, midpoint, end; by date within a kind).
 * Feedback surveys are not competence and drafts are not answers yet, so both stay out.
 */
export function growthSeries(growth: MyGrowth): GrowthSeries[] {
  return growth.rounds
    .filter(
      (entry): entry is typeof entry & { response: MyResponse } =>
        entry.round.kind !== "feedback" && entry.response !== null && entry.response.status === "submitted",
    )
    .sort((a, b) => KIND_ORDER[a.round.kind] - KIND_ORDER[b.round.kind] || a.round.opensOn.localeCompare(b.round.opensOn))
    .map((entry) => ({ key: `r${entry.round.id.replaceAll("-", "")}`, round: entry.round, content: entry.content, response: entry.response }));
}

/** A row of a growth chart or table: a label and one value per round (null: not answered in it). */
export interface GrowthRow {
  id: string;
  label: string;
  values: Record<string, number | null>;
}

/**
 * The areas of all compared rounds, matched by id (a later template version may add or rename one),
 * titled as the newest round words them.
 */
function areasInOrder(series: readonly GrowthSeries[]): Map<string, { title: LocalizedText; statements: Map<string, LocalizedText> }> {
  const areas = new Map<string, { title: LocalizedText; statements: Map<string, LocalizedText> }>();
  for (const { content } of series) {
    for (const area of content.areas) {
      const known = areas.get(area.id) ?? { title: area.title, statements: new Map<string, LocalizedText>() };
      known.title = area.title;
      for (const statement of area.statements) known.statements.set(statement.id, statement.text);
      areas.set(area.id, known);
    }
  }
  return areas;
}

/** Per area: my area mean in each compared round, rounded to one decimal. */
export function areaRows(series: readonly GrowthSeries[], locale: Locale): GrowthRow[] {
  return [...areasInOrder(series)].map(([areaId, area]) => {
    const values: Record<string, number | null> = {};
    for (const entry of series) {
      const inRound = entry.content.areas.find((candidate) => candidate.id === areaId);
      const mean = inRound ? areaMean(inRound, entry.response.answers) : null;
      values[entry.key] = mean === null ? null : roundScore(mean);
    }
    return { id: areaId, label: localized(area.title, locale), values };
  });
}

/** Per statement of one area: my answer in each compared round. */
export function statementRows(series: readonly GrowthSeries[], areaId: string, locale: Locale): GrowthRow[] {
  const area = areasInOrder(series).get(areaId);
  if (!area) return [];
  return [...area.statements].map(([statementId, text]) => {
    const values: Record<string, number | null> = {};
    for (const entry of series) {
      const inRound = entry.content.areas.find((candidate) => candidate.id === areaId)?.statements.some((statement) => statement.id === statementId);
      values[entry.key] = inRound ? (entry.response.answers[statementId] ?? null) : null;
    }
    return { id: statementId, label: localized(text, locale), values };
  });
}

/** The change from the first to the last compared round, when both have a value. */
export function changeOf(row: GrowthRow, series: readonly GrowthSeries[]): number | null {
  if (series.length < 2) return null;
  const first = row.values[series[0]!.key];
  const last = row.values[series[series.length - 1]!.key];
  if (first === null || first === undefined || last === null || last === undefined) return null;
  return roundScore(last - first);
}

/** My reflections side by side: per question, what I wrote in each round (empty rounds left out). */
export interface ReflectionRow {
  id: string;
  question: string;
  answers: { key: string; round: AssessmentRound; text: string }[];
}

export function reflectionRows(growth: MyGrowth, locale: Locale): ReflectionRow[] {
  const rows = new Map<string, ReflectionRow>();
  const submitted = growth.rounds
    .filter((entry) => entry.response?.status === "submitted")
    .sort((a, b) => KIND_ORDER[a.round.kind] - KIND_ORDER[b.round.kind] || a.round.opensOn.localeCompare(b.round.opensOn));
  for (const entry of submitted) {
    for (const question of entry.content.reflections) {
      const text = entry.response?.reflections[question.id]?.trim() ?? "";
      const row = rows.get(question.id) ?? { id: question.id, question: localized(question.text, locale), answers: [] };
      row.question = localized(question.text, locale);
      if (text) row.answers.push({ key: entry.round.id, round: entry.round, text });
      rows.set(question.id, row);
    }
  }
  return [...rows.values()].filter((row) => row.answers.length > 0);
}

/**
 * The onboarding step "fill in the starting self-assessment": done once I submitted a start round;
 * otherwise it points at the open start round, or the upcoming one.
 */
export function startStep(rounds: readonly AssessmentRound[]): { round: AssessmentRound | undefined; done: boolean } {
  const starts = rounds.filter((round) => round.kind === "start");
  const done = starts.some((round) => round.myResponse === "submitted");
  const round = starts.find((candidate) => candidate.status === "open") ?? starts.find((candidate) => candidate.status === "upcoming");
  return { round, done };
}

/**
 * Breaks a chart label into lines of at most `maxChars` characters at spaces (a word longer than a
 * line gets a line of its own), ending the last line with "…" when the text needs more than
 * `maxLines`. Counting characters instead of measuring keeps charts identical in every browser.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const lastLine = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${lastLine.length >= maxChars ? lastLine.slice(0, maxChars - 1) : lastLine}…`;
  return kept;
}
