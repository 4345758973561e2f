import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agendaStartTimes, extendTimer, formatRemaining, IDLE_TIMER, pauseTimer, remainingMs, resumeTimer, startTimer } from "../../shared/meetingClock";
import { METHOD_PHASES } from "../../shared/schemas/meetings";
import { applyControl, setHand, type RoomRow } from "../../server/domain/meetingRoom";
import { bestOptionIds, defaultAgenda, localDate, occurrencesInBreak, seriesStarts, tallyPoll } from "../../server/domain/meetings";
import { BUILT_IN_METHOD_CARDS } from "../../server/domain/methodCards";

const at = (iso: string) => new Date(iso);
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe("the meeting timer", () => {
  it("counts down from its start, stands still while paused and does not count the pause", () => {
    const idle = IDLE_TIMER(10 * 60_000);
    expect(remainingMs(idle, at("2027-01-05T15:00:00Z"))).toBe(600_000);
    const running = startTimer(idle, at("2027-01-05T15:00:00Z"));
    expect(remainingMs(running, at("2027-01-05T15:04:00Z"))).toBe(360_000);
    const paused = pauseTimer(running, at("2027-01-05T15:04:00Z"));
    expect(remainingMs(paused, at("2027-01-05T15:09:00Z"))).toBe(360_000);
    const resumed = resumeTimer(paused, at("2027-01-05T15:09:00Z"));
    expect(remainingMs(resumed, at("2027-01-05T15:10:00Z"))).toBe(300_000);
    expect(remainingMs(extendTimer(resumed, 60_000), at("2027-01-05T15:10:00Z"))).toBe(360_000);
    // Over time it goes negative, and the room shows by how much.
    expect(formatRemaining(remainingMs(resumed, at("2027-01-05T15:16:30Z")))).toBe("-01:30");
  });

  it("gives everyone the same remaining time from the same stored state, whatever the order of pauses", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120_000 }), { maxLength: 8 }), (gaps) => {
        let timer = startTimer(IDLE_TIMER(3_600_000), new Date(0));
        let now = 0;
        let counted = 0;
        gaps.forEach((gap, index) => {
          now += gap;
          if (index % 2 === 0) {
            counted += gap;
            timer = pauseTimer(timer, new Date(now));
          } else timer = resumeTimer(timer, new Date(now));
        });
        expect(remainingMs(timer, new Date(now))).toBe(3_600_000 - counted);
      }),
    );
  });

  it("derives each agenda block's start from the durations before it", () => {
    expect(agendaStartTimes(at("2027-01-05T15:00:00Z"), [10, 15, 60]).map((date) => date.toISOString())).toEqual([
      "2027-01-05T15:00:00.000Z",
      "2027-01-05T15:10:00.000Z",
      "2027-01-05T15:25:00.000Z",
    ]);
  });
});

describe("meeting series", () => {
  it("keeps a monthly meeting on the first Tuesday at 17:00 Helsinki time across daylight saving", () => {
    const starts = seriesStarts(at("2027-02-02T15:00:00Z"), "Europe/Helsinki", { kind: "monthly_weekday", interval: 1 }, 4);
    expect(starts.map((start) => start.toISOString())).toEqual([
      "2027-02-02T15:00:00.000Z",
      "2027-03-02T15:00:00.000Z",
      "2027-04-06T14:00:00.000Z", // summer time: still 17:00 in Helsinki
      "2027-05-04T14:00:00.000Z",
    ]);
  });

  it("falls back to the last such weekday when a month has no fifth one", () => {
    // 30 March 2027 is the fifth Tuesday of March; April 2027 has four.
    const [, april] = seriesStarts(at("2027-03-30T14:00:00Z"), "Europe/Helsinki", { kind: "monthly_weekday", interval: 1 }, 2);
    expect(localDate(april!, "Europe/Helsinki")).toBe("2027-04-27");
  });

  it("repeats weekly every n weeks", () => {
    const starts = seriesStarts(at("2027-01-05T15:00:00Z"), "Europe/Helsinki", { kind: "weekly", interval: 2 }, 3);
    expect(starts.map((start) => localDate(start, "Europe/Helsinki"))).toEqual(["2027-01-05", "2027-01-19", "2027-02-02"]);
  });

  it("pauses the scheduled occurrences whose local date falls in a break", () => {
    const occurrences = ["2027-05-04T14:00:00Z", "2027-06-01T14:00:00Z", "2027-07-06T14:00:00Z", "2027-08-03T14:00:00Z"].map((iso) => ({
      startsAt: at(iso),
      status: "scheduled",
    }));
    const paused = occurrencesInBreak(occurrences, "Europe/Helsinki", "2027-06-01", "2027-07-31");
    expect(paused.map((meeting) => meeting.startsAt.toISOString())).toEqual(["2027-06-01T14:00:00.000Z", "2027-07-06T14:00:00.000Z"]);
  });
});

