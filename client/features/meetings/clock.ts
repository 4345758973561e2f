import { isRunning, remainingMs, type Timer } from "../../../shared/meetingClock";
import type { TimerState } from "../../../shared/schemas/meetings";

/*
 * The room's timer as this browser shows it. The server stores `startedAt`/`durationMs`/`pausedAt` and
 * sends its own clock (`serverNow`) with every room state; each browser corrects its clock by the
 * difference, so participants whose computer clocks disagree still see the same remaining time.
 */

/** The stored timer with its timestamps as dates, as shared/meetingClock expects it. */
export function toTimer(state: TimerState): Timer {
  return {
    durationMs: state.durationMs,
    startedAt: state.startedAt ? new Date(state.startedAt) : null,
    pausedAt: state.pausedAt ? new Date(state.pausedAt) : null,
  };
}

/** How many recent samples the offset is taken from: enough to ride out one slow answer, few enough to follow a clock change. */
const SAMPLES_KEPT = 8;

/**
 * The difference between the server's clock and this browser's, learnt from the `serverNow` of each
 * room state. A sample is `serverNow − receivedAt`; as the message spent some time on the way, every
 * sample is the true offset minus that delay, so the largest recent sample (the quickest message) is
 * the best estimate.
 */
export class ServerClock {
  private samples: number[] = [];

  /** Records one room state's `serverNow`, received at `receivedAtMs` on this browser's clock. */
  sample(serverNowIso: string, receivedAtMs: number): void {
    const serverNow = Date.parse(serverNowIso);
    if (Number.isNaN(serverNow)) return;
    this.samples.push(serverNow - receivedAtMs);
    if (this.samples.length > SAMPLES_KEPT) this.samples.shift();
  }

  /** Milliseconds to add to this browser's clock to get the server's (0 before any sample). */
  get offsetMs(): number {
    return this.samples.length === 0 ? 0 : Math.max(...this.samples);
  }

  /** The server's time now, by this browser's clock corrected. */
  now(localNowMs: number = Date.now()): Date {
    return new Date(localNowMs + this.offsetMs);
  }
}

/** Remaining time of the room's timer at `localNowMs`, corrected to the server's clock. */
export function roomRemainingMs(timer: TimerState, offsetMs: number, localNowMs: number): number {
  return remainingMs(toTimer(timer), new Date(localNowMs + offsetMs));
}

export function timerIsRunning(timer: TimerState): boolean {
  return isRunning(toTimer(timer));
}

/** The timer has never been started since the block began (or was reset). */
export function timerIsIdle(timer: TimerState): boolean {
  return timer.startedAt === null;
}

export type TimerMoment = "oneMinuteLeft" | "timeUp";

const ONE_MINUTE_MS = 60_000;

/**
 * What, if anything, is worth saying out loud between two readings of the running timer a second
 * apart: the moment a minute is left and the moment the time runs out, each once. Screen reader
 * users would not want the seconds read to them.
 */
export function timerMomentBetween(previousMs: number | null, currentMs: number): TimerMoment | null {
  if (previousMs === null) return null;
  if (previousMs > 0 && currentMs <= 0) return "timeUp";
  if (previousMs > ONE_MINUTE_MS && currentMs <= ONE_MINUTE_MS) return "oneMinuteLeft";
  return null;
}
