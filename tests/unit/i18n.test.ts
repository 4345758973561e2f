import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labelKeys } from "../../client/features/groups/labels";
import { ERROR_CODES } from "../../shared/errors";
import { GOAL_PROGRESS } from "../../shared/limits";
import { LOCALES } from "../../shared/locales";
import { GOAL_STATUSES, GROUP_KINDS, GROUP_PHASES, MEMBER_ROLES, PROCESS_TEMPLATES } from "../../shared/schemas/groups";

const clientDir = path.resolve("client");

type Tree = { [key: string]: string | Tree };

function loadLocale(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(clientDir, "locales", `${locale}.json`), "utf8")) as Tree;
}

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; a non-string leaf stays visible as itself so it fails the emptiness check. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [innerKey, innerValue] of flatten(value, dotted)) result.set(innerKey, innerValue);
    } else {
      result.set(dotted, value);
    }
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const locales = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(loadLocale(locale))]));

describe("translations", () => {
  it.each(LOCALES)("%s has a non-empty text for every key", (locale) => {
    const empty = [...locales[locale]!].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(empty, `empty or non-text values in ${locale}.json`).toEqual([]);
  });

  for (const a of LOCALES) {
    for (const b of LOCALES) {
      if (a === b) continue;
      it(`every key in ${a} exists in ${b}`, () => {
        const missing = [...locales[a]!.keys()].filter((key) => !locales[b]!.has(key));
        expect(missing, `keys in ${a}.json missing from ${b}.json`).toEqual([]);
      });
    }
  }

  it("uses the same {{placeholders}} in every language", () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
    const mismatched: string[] = [];
    for (const [key, text] of locales.fi!) {
      for (const locale of LOCALES) {
        if (JSON.stringify(placeholders(locales[locale]!.get(key))) !== JSON.stringify(placeholders(text))) mismatched.push(`${locale}:${key}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("has a text for every literal t(\"key\") used in the client", () => {
    const used = new Map<string, string>();
    // t("a.b"), t('a.b'), i18n.t(`a.b`) — keys with interpolation (${...}) are dynamic and checked elsewhere.
    const call = /\bt\(\s*(["'`])([\w.-]+)\1/g;
    for (const file of sourceFiles(clientDir)) {
      for (const match of readFileSync(file, "utf8").matchAll(call)) used.set(match[2]!, path.relative(clientDir, file));
    }
    expect(used.size, "the scan found no t() calls — has the pattern broken?").toBeGreaterThan(20);
    const missing = [...used]
      .flatMap(([key, file]) => LOCALES.filter((locale) => !locales[locale]!.has(key)).map((locale) => `${locale}: ${key} (${file})`));
    expect(missing).toEqual([]);
  });

  it("has a text for every value of the domain's enums, under the keys the UI builds", () => {
    const progressLevels = Array.from({ length: GOAL_PROGRESS.max - GOAL_PROGRESS.min + 1 }, (_, index) => GOAL_PROGRESS.min + index);
    const keys = [
      ...GROUP_KINDS.flatMap((kind) => [labelKeys.kind(kind), labelKeys.kindDescription(kind)]),
      ...GROUP_PHASES.flatMap((phase) => [labelKeys.phase(phase), labelKeys.phaseDescription(phase)]),
      ...MEMBER_ROLES.map((role) => labelKeys.role(role)),
      ...PROCESS_TEMPLATES.flatMap((template) => [labelKeys.template(template), labelKeys.templateDescription(template)]),
      ...GOAL_STATUSES.flatMap((status) => [labelKeys.goalStatus(status), labelKeys.goalStatusDescription(status)]),
      ...progressLevels.map((level) => labelKeys.progressLevel(level)),
    ];
    const missing = keys.flatMap((key) => LOCALES.filter((locale) => typeof locales[locale]!.get(key) !== "string").map((locale) => `${locale}: ${key}`));
    expect(missing).toEqual([]);
  });

  it("translates every error code", () => {
    const missing = ERROR_CODES.flatMap((code) =>
      LOCALES.filter((locale) => typeof locales[locale]!.get(`errors.${code}`) !== "string").map((locale) => `${locale}: errors.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it("has a field message for every field the forms map server details to", () => {
    for (const field of ["email", "password", "displayName"]) {
      for (const locale of LOCALES) expect(locales[locale]!.has(`validation.invalid.${field}`), `${locale}: validation.invalid.${field}`).toBe(true);
    }
  });
});
