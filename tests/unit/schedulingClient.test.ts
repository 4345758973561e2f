import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../shared/locales";
import { MEETING_STATUSES, METHOD_PHASES, POLL_ANSWERS, type MeetingListItem, type PollOption, type SchedulingPoll } from "../../shared/schemas/meetings";
import { filtersFromSearch } from "../../client/features/methods/filters";
import { methodCardQuery } from "../../client/features/methods/methodsApi";
import { cardText, rangeText } from "../../client/features/methods/text";
import { formatOptionTime, icsFileName, monthlyWeekdayOf, weekdayName } from "../../client/features/scheduling/format";
import { changedAnswers, isUpcoming, mergeMeetings, myAnswers, rankPollOptions, seriesStates, summarisePoll, withPoll } from "../../client/features/scheduling/model";
import { describeTimeZone, isoToZonedInput, zonedDate, zonedInputToIso } from "../../client/features/scheduling/time";

const ids = {
  a: "00000000-0000-4000-8000-00000000000a",
  b: "00000000-0000-4000-8000-00000000000b",
  c: "00000000-0000-4000-8000-00000000000c",
  aino: "00000000-0000-4000-8000-000000000001",
  eero: "00000000-0000-4000-8000-000000000002",
  group: "00000000-0000-4000-8000-0000000000f0",
  series: "00000000-0000-4000-8000-0000000000e0",
};

const option = (id: string, startsAt: string, yes: number, maybe: number, no: number, best = false): PollOption => ({ id, startsAt, yes, maybe, no, best });

function poll(options: PollOption[], responses: SchedulingPoll["responses"] = []): SchedulingPoll {
  return {
    id: "00000000-0000-4000-8000-0000000000d0",
    groupId: ids.group,
    title: "Spring meeting",
    durationMinutes: 90,
    timeZone: "Europe/Helsinki",
    location: "",
    videoUrl: null,
    status: "open",
    createdBy: ids.aino,
    createdAt: "2026-05-01T08:00:00.000Z",
    options,
    responses,
    meetingId: null,
    chosenOptionId: null,
  };
}

