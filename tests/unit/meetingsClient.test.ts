import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatRemaining } from "../../shared/meetingClock";
import { LOCALES } from "../../shared/locales";
import type { TimerState } from "../../shared/schemas/meetings";
import { roomRemainingMs, ServerClock, timerMomentBetween } from "../../client/features/meetings/clock";
import { MEETING_LABEL_KEYS } from "../../client/features/meetings/labels";
import { markdownToPlainText } from "../../client/features/meetings/minutesText";
import {
  agendaTiming,
  blockProblem,
  canRunMeeting,
  currentTurn,
  FOLLOWING,
  lookAt,
  moveBlock,
  roomChanges,
  toAgendaInput,
  viewedBlockIndex,
  type DraftBlock,
  type RoomSnapshot,
} from "../../client/features/meetings/view";

const AINO = "0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f";
const BERTTA = "1c8f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f";
const CECILIA = "2d9f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f";

describe("the room clock", () => {
  const started: TimerState = { durationMs: 10 * 60_000, startedAt: "2025-06-03T14:00:00.000Z", pausedAt: null };

  it("corrects this browser's clock by the server's, so two browsers with different clocks show the same time", () => {
    // The server sends its time 14:02:00. Browser A's clock is right; browser B's runs 95 s fast.
    const serverNow = "2025-06-03T14:02:00.000Z";
    const a = new ServerClock();
    const b = new ServerClock();
    const aLocal = Date.parse(serverNow) + 40; // 40 ms on the way
    const bLocal = Date.parse(serverNow) + 95_000 + 60;
    a.sample(serverNow, aLocal);
    b.sample(serverNow, bLocal);
    const remainingA = roomRemainingMs(started, a.offsetMs, aLocal + 5_000);
    const remainingB = roomRemainingMs(started, b.offsetMs, bLocal + 5_000);
    expect(Math.abs(remainingA - remainingB)).toBeLessThan(100);
    expect(formatRemaining(remainingA)).toBe("07:55");
    // Uncorrected, B would be more than a minute and a half off.
    expect(formatRemaining(roomRemainingMs(started, 0, bLocal + 5_000))).toBe("06:20");
  });

  it("trusts the quickest of recent samples, and follows a clock that was changed", () => {
    const clock = new ServerClock();
    expect(clock.offsetMs).toBe(0);
    clock.sample("2025-06-03T14:00:00.000Z", Date.parse("2025-06-03T14:00:00.300Z")); // slow answer: -300
    clock.sample("2025-06-03T14:00:10.000Z", Date.parse("2025-06-03T14:00:10.020Z")); // quick answer: -20
    expect(clock.offsetMs).toBe(-20);
    clock.sample("not a date", 0);
    expect(clock.offsetMs).toBe(-20);
    // The local clock is set back an hour: once the old samples age out, the offset follows.
    for (let index = 0; index < 8; index++) clock.sample("2025-06-03T15:00:00.000Z", Date.parse("2025-06-03T14:00:00.010Z"));
    expect(clock.offsetMs).toBe(3_600_000 - 10);
  });

  it("derives a paused or idle timer without looking at the clock", () => {
    expect(roomRemainingMs({ durationMs: 300_000, startedAt: null, pausedAt: null }, 12_345, Date.now())).toBe(300_000);
    const paused: TimerState = { durationMs: 300_000, startedAt: "2025-06-03T14:00:00.000Z", pausedAt: "2025-06-03T14:01:00.000Z" };
    expect(roomRemainingMs(paused, 0, Date.parse("2025-06-03T18:00:00.000Z"))).toBe(240_000);
  });

  it("speaks up once a minute before the end and once at the end, never every second", () => {
    expect(timerMomentBetween(null, 500)).toBeNull();
    expect(timerMomentBetween(60_100, 59_900)).toBe("oneMinuteLeft");
    expect(timerMomentBetween(59_900, 58_900)).toBeNull();
    expect(timerMomentBetween(300, -100)).toBe("timeUp");
    expect(timerMomentBetween(-100, -1_100)).toBeNull();
    // Adding time after the end is not a new "time up", but running out again is.
    expect(timerMomentBetween(-5_000, 55_000)).toBeNull();
    expect(timerMomentBetween(200, 0)).toBe("timeUp");
  });
});