describe("scheduling polls", () => {
  it("marks the options most people can come to, firm yeses breaking ties", () => {
    const tallies = tallyPoll(
      ["a", "b", "c"],
      [
        { optionId: "a", answer: "yes" },
        { optionId: "a", answer: "maybe" },
        { optionId: "b", answer: "yes" },
        { optionId: "b", answer: "yes" },
        { optionId: "c", answer: "no" },
      ],
    );
    expect([...bestOptionIds(tallies)]).toEqual(["b"]);
    expect(bestOptionIds(tallyPoll(["a"], []))).toEqual(new Set());
  });
});

describe("agendas", () => {
  it("opens every meeting with a check-in and a goal review and ends with a check-out, within the meeting's time", () => {
    for (const minutes of [30, 60, 90, 120, 180]) {
      const agenda = defaultAgenda(minutes);
      expect(agenda.map((block) => block.kind)).toEqual(["check_in", "goal_review", "method", "check_out"]);
      expect(agenda.reduce((sum, block) => sum + block.minutes, 0)).toBe(minutes);
    }
  });
});

describe("the live room", () => {
  const idleRoom: RoomRow = {
    status: "scheduled",
    blockIndex: -1,
    step: 0,
    timer: IDLE_TIMER(0),
    roundOrder: null,
    roundIndex: 0,
    hands: [],
    facilitatorId: "f",
    startedAt: null,
    endedAt: null,
  };
  const context = { now: at("2027-01-05T15:00:00Z"), blockMinutes: [10, 20, 5], presentUserIds: ["f", "a", "b"], memberIds: new Set(["f", "a", "b", "c"]) };

  it("starts at the first block with its minutes on the timer, and moves block by block", () => {
    const started = applyControl(idleRoom, { type: "start" }, context);
    expect(started).toMatchObject({ status: "live", blockIndex: 0, timer: { durationMs: 600_000, startedAt: null } });
    const second = applyControl(started, { type: "next" }, context);
    expect(second).toMatchObject({ blockIndex: 1, step: 0, timer: { durationMs: 1_200_000 } });
    expect(codeOf(() => applyControl(applyControl(second, { type: "next" }, context), { type: "next" }, context))).toBe("validation_failed");
    expect(codeOf(() => applyControl(idleRoom, { type: "next" }, context))).toBe("meeting_not_live");
  });

  it("goes round everyone present, adding raised hands at the end, and ends after the last speaker", () => {
    const live = applyControl(idleRoom, { type: "start" }, context);
    const withHand = setHand(live, "c", true);
    let room = applyControl(withHand, { type: "round", op: "start" }, context);
    expect(room.roundOrder).toEqual(["f", "a", "b", "c"]);
    room = setHand(room, "x", true);
    for (let turn = 1; turn < 4; turn++) room = applyControl(room, { type: "round", op: "next" }, context);
    expect(room.roundOrder).toEqual(["f", "a", "b", "c", "x"]);
    expect(room.roundIndex).toBe(3);
    room = applyControl(applyControl(room, { type: "round", op: "next" }, context), { type: "round", op: "next" }, context);
    expect(room.roundOrder).toBeNull();
  });

  it("hands the facilitator role only to members, and an ended meeting changes no more", () => {
    const live = applyControl(idleRoom, { type: "start" }, context);
    expect(applyControl(live, { type: "handOver", userId: "a" }, context).facilitatorId).toBe("a");
    expect(codeOf(() => applyControl(live, { type: "handOver", userId: "stranger" }, context))).toBe("validation_failed");
    const ended = applyControl(live, { type: "end" }, context);
    expect(ended.status).toBe("ended");
    expect(codeOf(() => applyControl(ended, { type: "timer", op: "start" }, context))).toBe("meeting_not_live");
    expect(codeOf(() => setHand(ended, "a", true))).toBe("meeting_not_live");
  });
});

describe("the built-in method cards", () => {
  it("are at least 30, cover every phase, and each is complete in Finnish, Swedish and English", () => {
    expect(BUILT_IN_METHOD_CARDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BUILT_IN_METHOD_CARDS.map((card) => card.phase))).toEqual(new Set(METHOD_PHASES));
    expect(new Set(BUILT_IN_METHOD_CARDS.map((card) => card.key)).size).toBe(BUILT_IN_METHOD_CARDS.length);
    for (const card of BUILT_IN_METHOD_CARDS) {
      const texts = [card.title, card.purpose, card.whenToUse, card.virtualTips, ...card.steps.map((step) => step.text)];
      for (const text of texts) for (const language of ["fi", "sv", "en"] as const) expect(text[language].trim(), `${card.key} ${language}`).not.toBe("");
      const stepMinutes = card.steps.reduce((sum, step) => sum + step.minutes, 0);
      expect(stepMinutes, card.key).toBeGreaterThanOrEqual(card.durationMinutes.min);
      expect(stepMinutes, card.key).toBeLessThanOrEqual(card.durationMinutes.max);
    }
  });
});