describe("time zones of entered times", () => {
  it("reads a wall-clock time in the facilitator's zone, summer and winter", () => {
    expect(zonedInputToIso("2026-06-02T10:00", "Europe/Helsinki")).toBe("2026-06-02T07:00:00.000Z");
    expect(zonedInputToIso("2026-12-01T10:00", "Europe/Helsinki")).toBe("2026-12-01T08:00:00.000Z");
    expect(zonedInputToIso("2026-06-02T10:00", "America/New_York")).toBe("2026-06-02T14:00:00.000Z");
    expect(zonedInputToIso("2026-06-02T10:00", "Asia/Kolkata")).toBe("2026-06-02T04:30:00.000Z");
    expect(zonedInputToIso("2026-06-02T10:00", "UTC")).toBe("2026-06-02T10:00:00.000Z");
  });

  it("shows a Helsinki proposal at the right local time in another zone", () => {
    const instant = zonedInputToIso("2026-03-10T17:30", "Europe/Helsinki")!;
    expect(isoToZonedInput(instant, "Europe/Helsinki")).toBe("2026-03-10T17:30");
    // New York is already on summer time on 10 March 2026, Helsinki not yet: 6 hours apart.
    expect(isoToZonedInput(instant, "America/New_York")).toBe("2026-03-10T11:30");
    expect(isoToZonedInput(instant, "Asia/Tokyo")).toBe("2026-03-11T00:30");
    expect(zonedDate(instant, "Asia/Tokyo")).toBe("2026-03-11");
  });

  it("handles the nights the clocks change", () => {
    // Helsinki springs from 03:00 to 04:00 on 29 March 2026: 03:30 does not exist and moves on by the gap.
    expect(zonedInputToIso("2026-03-29T03:30", "Europe/Helsinki")).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedInputToIso("2026-03-29T04:30", "Europe/Helsinki")).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedInputToIso("2026-03-29T02:30", "Europe/Helsinki")).toBe("2026-03-29T00:30:00.000Z");
    // It falls back from 04:00 to 03:00 on 25 October 2026: 03:30 happens twice; the first is meant.
    expect(zonedInputToIso("2026-10-25T03:30", "Europe/Helsinki")).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInputToIso("2026-10-25T05:00", "Europe/Helsinki")).toBe("2026-10-25T03:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "2026-06-02", "2026-13-01T10:00", "2026-06-02T25:00", "10:00", "2026-06-02T10:00Z"]) {
      expect(zonedInputToIso(value, "Europe/Helsinki"), value).toBeNull();
    }
  });

  it("round-trips every quarter hour of a year in Helsinki", () => {
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 15 * 60_000 * 97) {
      const iso = new Date(time).toISOString();
      const input = isoToZonedInput(iso, "Europe/Helsinki");
      const back = zonedInputToIso(input, "Europe/Helsinki")!;
      // The doubled hour in October maps back to its first occurrence; everything else exactly.
      expect(Math.abs(new Date(back).getTime() - time) % 3_600_000, `${iso} → ${input} → ${back}`).toBe(0);
      expect(isoToZonedInput(back, "Europe/Helsinki")).toBe(input);
    }
  });

  it("writes a poll option's time in the viewer's zone, with the year only when it is not this one", () => {
    const option = "2027-01-12T15:00:00.000Z";
    const january = new Date("2027-01-01T12:00:00.000Z");
    expect(formatOptionTime(option, "fi", "Europe/Helsinki", january)).toBe("ti 12.1. klo 17.00");
    expect(formatOptionTime(option, "en", "America/New_York", january)).toBe("Tue 12 Jan, 10:00");
    expect(formatOptionTime(option, "fi", "Europe/Helsinki", new Date("2026-12-01T12:00:00.000Z"))).toBe("ti 12.1.2027 klo 17.00");
  });

  it("names the zone with its offset at that date", () => {
    expect(describeTimeZone("Europe/Helsinki", "en", "2026-06-02T07:00:00.000Z")).toBe("Eastern European Time (Europe/Helsinki, GMT+3)");
    expect(describeTimeZone("Europe/Helsinki", "en", "2026-12-01T07:00:00.000Z")).toBe("Eastern European Time (Europe/Helsinki, GMT+2)");
    expect(describeTimeZone("America/New_York", "fi", "2026-06-02T07:00:00.000Z")).toMatch(/^Yhdysvaltain itäinen aika \(America\/New York, UTC[-−]4\)$/);
  });
});

