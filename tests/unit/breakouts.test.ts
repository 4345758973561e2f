import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mixBreakouts, roomCount, type BreakoutParticipant } from "../../server/domain/breakouts";

/** Participants from groups of the given sizes: user `g1-u0` belongs to group `g1`. */
function participantsOf(sizes: number[]): BreakoutParticipant[] {
  return sizes.flatMap((size, group) => Array.from({ length: size }, (_, index) => ({ userId: `g${group}-u${index}`, groupId: `g${group}` })));
}
const groupOf = (userId: string) => userId.split("-")[0]!;

describe("mixing breakout rooms", () => {
  it("splits three groups of four into four rooms of three, each with one person from three groups", () => {
    const rooms = mixBreakouts(participantsOf([4, 4, 4]), 4, 7);
    expect(rooms.map((room) => room.length)).toEqual([3, 3, 3, 3]);
    for (const room of rooms) expect(new Set(room.map(groupOf)).size).toBe(3);
  });

  it("is the same split for the same seed, and another for another seed", () => {
    const people = participantsOf([5, 3, 4, 2]);
    expect(mixBreakouts(people, 3, 42)).toEqual(mixBreakouts(people, 3, 42));
    expect(mixBreakouts(people, 3, 42)).not.toEqual(mixBreakouts(people, 3, 43));
  });

  it("keeps room sizes within one, places everyone once, and spreads every group as evenly as the numbers allow", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (sizes, rooms, seed) => {
        const people = participantsOf(sizes);
        const split = mixBreakouts(people, rooms, seed);
        const roomSizes = split.map((room) => room.length);
        expect(Math.max(...roomSizes) - Math.min(...roomSizes)).toBeLessThanOrEqual(1);
        expect(split.flat().sort()).toEqual(people.map((person) => person.userId).sort());
        expect(split.length).toBe(Math.min(rooms, people.length));
        for (const [group, size] of sizes.entries()) {
          const most = Math.ceil(size / split.length);
          for (const room of split) expect(room.filter((userId) => groupOf(userId) === `g${group}`).length).toBeLessThanOrEqual(most);
        }
        // A room of two or more from one group only when unavoidable: too few others to seat one in every room.
        for (const room of split) {
          if (room.length < 2 || new Set(room.map(groupOf)).size > 1) continue;
          const size = sizes[Number(groupOf(room[0]!).slice(1))]!;
          expect(size).toBe(Math.max(...sizes));
          expect(people.length - size).toBeLessThan(split.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("makes rooms of about the asked size", () => {
    expect(roomCount(12, 4)).toBe(3);
    expect(roomCount(13, 4)).toBe(3);
    expect(roomCount(2, 4)).toBe(1);
    expect(roomCount(0, 4)).toBe(0);
  });
});
