import { describe, expect, it } from "vitest";
import { AppError } from "../../server/domain/appError";
import {
  aggregateThreshold,
  anonymousOrder,
  assertComparableTemplate,
  assertRoundAcceptsAnswers,
  assertValidResponse,
  helsinkiToday,
  keptReflections,
  responseIssues,
  roundStatus,
} from "../../server/domain/assessments";
import { BUILT_IN_TEMPLATES } from "../../server/domain/assessmentTemplates";
import { toCsv } from "../../server/domain/csv";
import { ASSESSMENT } from "../../shared/limits";
import { BUILT_IN_TEMPLATE_KEYS, TemplateContent, type SaveResponseInput } from "../../shared/schemas/assessments";

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const content: TemplateContent = {
  areas: [
    { id: "a", title: { fi: "A", sv: "A", en: "A" }, statements: [{ id: "a1", text: { fi: "x", sv: "x", en: "x" } }, { id: "a2", text: { fi: "y", sv: "y", en: "y" } }] },
    { id: "b", title: { fi: "B", sv: "B", en: "B" }, statements: [{ id: "b1", text: { fi: "z", sv: "z", en: "z" } }] },
  ],
  scaleLabels: [1, 2, 3, 4, 5].map((point) => ({ fi: `${point}`, sv: `${point}`, en: `${point}` })),
  reflections: [{ id: "r1", text: { fi: "?", sv: "?", en: "?" } }],
};
const response = (input: Partial<SaveResponseInput>): SaveResponseInput => ({ answers: {}, reflections: {}, submit: false, ...input });

describe("round status by the calendar in Helsinki", () => {
  it("uses the Finnish date, not UTC, on both sides of midnight and in summer time", () => {
    expect(helsinkiToday(new Date("2026-01-31T21:59:00Z"))).toBe("2026-01-31");
    expect(helsinkiToday(new Date("2026-01-31T22:00:00Z"))).toBe("2026-02-01");
    expect(helsinkiToday(new Date("2026-06-30T20:59:00Z"))).toBe("2026-06-30");
    expect(helsinkiToday(new Date("2026-06-30T21:00:00Z"))).toBe("2026-07-01");
  });

  it("is open from the opening day through the closing day, both included", () => {
    expect(roundStatus("2026-03-01", "2026-03-14", "2026-02-28")).toBe("upcoming");
    expect(roundStatus("2026-03-01", "2026-03-14", "2026-03-01")).toBe("open");
    expect(roundStatus("2026-03-01", "2026-03-14", "2026-03-14")).toBe("open");
    expect(roundStatus("2026-03-01", "2026-03-14", "2026-03-15")).toBe("closed");
    expect(roundStatus("2026-03-01", "2026-03-01", "2026-03-01")).toBe("open");
  });

  it("refuses answers to a closed or upcoming round with round_closed", () => {
    expect(codeOf(() => assertRoundAcceptsAnswers("open", "2026-03-01"))).toBeUndefined();
    expect(codeOf(() => assertRoundAcceptsAnswers("closed", "2026-03-01"))).toBe("round_closed");
    expect(codeOf(() => assertRoundAcceptsAnswers("upcoming", "2026-03-01"))).toBe("round_closed");
  });
});

describe("completeness of a response", () => {
  it("accepts a partial draft and an empty one", () => {
    expect(responseIssues(content, response({ answers: { a1: 3 } }))).toEqual([]);
    expect(responseIssues(content, response({}))).toEqual([]);
  });

  it("requires every statement for a submission, naming each missing one", () => {
    expect(responseIssues(content, response({ answers: { a1: 3 }, submit: true }))).toEqual([
      { path: "body.answers.a2", message: "Answer every statement before submitting" },
      { path: "body.answers.b1", message: "Answer every statement before submitting" },
    ]);
    expect(responseIssues(content, response({ answers: { a1: 3, a2: 4, b1: 5 }, submit: true }))).toEqual([]);
    // Reflections are optional even in a submission.
    expect(responseIssues(content, response({ answers: { a1: 1, a2: 1, b1: 1 }, reflections: {}, submit: true }))).toEqual([]);
  });

  it("names answers and reflections to items the template version does not have", () => {
    const issues = responseIssues(content, response({ answers: { a1: 2, zz: 4 }, reflections: { r1: "ok", r9: "?" } }));
    expect(issues.map((issue) => issue.path)).toEqual(["body.answers.zz", "body.reflections.r9"]);
    const error = (() => {
      try {
        assertValidResponse(content, response({ answers: { zz: 4 } }));
      } catch (caught) {
        return caught as AppError;
      }
    })();
    expect(error?.code).toBe("validation_failed");
    expect(error?.details).toEqual([{ path: "body.answers.zz", message: "No such statement in this round's template" }]);
  });

  it("drops reflections left blank", () => {
    expect(keptReflections({ r1: "  ", r2: "Opin paljon", r3: "" })).toEqual({ r2: "Opin paljon" });
  });
});

