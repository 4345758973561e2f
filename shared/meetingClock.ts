/**
 * The meeting timer and agenda times as pure functions of stored timestamps. Nothing ticks on the server:
 * a timer is `startedAt + durationMs` (shifted by pauses), so every participant, every server node and a
 * restarted server derive the same remaining time from the same row.
 */

export interface Timer {
  durationMs: number;
  /** When the timer was (last) started, shifted forward by the time it spent paused; null if never started. */
  startedAt: Date | null;
  pausedAt: Date | null;
}

export const IDLE_TIMER = (durationMs: number): Timer => ({ durationMs, startedAt: null, pausedAt: null });

/** Milliseconds left; negative once the time is up (the room shows how far over it is). */
export function remainingMs(timer: Timer, now: Date): number {
  if (!timer.startedAt) return timer.durationMs;
  const until = timer.pausedAt ?? now;
  return timer.durationMs - (until.getTime() - timer.startedAt.getTime());
}

export function isRunning(timer: Timer): boolean {
  return timer.startedAt !== null && timer.pausedAt === null;
}

export function startTimer(timer: Timer, now: Date): Timer {
  if (isRunning(timer)) return timer;
  if (timer.pausedAt) return resumeTimer(timer, now);
  return { ...timer, startedAt: now, pausedAt: null };
}

export function pauseTimer(timer: Timer, now: Date): Timer {
  return isRunning(timer) ? { ...timer, pausedAt: now } : timer;
}

/** Resuming moves the start forward by the pause, so the paused time does not count. */
export function resumeTimer(timer: Timer, now: Date): Timer {
  if (!timer.startedAt || !timer.pausedAt) return timer;
  const paused = now.getTime() - timer.pausedAt.getTime();
  return { ...timer, startedAt: new Date(timer.startedAt.getTime() + paused), pausedAt: null };
}

/** Adds (or with a negative amount takes away) time; the duration never goes below zero. */
export function extendTimer(timer: Timer, deltaMs: number): Timer {
  return { ...timer, durationMs: Math.max(0, timer.durationMs + deltaMs) };
}

/** Each block's planned start: blocks follow each other from the meeting's start. */
export function agendaStartTimes(startsAt: Date, blockMinutes: readonly number[]): Date[] {
  let offsetMinutes = 0;
  return blockMinutes.map((minutes) => {
    const start = new Date(startsAt.getTime() + offsetMinutes * 60_000);
    offsetMinutes += minutes;
    return start;
  });
}

/** `mm:ss` (or `-mm:ss` when over time), for a remaining time in milliseconds. */
export function formatRemaining(ms: number): string {
  const over = ms < 0;
  const totalSeconds = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${over ? "-" : ""}${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}
