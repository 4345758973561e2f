import { extendTimer, IDLE_TIMER, pauseTimer, resumeTimer, startTimer, type Timer } from "../../shared/meetingClock";
import type { MeetingControl } from "../../shared/schemas/meetings";
import { AppError } from "./appError";
import { assertMeetingOpen, speakingOrder } from "./meetings";

/**
 * The live room as a state machine over stored values: every control the facilitator sends is a pure
 * step from one stored state to the next, so two nodes, a restart or a reconnect all see the same room.
 */
export interface RoomRow {
  status: string;
  blockIndex: number;
  step: number;
  timer: Timer;
  roundOrder: string[] | null;
  roundIndex: number;
  hands: string[];
  facilitatorId: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface RoomContext {
  now: Date;
  /** Minutes of each agenda block, in order. */
  blockMinutes: readonly number[];
  /** People in the room now, in the order they came. */
  presentUserIds: readonly string[];
  /** Members of the group who accepted its agreement (a hand-over may go to any of them). */
  memberIds: ReadonlySet<string>;
}

/** Entering block `index`: its step starts at 0 and its timer is set, not yet running, to its minutes. */
function enterBlock(row: RoomRow, index: number, context: RoomContext): RoomRow {
  const minutes = context.blockMinutes[index] ?? 0;
  return { ...row, blockIndex: index, step: 0, timer: IDLE_TIMER(minutes * 60_000), roundOrder: null, roundIndex: 0 };
}

export function applyControl(row: RoomRow, control: MeetingControl, context: RoomContext): RoomRow {
  assertMeetingOpen(row.status);
  const blocks = context.blockMinutes.length;
  const started = row.status === "live";
  if (!started && control.type !== "start") throw new AppError("meeting_not_live", "Start the meeting first");

  switch (control.type) {
    case "start": {
      if (started) return row;
      if (blocks === 0) throw new AppError("validation_failed", "The agenda is empty");
      return { ...enterBlock(row, 0, context), status: "live", startedAt: context.now };
    }
    case "goto":
      if (control.blockIndex >= blocks) throw new AppError("validation_failed", "No such agenda block");
      return enterBlock(row, control.blockIndex, context);
    case "next":
      if (row.blockIndex + 1 >= blocks) throw new AppError("validation_failed", "This is the last agenda block; end the meeting instead");
      return enterBlock(row, row.blockIndex + 1, context);
    case "previous":
      if (row.blockIndex <= 0) throw new AppError("validation_failed", "This is the first agenda block");
      return enterBlock(row, row.blockIndex - 1, context);
    case "step":
      return { ...row, step: control.step };
    case "timer":
      switch (control.op) {
        case "start":
          return { ...row, timer: startTimer(row.timer, context.now) };
        case "pause":
          return { ...row, timer: pauseTimer(row.timer, context.now) };
        case "resume":
          return { ...row, timer: resumeTimer(row.timer, context.now) };
        case "reset":
          return { ...row, timer: IDLE_TIMER((context.blockMinutes[row.blockIndex] ?? 0) * 60_000) };
      }
      break;
    case "extend":
      return { ...row, timer: extendTimer(row.timer, control.minutes * 60_000) };
    case "round":
      switch (control.op) {
        case "start": {
          const order = speakingOrder(context.presentUserIds, row.hands);
          if (order.length === 0) throw new AppError("validation_failed", "Nobody is in the room yet");
          return { ...row, roundOrder: order, roundIndex: 0, hands: [] };
        }
        case "next": {
          if (!row.roundOrder) throw new AppError("validation_failed", "No speaking round is going on");
          // Hands raised during the round join its end, so nobody who asked is left out.
          const order = speakingOrder(row.roundOrder, row.hands);
          const index = row.roundIndex + 1;
          return index >= order.length ? { ...row, roundOrder: null, roundIndex: 0, hands: [] } : { ...row, roundOrder: order, roundIndex: index, hands: [] };
        }
        case "end":
          return { ...row, roundOrder: null, roundIndex: 0 };
      }
      break;
    case "handOver":
      if (!context.memberIds.has(control.userId)) throw new AppError("validation_failed", "The facilitator role goes to a member of the group");
      return { ...row, facilitatorId: control.userId };
    case "end":
      return { ...row, status: "ended", endedAt: context.now, timer: pauseTimer(row.timer, context.now), roundOrder: null, hands: [] };
  }
  return row;
}

/** Raising a hand puts me at the end of the queue once; lowering takes me out. */
export function setHand(row: RoomRow, userId: string, raised: boolean): RoomRow {
  assertMeetingOpen(row.status);
  const without = row.hands.filter((id) => id !== userId);
  return { ...row, hands: raised ? [...without, userId] : without };
}
