import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TemplateContent, type AssessmentRound, type MyGrowth, type MyResponse } from "../../shared/schemas/assessments";
import { LOCALES } from "../../shared/locales";
import { formatChange, formatScore } from "../../client/features/assessments/format";
import { ASSESSMENT_LABEL_KEYS } from "../../client/features/assessments/labels";
import {
  areaMean,
  areaRows,
  changeOf,
  growthSeries,
  missingStatements,
  newStatementId,
  reflectionRows,
  startStep,
  statementRows,
  wrapLabel,
} from "../../client/features/assessments/model";

const text = (en: string) => ({ fi: `${en} (fi)`, sv: `${en} (sv)`, en });

const content: TemplateContent = {
  areas: [
    { id: "interaction", title: text("Interaction"), statements: [{ id: "listen", text: text("I listen") }, { id: "speak", text: text("I speak up") }] },
    { id: "self", title: text("Self-knowledge"), statements: [{ id: "strengths", text: text("I know my strengths") }] },
  ],
  scaleLabels: [1, 2, 3, 4, 5].map((point) => text(`point ${point}`)),
  reflections: [{ id: "hope", text: text("What do you hope for?") }],
};

let ids = 0;
function uuid(): string {
  ids += 1;
  return `00000000-0000-4000-8000-${String(ids).padStart(12, "0")}`;
}

function round(kind: AssessmentRound["kind"], opensOn: string, overrides: Partial<AssessmentRound> = {}): AssessmentRound {
  return {
    id: uuid(),
    groupId: "10000000-0000-4000-8000-000000000000",
    kind,
    templateId: uuid(),
    templateVersionId: uuid(),
    templateName: text("Template"),
    opensOn,
    closesOn: opensOn,
    status: "closed",
    myResponse: "submitted",
    submittedCount: 3,
    ...overrides,
  };
}

function response(of: AssessmentRound, answers: Record<string, number>, reflections: Record<string, string> = {}, status: MyResponse["status"] = "submitted"): MyResponse {
  return { roundId: of.id, status, answers, reflections, submittedAt: status === "submitted" ? "2026-01-01T10:00:00.000Z" : null, updatedAt: "2026-01-01T10:00:00.000Z" };
}

describe("answering", () => {
  it("lists unanswered statements in the order the form shows them", () => {
    expect(missingStatements(content, {})).toEqual(["listen", "speak", "strengths"]);
    expect(missingStatements(content, { speak: 3 })).toEqual(["listen", "strengths"]);
    expect(missingStatements(content, { listen: 1, speak: 5, strengths: 2 })).toEqual([]);
  });

  it("averages only the answered statements of an area", () => {
    expect(areaMean(content.areas[0]!, { listen: 2, speak: 5 })).toBe(3.5);
    expect(areaMean(content.areas[0]!, { listen: 4 })).toBe(4);
    expect(areaMean(content.areas[0]!, {})).toBeNull();
  });
});

describe("editing a template", () => {
  it("gives an added statement an id the template does not have and had not, valid as a template id", () => {
    const random = ["aaaa", "aaaa", "bbbb"];
    expect(newStatementId(new Set(["s-aaaa", "listen"]), () => random.shift()!)).toBe("s-bbbb");
    const ids = new Set<string>();
    for (let index = 0; index < 200; index++) ids.add(newStatementId(ids));
    expect(ids.size).toBe(200);
    const id = [...ids][0]!;
    expect(TemplateContent.safeParse({ ...content, areas: [{ ...content.areas[0]!, statements: [{ id, text: text("New") }] }] }).success).toBe(true);
    expect(() => newStatementId(new Set(["s-x"]), () => "x")).toThrow();
  });
});

