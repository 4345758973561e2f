import { describe, expect, it } from "vitest";
import { CreateGatheringInput } from "../../shared/schemas/gatherings";
import { canAnswer, formatGatheringTime, isComing, zonedInputToOffsetIso } from "../../client/features/gatherings/model";

describe("a gathering's start as the organiser entered it", () => {
  it("carries the offset of the zone it was entered in, summer or winter", () => {
    expect(zonedInputToOffsetIso("2026-06-02T13:00", "Europe/Helsinki")).toBe("2026-06-02T13:00:00+03:00");
    expect(zonedInputToOffsetIso("2026-01-15T13:00", "Europe/Helsinki")).toBe("2026-01-15T13:00:00+02:00");
    expect(zonedInputToOffsetIso("2026-01-15T08:30", "America/New_York")).toBe("2026-01-15T08:30:00-05:00");
    expect(zonedInputToOffsetIso("2026-06-02T18:15", "Asia/Kolkata")).toBe("2026-06-02T18:15:00+05:30");
    expect(zonedInputToOffsetIso("2026-06-02T13:00", "UTC")).toBe("2026-06-02T13:00:00+00:00");
  });

  it("names the same instant as the wall clock, and moves a time skipped in spring forward by the gap", () => {
    const sent = zonedInputToOffsetIso("2026-06-02T13:00", "Europe/Helsinki")!;
    expect(new Date(sent).toISOString()).toBe("2026-06-02T10:00:00.000Z");
    // 03:30 does not exist in Helsinki on the night summer time starts.
    expect(zonedInputToOffsetIso("2026-03-29T03:30", "Europe/Helsinki")).toBe("2026-03-29T04:30:00+03:00");
  });

  it("is what the server accepts, and refuses text that is no time", () => {
    const startsAt = zonedInputToOffsetIso("2026-10-25T03:30", "Europe/Helsinki")!;
    expect(CreateGatheringInput.safeParse({ title: "Kohtaaminen", startsAt, durationMinutes: 120, groupIds: "all" }).success).toBe(true);
    expect(zonedInputToOffsetIso("", "Europe/Helsinki")).toBeNull();
    expect(zonedInputToOffsetIso("2026-13-01T10:00", "Europe/Helsinki")).toBeNull();
  });
});

describe("gathering views", () => {
  const base = { startsAt: "2026-06-02T10:00:00.000Z", durationMinutes: 180, timeZone: "Europe/Helsinki" };

  it("counts a gathering as coming until it ends, unless it was cancelled", () => {
    const during = Date.parse("2026-06-02T12:59:00.000Z");
    const after = Date.parse("2026-06-02T13:01:00.000Z");
    expect(isComing({ ...base, status: "scheduled" }, during)).toBe(true);
    expect(isComing({ ...base, status: "scheduled" }, after)).toBe(false);
    expect(isComing({ ...base, status: "cancelled" }, during)).toBe(false);
  });

  it("asks invited members whether they come, and hosts only when they are also invited", () => {
    expect(canAnswer({ canRsvp: true, status: "scheduled" })).toBe(true);
    expect(canAnswer({ canRsvp: false, status: "scheduled" })).toBe(false);
    expect(canAnswer({ canRsvp: true, status: "cancelled" })).toBe(false);
  });

  it("shows the time in the viewer's zone and names that zone when it is not the gathering's", () => {
    expect(formatGatheringTime(base, "fi", "Europe/Helsinki")).toBe("tiistai 2. kesäkuuta 2026 klo 13.00–16.00");
    const abroad = formatGatheringTime(base, "en", "America/New_York");
    expect(abroad).toContain("06:00–09:00");
    expect(abroad).toMatch(/\(Eastern/);
  });
});