describe("poll display", () => {
  const options = [
    option(ids.a, "2026-06-02T07:00:00.000Z", 2, 1, 1),
    option(ids.b, "2026-06-03T07:00:00.000Z", 3, 0, 1, true),
    option(ids.c, "2026-06-04T07:00:00.000Z", 2, 2, 0),
  ];

  it("ranks by yes, then if need be, then fewest no, then earliest", () => {
    expect(rankPollOptions(options).map((ranked) => ranked.id)).toEqual([ids.b, ids.c, ids.a]);
    const tie = [option(ids.a, "2026-06-05T07:00:00.000Z", 1, 0, 0), option(ids.b, "2026-06-04T07:00:00.000Z", 1, 0, 0)];
    expect(rankPollOptions(tie).map((ranked) => ranked.id)).toEqual([ids.b, ids.a]);
  });

  it("marks the server's best options and scales bars to the most available", () => {
    const summary = summarisePoll(
      poll(options, [
        { userId: ids.aino, displayName: "Aino", answers: { [ids.a]: "yes" } },
        { userId: ids.eero, displayName: "Eero", answers: {} },
      ]),
    );
    expect([...summary.bestIds]).toEqual([ids.b]);
    expect(summary.respondents).toBe(1);
    expect(summary.mostAvailable).toBe(4);
  });

  it("never calls an option nobody can come to the best", () => {
    const empty = [option(ids.a, "2026-06-02T07:00:00.000Z", 0, 0, 0, true), option(ids.b, "2026-06-03T07:00:00.000Z", 0, 0, 2, true)];
    expect(summarisePoll(poll(empty)).bestIds.size).toBe(0);
  });

  it("sends only the answers I changed, in the poll's order", () => {
    const answered = poll(options, [{ userId: ids.aino, displayName: "Aino", answers: { [ids.a]: "yes", [ids.b]: "no" } }]);
    const saved = myAnswers(answered, ids.aino);
    expect(saved).toEqual({ [ids.a]: "yes", [ids.b]: "no" });
    expect(myAnswers(answered, ids.eero)).toEqual({});
    expect(changedAnswers(answered, { ...saved, [ids.c]: "maybe", [ids.b]: "yes", [ids.a]: "yes" }, saved)).toEqual([
      { optionId: ids.b, answer: "yes" },
      { optionId: ids.c, answer: "maybe" },
    ]);
    expect(changedAnswers(answered, saved, saved)).toEqual([]);
  });

  it("puts a pushed poll in place, or first when it is new", () => {
    const first = poll(options);
    const other = { ...poll(options), id: "00000000-0000-4000-8000-0000000000d1", title: "Other" };
    expect(withPoll([first], { ...first, title: "Renamed" }).map((listed) => listed.title)).toEqual(["Renamed"]);
    expect(withPoll([first], other).map((listed) => listed.title)).toEqual(["Other", "Spring meeting"]);
  });
});

describe("meeting lists and series", () => {
  const now = Date.parse("2026-06-10T12:00:00.000Z");
  const meeting = (id: string, startsAt: string, status: MeetingListItem["status"], seriesId: string | null = ids.series): MeetingListItem => ({
    id,
    groupId: ids.group,
    seriesId,
    title: "Monthly meeting",
    startsAt,
    durationMinutes: 60,
    timeZone: "Europe/Helsinki",
    location: "",
    videoUrl: null,
    status,
    facilitatorId: null,
    facilitatorName: null,
    conversationId: ids.c,
    minutesPageId: null,
  });

  it("keeps a meeting upcoming until it has ended, and a live one always", () => {
    expect(isUpcoming(meeting(ids.a, "2026-06-10T11:30:00.000Z", "scheduled"), now)).toBe(true);
    expect(isUpcoming(meeting(ids.a, "2026-06-10T10:30:00.000Z", "scheduled"), now)).toBe(false);
    expect(isUpcoming(meeting(ids.a, "2026-06-01T10:30:00.000Z", "live"), now)).toBe(true);
    expect(isUpcoming(meeting(ids.a, "2026-07-01T10:30:00.000Z", "cancelled"), now)).toBe(false);
    expect(isUpcoming(meeting(ids.a, "2026-07-01T10:30:00.000Z", "paused"), now)).toBe(true);
  });

  it("counts each series' coming and paused meetings and finds the next one held", () => {
    const meetings = [
      meeting(ids.a, "2026-05-05T10:00:00.000Z", "ended"),
      meeting(ids.b, "2026-07-07T10:00:00.000Z", "paused"),
      meeting(ids.c, "2026-08-04T10:00:00.000Z", "scheduled"),
      meeting("00000000-0000-4000-8000-000000000099", "2026-06-20T10:00:00.000Z", "scheduled", null),
    ];
    expect(seriesStates(meetings, now)).toEqual([
      { seriesId: ids.series, title: "Monthly meeting", upcoming: 2, paused: 1, nextStartsAt: "2026-08-04T10:00:00.000Z" },
    ]);
    expect(seriesStates([meetings[0]!], now)).toEqual([]);
  });

  it("merges a paused series' meetings into the group's list in start order", () => {
    const list = [meeting(ids.a, "2026-06-02T10:00:00.000Z", "scheduled"), meeting(ids.b, "2026-07-07T10:00:00.000Z", "scheduled")];
    const merged = mergeMeetings(list, [meeting(ids.b, "2026-07-07T10:00:00.000Z", "paused"), meeting(ids.c, "2026-09-01T10:00:00.000Z", "scheduled")]);
    expect(merged.map((item) => [item.id, item.status])).toEqual([
      [ids.a, "scheduled"],
      [ids.b, "paused"],
      [ids.c, "scheduled"],
    ]);
  });

  it("names the monthly rule of a date", () => {
    expect(monthlyWeekdayOf("2026-06-02")).toEqual({ weekday: 2, week: 1 });
    expect(monthlyWeekdayOf("2026-06-30")).toEqual({ weekday: 2, week: 5 });
    expect(monthlyWeekdayOf("2026-06-14T10:00")).toEqual({ weekday: 0, week: 2 });
    expect(monthlyWeekdayOf("June")).toBeNull();
    expect(weekdayName(2, "fi")).toBe("tiistai");
    expect(weekdayName(0, "en")).toBe("Sunday");
  });

  it("makes a plain file name for a calendar file", () => {
    expect(icsFileName("Kevään tapaaminen: työnohjaus")).toBe("kevaan-tapaaminen-tyonohjaus.ics");
    expect(icsFileName("!!!")).toBe("meeting.ics");
  });
});