describe("my growth", () => {
  const start = round("start", "2026-01-10");
  const end = round("end", "2026-06-01");
  const midpoint = round("midpoint", "2026-03-15");
  const feedback = round("feedback", "2026-06-01");
  const draftOnly = round("midpoint", "2026-04-01", { status: "open", myResponse: "draft" });
  const growth: MyGrowth = {
    groupId: start.groupId,
    sharedWithGroup: false,
    // Deliberately out of order: the page orders by the process, not by the server's list.
    rounds: [
      { round: end, content, response: response(end, { listen: 5, speak: 4, strengths: 4 }, { hope: "I learnt to listen." }) },
      { round: feedback, content, response: response(feedback, { listen: 5 }) },
      { round: start, content, response: response(start, { listen: 2, speak: 3, strengths: 1 }, { hope: "To be heard." }) },
      { round: draftOnly, content, response: response(draftOnly, { listen: 1 }, { hope: "unfinished" }, "draft") },
      { round: midpoint, content, response: response(midpoint, { listen: 3, speak: 3 }) },
    ],
  };

  it("compares submitted start, midpoint and end rounds in process order, leaving out drafts and feedback", () => {
    expect(growthSeries(growth).map((entry) => entry.round.kind)).toEqual(["start", "midpoint", "end"]);
  });

  it("gives one row per area with my mean in each round, rounded to one decimal", () => {
    const series = growthSeries(growth);
    const rows = areaRows(series, "fi");
    expect(rows.map((row) => row.label)).toEqual(["Interaction (fi)", "Self-knowledge (fi)"]);
    expect(series.map((entry) => rows[0]!.values[entry.key])).toEqual([2.5, 3, 4.5]);
    // Not answered in the midpoint round: a gap, not a zero.
    expect(series.map((entry) => rows[1]!.values[entry.key])).toEqual([1, null, 4]);
    expect(changeOf(rows[0]!, series)).toBe(2);
    expect(changeOf(rows[1]!, series)).toBe(3);
  });

  it("gives one row per statement of an area with my answer in each round", () => {
    const series = growthSeries(growth);
    const rows = statementRows(series, "interaction", "en");
    expect(rows.map((row) => row.label)).toEqual(["I listen", "I speak up"]);
    expect(series.map((entry) => rows[1]!.values[entry.key])).toEqual([3, 3, 4]);
    expect(statementRows(series, "no-such-area", "en")).toEqual([]);
  });

  it("matches areas by id across template versions and titles them as the newest round does", () => {
    const renamed: TemplateContent = {
      ...content,
      areas: [{ ...content.areas[0]!, title: text("Dialogue") }, { id: "guidance", title: text("Group guidance"), statements: [{ id: "lead", text: text("I lead") }] }],
    };
    const early = round("start", "2026-01-01");
    const late = round("end", "2026-05-01");
    const series = growthSeries({
      groupId: early.groupId,
      sharedWithGroup: false,
      rounds: [
        { round: early, content, response: response(early, { listen: 1, speak: 1, strengths: 3 }) },
        { round: late, content: renamed, response: response(late, { listen: 3, speak: 3, lead: 4 }) },
      ],
    });
    const rows = areaRows(series, "en");
    expect(rows.map((row) => row.label)).toEqual(["Dialogue", "Self-knowledge", "Group guidance"]);
    expect(rows.map((row) => changeOf(row, series))).toEqual([2, null, null]);
  });

  it("shows no change with a single round", () => {
    const series = growthSeries({ ...growth, rounds: growth.rounds.filter((entry) => entry.round.kind === "start") });
    expect(changeOf(areaRows(series, "en")[0]!, series)).toBeNull();
  });

  it("puts my reflections side by side by round, from submitted answers only", () => {
    const rows = reflectionRows(growth, "sv");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.question).toBe("What do you hope for? (sv)");
    expect(rows[0]!.answers.map((answer) => [answer.round.kind, answer.text])).toEqual([
      ["start", "To be heard."],
      ["end", "I learnt to listen."],
    ]);
  });
});

describe("onboarding and numbers", () => {
  it("points the onboarding step at the open start round and ticks it once submitted", () => {
    const open = round("start", "2026-01-10", { status: "open", myResponse: "draft" });
    expect(startStep([round("end", "2026-06-01", { status: "upcoming", myResponse: "none" }), open])).toEqual({ round: open, done: false });
    expect(startStep([{ ...open, myResponse: "submitted" }]).done).toBe(true);
    expect(startStep([])).toEqual({ round: undefined, done: false });
  });

  it("writes scores and changes the way each language does", () => {
    expect(formatScore(3.6666, "fi")).toBe("3,7");
    expect(formatScore(4, "en")).toBe("4.0");
    expect(formatChange(0.8, "sv")).toBe("+0,8");
    expect(formatChange(-0.25, "en")).toMatch(/^[-−]0\.3$/);
    expect(formatChange(0, "fi")).toBe("0,0");
  });
});

describe("self-assessment texts", () => {
  const locales = Object.fromEntries(
    LOCALES.map((locale) => [locale, JSON.parse(readFileSync(path.resolve("client", "locales", `${locale}.json`), "utf8")) as Record<string, unknown>]),
  );

  it.each(LOCALES)("%s has a word for every round kind, status, own state and aggregate reason", (locale) => {
    const tree = locales[locale]!["assessments"] as Record<string, Record<string, unknown>>;
    for (const value of ASSESSMENT_LABEL_KEYS.kinds) {
      expect(tree["kinds"]![value], `kinds.${value}`).toBeTypeOf("string");
      expect(tree["kindDescriptions"]![value], `kindDescriptions.${value}`).toBeTypeOf("string");
    }
    for (const value of ASSESSMENT_LABEL_KEYS.roundStatus) expect(tree["roundStatus"]![value], `roundStatus.${value}`).toBeTypeOf("string");
    for (const value of ASSESSMENT_LABEL_KEYS.myState) expect(tree["myState"]![value], `myState.${value}`).toBeTypeOf("string");
    const reasons = (tree["aggregates"]!["reasons"] ?? {}) as Record<string, unknown>;
    for (const value of ASSESSMENT_LABEL_KEYS.reasons) expect(reasons[value], `aggregates.reasons.${value}`).toBeTypeOf("string");
    for (const language of LOCALES) expect((tree["templates"]!["inLanguage"] as Record<string, unknown>)[language]).toBeTypeOf("string");
  });
});

describe("chart labels", () => {
  it("wraps at spaces within the line length", () => {
    expect(wrapLabel("Kuuntelen toisten kokemuksia arvostavasti.", 20, 3)).toEqual(["Kuuntelen toisten", "kokemuksia", "arvostavasti."]);
    expect(wrapLabel("Short", 20, 3)).toEqual(["Short"]);
  });

  it("gives an overlong word a line of its own and marks text cut after the last line", () => {
    expect(wrapLabel("a verylongwordindeed b", 8, 3)).toEqual(["a", "verylongwordindeed", "b"]);
    expect(wrapLabel("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
  });
});
