import type { RoomState, TimerState } from "../../shared/schemas/meetings";
import type { Timer } from "../../shared/meetingClock";
import type { RoomRow } from "../domain/meetingRoom";

/** The stored columns of a live room: a meeting's, or a gathering's plenary (schema.ts `liveRoomColumns`). */
export interface StoredRoom {
  status: string;
  facilitatorId: string | null;
  blockIndex: number;
  step: number;
  timerDurationMs: number;
  timerStartedAt: Date | null;
  timerPausedAt: Date | null;
  roundOrder: string[] | null;
  roundIndex: number;
  hands: string[];
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface StoredTimer {
  timerDurationMs: number;
  timerStartedAt: Date | null;
  timerPausedAt: Date | null;
}

export function timerOf(row: StoredTimer): Timer {
  return { durationMs: row.timerDurationMs, startedAt: row.timerStartedAt, pausedAt: row.timerPausedAt };
}

export function timerColumnsOf(timer: Timer): StoredTimer {
  return { timerDurationMs: timer.durationMs, timerStartedAt: timer.startedAt, timerPausedAt: timer.pausedAt };
}

export function presentTimer(row: StoredTimer): TimerState {
  return { durationMs: row.timerDurationMs, startedAt: row.timerStartedAt?.toISOString() ?? null, pausedAt: row.timerPausedAt?.toISOString() ?? null };
}

/** The state machine's view of a stored room (server/domain/meetingRoom). */
export function roomOf(row: StoredRoom): RoomRow {
  return {
    status: row.status,
    blockIndex: row.blockIndex,
    step: row.step,
    timer: timerOf(row),
    roundOrder: row.roundOrder,
    roundIndex: row.roundIndex,
    hands: row.hands,
    facilitatorId: row.facilitatorId,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
  };
}

/** The columns to store for a room the state machine returned. */
export function columnsOf(room: RoomRow): StoredRoom {
  return {
    status: room.status,
    blockIndex: room.blockIndex,
    step: room.step,
    ...timerColumnsOf(room.timer),
    roundOrder: room.roundOrder,
    roundIndex: room.roundIndex,
    hands: room.hands,
    facilitatorId: room.facilitatorId,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
  };
}

export function presentRoom(row: StoredRoom, present: RoomState["present"], now = new Date()): RoomState {
  return {
    blockIndex: row.blockIndex,
    step: row.step,
    timer: presentTimer(row),
    round: row.roundOrder ? { order: row.roundOrder, index: row.roundIndex } : null,
    hands: row.hands,
    present,
    serverNow: now.toISOString(),
  };
}