describe("aggregates and templates", () => {
  it("lets a programme raise the respondent threshold but never lower it", () => {
    expect(aggregateThreshold(null)).toBe(ASSESSMENT.minRespondents);
    expect(aggregateThreshold(1)).toBe(ASSESSMENT.minRespondents);
    expect(aggregateThreshold(6)).toBe(6);
  });

  it("keeps a group's start, midpoint and end rounds on one template; feedback may use another", () => {
    expect(codeOf(() => assertComparableTemplate("start", "t1", []))).toBeUndefined();
    expect(codeOf(() => assertComparableTemplate("end", "t1", ["t1"]))).toBeUndefined();
    expect(codeOf(() => assertComparableTemplate("end", "t2", ["t1"]))).toBe("validation_failed");
    expect(codeOf(() => assertComparableTemplate("feedback", "t2", ["t1"]))).toBeUndefined();
  });

  it("ships every built-in template, valid and complete in Finnish, Swedish and English, with unique ids", () => {
    expect(BUILT_IN_TEMPLATES.map((template) => template.key)).toEqual([...BUILT_IN_TEMPLATE_KEYS]);
    for (const template of BUILT_IN_TEMPLATES) {
      expect(() => TemplateContent.parse(template.content), template.key).not.toThrow();
      const ids = [...template.content.areas.flatMap((area) => area.statements.map((statement) => statement.id)), ...template.content.reflections.map((reflection) => reflection.id)];
      expect(new Set(ids).size, template.key).toBe(ids.length);
      expect(new Set(template.content.areas.map((area) => area.id)).size).toBe(template.content.areas.length);
    }
    const peerInstructor = BUILT_IN_TEMPLATES.find((template) => template.key === "peer_instructor")!;
    expect(peerInstructor.content.areas.map((area) => area.id)).toEqual(["interaction", "self_knowledge", "group_guidance", "orientation", "safety"]);
  });

  it("refuses a template whose areas, statements (across areas) or reflections repeat an id, naming each repeat", () => {
    const text = { fi: "x", sv: "x", en: "x" };
    const repeated = {
      ...content,
      areas: [
        ...content.areas,
        { id: "a", title: text, statements: [{ id: "b1", text }, { id: "a2", text }] },
        { id: "c", title: text, statements: [{ id: "c1", text }, { id: "c1", text }] },
      ],
      reflections: [{ id: "r", text }, { id: "r", text }, { id: "a1", text }],
    };
    const result = TemplateContent.safeParse(repeated);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "areas.2.id",
      "areas.2.statements.0.id",
      "areas.2.statements.1.id",
      "areas.3.statements.1.id",
      "reflections.1.id",
    ]);
    // A reflection may share a statement's id: answers and reflections are kept apart.
    expect(TemplateContent.safeParse({ ...content, reflections: [{ id: "a1", text }] }).success).toBe(true);
  });

  it("orders the closing survey's written answers alphabetically, the Finnish way, whatever order they came in", () => {
    const answers = ["Ääneen", "aikataulu", "Vertaiset", "Öisin", "vertaiset", "10 tapaamista", "2 tapaamista", "Åland"];
    const expected = ["2 tapaamista", "10 tapaamista", "aikataulu", "Vertaiset", "vertaiset", "Åland", "Ääneen", "Öisin"];
    expect(anonymousOrder(answers)).toEqual(expected);
    expect(anonymousOrder([...answers].reverse())).toEqual(expected);
    expect(answers[0]).toBe("Ääneen");
  });
});

describe("CSV export", () => {
  it("quotes separators and keeps text that looks like a formula as text", () => {
    const csv = toCsv(["a", "b"], [["=HYPERLINK(\"x\")", "Ryhmä, \"paras\""], [-0.5, null]]);
    expect(csv).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")","Ryhmä, ""paras"""\r\n-0.5,\r\n');
  });
});