describe("following the facilitator", () => {
  it("shows the facilitator's block while following, and the chosen one while looking around", () => {
    expect(viewedBlockIndex(FOLLOWING, 2, 5)).toBe(2);
    expect(viewedBlockIndex({ following: false, blockIndex: 4 }, 2, 5)).toBe(4);
    // Before the start (-1) the first block is on screen; a shortened agenda clamps to its end.
    expect(viewedBlockIndex(FOLLOWING, -1, 5)).toBe(0);
    expect(viewedBlockIndex({ following: false, blockIndex: 9 }, 1, 3)).toBe(2);
    expect(viewedBlockIndex(FOLLOWING, 0, 0)).toBe(-1);
  });

  it("counts choosing the facilitator's block as following again", () => {
    expect(lookAt(3, 1)).toEqual({ following: false, blockIndex: 3 });
    expect(lookAt(1, 1)).toBe(FOLLOWING);
    // Looking around keeps the chosen block even when the facilitator moves on.
    const view = lookAt(0, 1);
    expect(viewedBlockIndex(view, 2, 5)).toBe(0);
  });
});

describe("speaking turns", () => {
  it("says whose turn it is, who is next and how far the round is", () => {
    expect(currentTurn(null)).toBeNull();
    expect(currentTurn({ order: [], index: 0 })).toBeNull();
    expect(currentTurn({ order: [AINO, BERTTA, CECILIA], index: 1 })).toEqual({ speakerId: BERTTA, nextId: CECILIA, position: 2, total: 3 });
    expect(currentTurn({ order: [AINO, BERTTA], index: 1 })).toEqual({ speakerId: BERTTA, nextId: null, position: 2, total: 2 });
    expect(currentTurn({ order: [AINO], index: 1 })).toEqual({ speakerId: null, nextId: null, position: 1, total: 1 });
  });

  const base: RoomSnapshot = { status: "live", facilitatorId: AINO, room: { blockIndex: 0, step: 0, round: null, hands: [] } };

  it("announces a new turn, a new block and the end of the meeting, but not the step that comes with a new block", () => {
    const round = { ...base, room: { ...base.room, round: { order: [AINO, BERTTA], index: 0 } } };
    expect(roomChanges(base, round, false)).toEqual([{ type: "turn", speakerId: AINO }]);
    const next = { ...round, room: { ...round.room, round: { order: [AINO, BERTTA], index: 1 } } };
    expect(roomChanges(round, next, false)).toEqual([{ type: "turn", speakerId: BERTTA }]);
    expect(roomChanges(next, base, false)).toEqual([{ type: "roundEnded" }]);
    const moved = { ...base, room: { ...base.room, blockIndex: 1, step: 0 } };
    expect(roomChanges({ ...base, room: { ...base.room, step: 2 } }, moved, false)).toEqual([{ type: "block", blockIndex: 1 }]);
    expect(roomChanges(moved, { ...moved, room: { ...moved.room, step: 1 } }, false)).toEqual([{ type: "step", step: 1 }]);
    expect(roomChanges(next, { ...next, status: "ended" }, true)).toEqual([{ type: "ended" }]);
  });

  it("announces the start, a hand-over, and raised hands only to whoever runs the room", () => {
    const before = { ...base, status: "scheduled" as const, room: { ...base.room, blockIndex: -1 } };
    expect(roomChanges(before, base, false)).toEqual([{ type: "started" }, { type: "block", blockIndex: 0 }]);
    expect(roomChanges(base, { ...base, facilitatorId: BERTTA }, false)).toEqual([{ type: "facilitator", userId: BERTTA }]);
    const hand = { ...base, room: { ...base.room, hands: [CECILIA] } };
    expect(roomChanges(base, hand, false)).toEqual([]);
    expect(roomChanges(base, hand, true)).toEqual([{ type: "hand", userId: CECILIA }]);
    expect(roomChanges(hand, base, true)).toEqual([]);
  });

  it("gives the controls to the meeting's facilitator and the group's facilitators, as the server does", () => {
    expect(canRunMeeting("member", AINO, AINO)).toBe(true);
    expect(canRunMeeting("facilitator", BERTTA, AINO)).toBe(true);
    expect(canRunMeeting("member", BERTTA, AINO)).toBe(false);
    expect(canRunMeeting(undefined, null, AINO)).toBe(false);
  });
});

