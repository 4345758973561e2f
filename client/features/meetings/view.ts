import { agendaStartTimes } from "../../../shared/meetingClock";
import type { AgendaBlock, AgendaBlockInput, AgendaBlockKind, MeetingStatus, RoomState, SpeakingRound } from "../../../shared/schemas/meetings";

// Pure rules of the meeting page: which block a participant looks at, whose turn it is, and the
// agenda editor's list operations. No React here, so they are tested on their own.

// ── Following the facilitator ───────────────────────────────────────────────

/**
 * What a participant has on screen: the block the facilitator is running (following), or a block they
 * chose to look at themselves.
 */
export type AgendaView = { following: true } | { following: false; blockIndex: number };

export const FOLLOWING: AgendaView = { following: true };

/**
 * The index of the block on screen. Following before the meeting starts (room block -1) shows the
 * first block; an index beyond the agenda (it got shorter) falls back to the last block.
 */
export function viewedBlockIndex(view: AgendaView, roomBlockIndex: number, blockCount: number): number {
  if (blockCount === 0) return -1;
  const wanted = view.following ? roomBlockIndex : view.blockIndex;
  return Math.min(Math.max(wanted, 0), blockCount - 1);
}

/** Looking at a block; choosing the block the facilitator is on means following again. */
export function lookAt(blockIndex: number, roomBlockIndex: number): AgendaView {
  return blockIndex === roomBlockIndex ? FOLLOWING : { following: false, blockIndex };
}

// ── Speaking round ──────────────────────────────────────────────────────────

export interface Turn {
  /** Whose turn it is; null when the round has gone past its last speaker. */
  speakerId: string | null;
  nextId: string | null;
  /** 1-based place of the current speaker, for "2 of 5". */
  position: number;
  total: number;
}

export function currentTurn(round: SpeakingRound | null): Turn | null {
  if (!round || round.order.length === 0) return null;
  const { order, index } = round;
  return {
    speakerId: order[index] ?? null,
    nextId: order[index + 1] ?? null,
    position: Math.min(index + 1, order.length),
    total: order.length,
  };
}

// ── What changed in the room, for the live region ───────────────────────────

export interface RoomSnapshot {
  status: MeetingStatus;
  facilitatorId: string | null;
  room: Pick<RoomState, "blockIndex" | "step" | "round" | "hands">;
}

export type RoomChange =
  | { type: "started" }
  | { type: "ended" }
  | { type: "block"; blockIndex: number }
  | { type: "step"; step: number }
  | { type: "turn"; speakerId: string }
  | { type: "roundEnded" }
  | { type: "facilitator"; userId: string | null }
  | { type: "hand"; userId: string };

/**
 * The changes between two room states worth telling a screen reader user, in the order they matter.
 * A new block makes its first step and a new round's first turn go without saying; a raised hand is
 * news only for the one running the room (`announceHands`).
 */
export function roomChanges(before: RoomSnapshot, after: RoomSnapshot, announceHands: boolean): RoomChange[] {
  const changes: RoomChange[] = [];
  if (before.status !== "ended" && after.status === "ended") return [{ type: "ended" }];
  if (before.room.blockIndex < 0 && after.room.blockIndex >= 0) changes.push({ type: "started" });
  if (after.room.blockIndex >= 0 && after.room.blockIndex !== before.room.blockIndex) {
    changes.push({ type: "block", blockIndex: after.room.blockIndex });
  } else if (after.room.blockIndex >= 0 && after.room.step !== before.room.step) {
    changes.push({ type: "step", step: after.room.step });
  }
  if (before.facilitatorId !== after.facilitatorId) changes.push({ type: "facilitator", userId: after.facilitatorId });
  const speakerBefore = currentTurn(before.room.round)?.speakerId ?? null;
  const speakerAfter = currentTurn(after.room.round)?.speakerId ?? null;
  if (speakerAfter && (speakerAfter !== speakerBefore || !before.room.round)) changes.push({ type: "turn", speakerId: speakerAfter });
  else if (before.room.round && !after.room.round) changes.push({ type: "roundEnded" });
  if (announceHands) {
    const raisedBefore = new Set(before.room.hands);
    for (const userId of after.room.hands) if (!raisedBefore.has(userId)) changes.push({ type: "hand", userId });
  }
  return changes;
}

// ── Agenda editor ───────────────────────────────────────────────────────────

/** A block being edited; `key` identifies it in the list until the server gives it an id. */
export interface DraftBlock {
  key: string;
  kind: AgendaBlockKind;
  title: string;
  minutes: number;
  methodCardId: string | null;
  notes: string;
}

export function toDraft(blocks: readonly AgendaBlock[]): DraftBlock[] {
  return blocks.map(({ id, kind, title, minutes, methodCardId, notes }) => ({ key: id, kind, title, minutes, methodCardId, notes }));
}

/** What PUT /api/meetings/:id/agenda takes. */
export function toAgendaInput(blocks: readonly DraftBlock[]): AgendaBlockInput[] {
  return blocks.map(({ kind, title, minutes, methodCardId, notes }) => ({
    kind,
    title: title.trim(),
    minutes,
    methodCardId: kind === "method" ? methodCardId : null,
    notes: notes.trim(),
  }));
}

/** Sensible lengths for a new block of each kind, in minutes. */
export const DEFAULT_BLOCK_MINUTES: Record<AgendaBlockKind, number> = {
  check_in: 15,
  goal_review: 20,
  method: 30,
  break: 10,
  check_out: 10,
  other: 15,
};

/** Moves the block at `from` one place up (-1) or down (+1); the same list at either end. */
export function moveBlock<T>(blocks: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= blocks.length || to < 0 || to >= blocks.length) return [...blocks];
  const next = [...blocks];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

export interface AgendaTiming {
  /** Each block's planned start. */
  starts: Date[];
  totalMinutes: number;
  /** Positive when the agenda runs past the meeting's end, negative when it leaves time over. */
  overMinutes: number;
}

export function agendaTiming(startsAt: string, blocks: readonly { minutes: number }[], meetingMinutes: number): AgendaTiming {
  const minutes = blocks.map((block) => (Number.isFinite(block.minutes) ? block.minutes : 0));
  const totalMinutes = minutes.reduce((sum, value) => sum + value, 0);
  return { starts: agendaStartTimes(new Date(startsAt), minutes), totalMinutes, overMinutes: totalMinutes - meetingMinutes };
}

/** The first problem with a block that the server would refuse, as a key under `meetings.agenda.invalid`. */
export function blockProblem(block: DraftBlock, maxMinutes: number): "minutes" | "title" | null {
  if (!Number.isInteger(block.minutes) || block.minutes < 1 || block.minutes > maxMinutes) return "minutes";
  if (block.kind === "other" && block.title.trim() === "") return "title";
  return null;
}

// ── Who may do what (the server decides; this only chooses which controls to show) ──────────────

/**
 * The meeting's own facilitator (the role rotates) and the group's facilitators run the meeting: its
 * agenda, its facilitator, the live room's controls and the summary's items.
 */
export function canRunMeeting(myRole: "facilitator" | "member" | undefined, facilitatorId: string | null, myUserId: string): boolean {
  return myRole === "facilitator" || facilitatorId === myUserId;
}