describe("method card library", () => {
  it("reads filters from the address bar and ignores anything out of range", () => {
    const filters = filtersFromSearch(new URLSearchParams("q=%20kala%20&phase=closing&maxMinutes=15&groupSize=0&virtual=true&favourites=no&groupId=abc"));
    expect(filters).toEqual({ q: "kala", phase: "closing", maxMinutes: 15, groupSize: undefined, virtual: true, favourites: undefined, groupId: undefined });
    expect(filtersFromSearch(new URLSearchParams("phase=lunch&maxMinutes=9999")).phase).toBeUndefined();
  });

  it("writes the same query for the same filters, whatever their order", () => {
    const query = methodCardQuery({ virtual: true, q: "case clinic", phase: "sharing", groupId: ids.group });
    expect(query).toBe(`q=case+clinic&phase=sharing&virtual=true&groupId=${ids.group}`);
    expect(filtersFromSearch(new URLSearchParams(query))).toMatchObject({ q: "case clinic", phase: "sharing", virtual: true, groupId: ids.group });
    expect(methodCardQuery({})).toBe("");
  });

  it("shows a card's text in the interface language, Finnish when missing", () => {
    expect(cardText({ fi: "Avauskierros", sv: "Öppningsrunda", en: "Check-in round" }, "sv")).toBe("Öppningsrunda");
    expect(cardText({ fi: "Avauskierros", sv: " ", en: "" }, "en")).toBe("Avauskierros");
    expect(rangeText({ min: 10, max: 20 })).toBe("10–20");
    expect(rangeText({ min: 5, max: 5 })).toBe("5");
  });
});

describe("scheduling and method texts", () => {
  const flatten = (tree: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      value && typeof value === "object" ? flatten(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const keysOf = (locale: string) => new Set(flatten(JSON.parse(readFileSync(path.resolve("client/locales", `${locale}.json`), "utf8")) as Record<string, unknown>));

  it.each(LOCALES)("%s names every phase, status, answer and ordinal", (locale) => {
    const keys = keysOf(locale);
    const needed = [
      ...METHOD_PHASES.map((phase) => `methods.phases.${phase}`),
      ...MEETING_STATUSES.map((status) => `scheduling.statuses.${status}`),
      ...POLL_ANSWERS.flatMap((answer) => [`scheduling.answers.${answer}`, `scheduling.poll.count.${answer}`]),
      ...["1", "2", "3", "4", "5"].map((ordinal) => `scheduling.ordinals.${ordinal}`),
    ];
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
  });
});
