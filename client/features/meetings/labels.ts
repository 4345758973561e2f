import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/locales";
import { AGENDA_BLOCK_KINDS, MEETING_STATUSES, type AgendaBlock, type AgendaBlockKind, type MeetingStatus, type MethodCard } from "../../../shared/schemas/meetings";

/*
 * The meeting words per language. Every value of each enum has a text in fi, sv and en; the keys are
 * listed in MEETING_LABEL_KEYS so the client tests can check them.
 */
export const blockKindLabel = (t: TFunction, kind: AgendaBlockKind) => t(`meetings.blockKinds.${kind}`);
export const meetingStatusLabel = (t: TFunction, status: MeetingStatus) => t(`meetings.statuses.${status}`);

export const MEETING_LABEL_KEYS: readonly string[] = [
  ...AGENDA_BLOCK_KINDS.map((kind) => `meetings.blockKinds.${kind}`),
  ...MEETING_STATUSES.map((status) => `meetings.statuses.${status}`),
];

/**
 * A block's name as the agenda shows it: its own title, else its method card's, else the name of its
 * kind (check-in, goal review and check-out are named by the interface in each language).
 */
export function blockTitle(t: TFunction, block: Pick<AgendaBlock, "kind" | "title">, card: MethodCard | undefined, locale: Locale): string {
  if (block.title.trim()) return block.title;
  if (block.kind === "method" && card) return card.title[locale] || card.title.fi;
  return blockKindLabel(t, block.kind);
}

/** A method card text in the interface language, falling back to Finnish (a group's own card has one text). */
export function cardText(text: MethodCard["title"], locale: Locale): string {
  return text[locale] || text.fi;
}
