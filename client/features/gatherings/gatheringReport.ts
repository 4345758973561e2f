import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/locales";
import { escapeMarkdown } from "../../../shared/markdown";
import type { Gathering, GatheringLive } from "../../../shared/schemas/gatherings";
import { formatDateTime } from "../../lib/dates";
import { safeWebUrl } from "../meetings/format";
import { fileNameSlug } from "../scheduling/format";
import { timeZoneName, zonedDate } from "../scheduling/time";
import { formatGatheringTime } from "./model";

// The gathering's outcome as one Markdown file to take away. Pure: no React, no DOM, so it is testable.

export type ReportGathering = Pick<
  Gathering,
  "title" | "purpose" | "startsAt" | "durationMinutes" | "timeZone" | "location" | "videoUrl" | "programmeName" | "groups" | "digests"
>;

export interface GatheringReportInput {
  gathering: ReportGathering;
  /** The breakout rooms' published summaries, oldest round first, as the live state has them. */
  reports: GatheringLive["reports"];
  /** The plenary's minutes as the notebook exports them (starting with the page's `# title`), or null. */
  minutesMarkdown: string | null;
}

/**
 * Escapes what would start Markdown syntax, the same characters as the notebook's export, so what
 * people wrote stays text and cannot add headings, links or markup to the file.
 */
/** A name or title on one line: a line break in it would end the heading or list item it sits in. */
function inlineText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " ").trim());
}

/**
 * Text written in a form (a digest, a room's summary, the purpose) as Markdown paragraphs. Its line
 * breaks stay line breaks; indentation is dropped, since four spaces would turn a line into code, and a
 * line of only dashes or equals signs is escaped, since under a line of text it would make that a heading.
 */
function blockText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeMarkdown(line.trim()).replace(/^([-=])(?=[-=\s]*$)/, "\\$1"))
        .filter((line) => line !== "")
        // Two spaces at the end of a line are a hard break, as in the notebook's export.
        .join("  \n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/**
 * The minutes' body to sit under the file's own section heading: the page title line goes (the section
 * names it), and every heading moves two levels down so none outranks the sections of the file.
 */
export function minutesBody(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  if (/^#\s/.test(lines[0] ?? "")) lines.shift();
  let inCode = false;
  return lines
    .map((line) => {
      if (/^\s*```/.test(line)) inCode = !inCode;
      if (inCode) return line;
      return line.replace(/^(#{1,6})(?=\s)/, (hashes) => "#".repeat(Math.min(6, hashes.length + 2)));
    })
    .join("\n")
    .trim();
}

/** A link's address in Markdown: brackets and spaces in it would end the link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function publishedLine(t: TFunction, locale: Locale, timeZone: string, name: string | null, at: string): string {
  const time = formatDateTime(at, locale, { timeZone });
  const line = name ? t("gatherings.digest.publishedBy", { name, time }) : t("gatherings.digest.publishedAt", { time });
  return `*${inlineText(line)}*`;
}

/**
 * The gathering as Markdown in the viewer's language: its details, purpose, the groups' learning
 * digests, the breakout rooms' summaries and the plenary's minutes. Sections with nothing in them are
 * left out. Times are in the gathering's own zone, named, since the file is read far from the page.
 */
export function gatheringReportMarkdown({ gathering, reports, minutesMarkdown }: GatheringReportInput, t: TFunction, locale: Locale): string {
  const zone = gathering.timeZone;
  const sections: string[] = [`# ${inlineText(gathering.title)}`];

  const when = `${formatGatheringTime(gathering, locale, zone)} (${timeZoneName(zone, locale, gathering.startsAt)})`;
  const videoUrl = safeWebUrl(gathering.videoUrl);
  const places = [
    gathering.location.trim() ? inlineText(gathering.location) : null,
    videoUrl ? `[${inlineText(t("gatherings.facts.videoLink"))}](${linkTarget(videoUrl)})` : null,
  ].filter((place): place is string => place !== null);
  const facts = [
    `- **${t("gatherings.facts.when")}:** ${inlineText(when)}`,
    `- **${t("gatherings.facts.duration")}:** ${inlineText(t("gatherings.minutes", { count: gathering.durationMinutes }))}`,
    `- **${t("gatherings.facts.place")}:** ${places.length > 0 ? places.join(" · ") : inlineText(t("gatherings.facts.noPlace"))}`,
    `- **${t("gatherings.facts.programme")}:** ${inlineText(gathering.programmeName)}`,
  ];
  if (gathering.groups.length > 0) {
    facts.push(`- **${t("gatherings.facts.groups", { count: gathering.groups.length })}:** ${gathering.groups.map((group) => inlineText(group.name)).join(", ")}`);
  }
  sections.push(facts.join("\n"));

  const purpose = blockText(gathering.purpose);
  if (purpose) sections.push(`## ${t("gatherings.report.purpose")}`, purpose);

  const digests = gathering.digests.filter((digest) => digest.text.trim() !== "");
  if (digests.length > 0) {
    sections.push(`## ${t("gatherings.digest.title")}`);
    for (const digest of digests) {
      sections.push(`### ${inlineText(digest.groupName)}`, blockText(digest.text), publishedLine(t, locale, zone, digest.publishedByName, digest.publishedAt));
    }
  }

  const summaries = reports.filter((report) => report.summary.text.trim() !== "");
  if (summaries.length > 0) {
    sections.push(`## ${t("gatherings.live.reportsTitle")}`);
    for (const { round, number, summary } of summaries) {
      sections.push(
        `### ${inlineText(t("gatherings.live.reportTitle", { number, round }))}`,
        blockText(summary.text),
        publishedLine(t, locale, zone, summary.byName, summary.at),
      );
    }
  }

  const minutes = minutesMarkdown === null ? "" : minutesBody(minutesMarkdown);
  if (minutes) sections.push(`## ${t("gatherings.live.minutesTitle")}`, minutes);

  return `${sections.join("\n\n")}\n`;
}

/** "kohtaaminen-syksyn-kohtaaminen-2026-06-02.md": the word and title in plain letters, and the day it was held. */
export function gatheringReportFileName(gathering: Pick<Gathering, "title" | "startsAt" | "timeZone">, t: TFunction): string {
  const parts = [fileNameSlug(t("gatherings.report.fileName")), fileNameSlug(gathering.title), zonedDate(gathering.startsAt, gathering.timeZone)];
  return `${parts.filter((part) => part !== "").join("-")}.md`;
}
