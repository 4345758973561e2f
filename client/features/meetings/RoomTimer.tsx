import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatRemaining } from "../../../shared/meetingClock";
import type { TimerState } from "../../../shared/schemas/meetings";
import { roomRemainingMs, timerIsIdle, timerIsRunning, timerMomentBetween, type ServerClock, type TimerMoment } from "./clock";

/** How often the clock is read; the display itself changes (and re-renders) only once a second. */
const READ_EVERY_MS = 200;

/**
 * The remaining time of the room's timer, the same for every participant: derived from the stored
 * timestamps and the server's clock. `onMoment` hears, once each, when a minute is left and when the
 * time runs out.
 */
function useRemaining(timer: TimerState, clock: ServerClock, blockIndex: number, onMoment: (moment: TimerMoment) => void): { text: string; over: boolean } {
  const read = () => roomRemainingMs(timer, clock.offsetMs, Date.now());
  const [shown, setShown] = useState(() => formatRemaining(read()));
  const previous = useRef<number | null>(null);
  const previousBlock = useRef(blockIndex);
  const momentRef = useRef(onMoment);
  momentRef.current = onMoment;
  // Every room state brings a new timer object; only a change of its timestamps is a new timer.
  const timerRef = useRef(timer);
  timerRef.current = timer;
  const timerKey = `${timer.durationMs}|${timer.startedAt ?? ""}|${timer.pausedAt ?? ""}`;

  useEffect(() => {
    const current = timerRef.current;
    const tick = () => {
      const remaining = roomRemainingMs(current, clock.offsetMs, Date.now());
      setShown(formatRemaining(remaining));
      const moment = timerMomentBetween(previous.current, remaining);
      if (moment) momentRef.current(moment);
      previous.current = remaining;
    };
    // A new block's timer starts afresh; within a block the reading carries over, so taking the last
    // minutes away ("−1 min") also counts as the time running out.
    if (previousBlock.current !== blockIndex) {
      previousBlock.current = blockIndex;
      previous.current = null;
    }
    tick();
    if (!timerIsRunning(current)) return;
    const interval = window.setInterval(tick, READ_EVERY_MS);
    return () => window.clearInterval(interval);
  }, [timerKey, clock, blockIndex]);

  return { text: shown, over: shown.startsWith("-") };
}

export function RoomTimer({
  timer,
  clock,
  blockIndex,
  onMoment,
}: {
  timer: TimerState;
  clock: ServerClock;
  /** The block the timer belongs to. */
  blockIndex: number;
  onMoment: (moment: TimerMoment) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const { text, over } = useRemaining(timer, clock, blockIndex, onMoment);
  const running = timerIsRunning(timer);
  const state = running ? (over ? t("meetings.timer.over") : t("meetings.timer.running")) : timerIsIdle(timer) ? t("meetings.timer.idle") : t("meetings.timer.paused");

  return (
    <div className={over ? "room-timer room-timer--over" : running ? "room-timer room-timer--running" : "room-timer"}>
      <span className="room-timer__label" id={labelId}>
        {t("meetings.timer.label")}
      </span>
      {/* role="timer" is not live: the seconds are never read out, only the moments worth knowing. */}
      <span className="room-timer__value" role="timer" aria-labelledby={labelId} data-testid="room-timer">
        {text}
      </span>
      <span className="room-timer__state">{state}</span>
    </div>
  );
}