describe("the agenda editor", () => {
  const block = (key: string, minutes: number, kind: DraftBlock["kind"] = "other"): DraftBlock => ({
    key,
    kind,
    title: kind === "other" ? `Block ${key}` : "",
    minutes,
    methodCardId: null,
    notes: "",
  });

  it("moves a block one place and leaves the list alone at either end", () => {
    const blocks = [block("a", 10), block("b", 20), block("c", 30)];
    expect(moveBlock(blocks, 0, 1).map((entry) => entry.key)).toEqual(["b", "a", "c"]);
    expect(moveBlock(blocks, 2, -1).map((entry) => entry.key)).toEqual(["a", "c", "b"]);
    expect(moveBlock(blocks, 0, -1).map((entry) => entry.key)).toEqual(["a", "b", "c"]);
    expect(moveBlock(blocks, 2, 1).map((entry) => entry.key)).toEqual(["a", "b", "c"]);
  });

  it("derives start times and the balance against the meeting's length", () => {
    const timing = agendaTiming("2025-06-03T14:00:00.000Z", [{ minutes: 15 }, { minutes: 20 }, { minutes: 60 }], 90);
    expect(timing.starts.map((start) => start.toISOString().slice(11, 16))).toEqual(["14:00", "14:15", "14:35"]);
    expect(timing.totalMinutes).toBe(95);
    expect(timing.overMinutes).toBe(5);
    // A length being typed (empty for a moment) counts as nothing rather than breaking the sums.
    expect(agendaTiming("2025-06-03T14:00:00.000Z", [{ minutes: Number.NaN }, { minutes: 10 }], 30).overMinutes).toBe(-20);
  });

  it("finds what the server would refuse, and sends a card only with a method block", () => {
    expect(blockProblem(block("a", 0), 480)).toBe("minutes");
    expect(blockProblem(block("a", 481), 480)).toBe("minutes");
    expect(blockProblem(block("a", Number.NaN), 480)).toBe("minutes");
    expect(blockProblem({ ...block("a", 10), title: "  " }, 480)).toBe("title");
    expect(blockProblem(block("a", 10, "check_in"), 480)).toBeNull();
    const cardId = "3e0f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f";
    expect(
      toAgendaInput([
        { ...block("a", 10, "break"), methodCardId: cardId, title: " Kahvi ", notes: " " },
        { ...block("b", 30, "method"), methodCardId: cardId },
      ]),
    ).toEqual([
      { kind: "break", title: "Kahvi", minutes: 10, methodCardId: null, notes: "" },
      { kind: "method", title: "", minutes: 30, methodCardId: cardId, notes: "" },
    ]);
  });
});

describe("the minutes as plain text", () => {
  it("takes the Markdown marks away and keeps the words, lists, tasks and link addresses", () => {
    const markdown = [
      "## Tapaaminen 3",
      "Sovimme **tärkeän** asian ja [linkin](https://example.fi/a%20b)",
      "- yksi\n- kaksi\n  - sisempi",
      "1. ensin\n2. sitten",
      "- [x] tehty\n- [ ] kesken",
      "> Jokainen tulee kuulluksi.",
      "```ts\nconst a = 1;\n```",
      "---",
    ].join("\n\n");
    expect(markdownToPlainText(markdown)).toBe(
      [
        "Tapaaminen 3",
        "Sovimme tärkeän asian ja linkin (https://example.fi/a b)",
        "• yksi\n• kaksi\n  • sisempi",
        "1. ensin\n2. sitten",
        "☑ tehty\n☐ kesken",
        "Jokainen tulee kuulluksi.",
        "const a = 1;",
        "—",
      ].join("\n\n"),
    );
  });

  it("keeps escaped characters and markup-looking text as the text it was", () => {
    expect(markdownToPlainText("\\# ei otsikko \\<b\\>ei lihava\\</b\\> \\*ei kursiivi\\*\n")).toBe("# ei otsikko <b>ei lihava</b> *ei kursiivi*");
    expect(markdownToPlainText("")).toBe("");
  });
});

describe("meeting words", () => {
  it("has every block kind and meeting status in every language", () => {
    for (const locale of LOCALES) {
      const texts = JSON.parse(readFileSync(path.resolve("client", "locales", `${locale}.json`), "utf8")) as Record<string, unknown>;
      const missing = MEETING_LABEL_KEYS.filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), texts);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(missing, locale).toEqual([]);
    }
  });
});
