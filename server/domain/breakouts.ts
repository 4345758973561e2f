/**
 * Breakout rooms of a cross-group gathering (seed 004: meetings between groups let them learn from each
 * other). The people present are split into rooms that mix groups: room sizes differ by at most one, and
 * each room holds people from as many different groups as it can, so that nobody sits only with their
 * own group when that can be avoided. Deterministic for a given seed, so a host can reproduce a split.
 */

export interface BreakoutParticipant {
  userId: string;
  groupId: string;
}

/** How many rooms of about `roomSize` people the participants fill (at least one). */
export function roomCount(participants: number, roomSize: number): number {
  if (participants <= 0) return 0;
  return Math.max(1, Math.round(participants / Math.max(1, roomSize)));
}

/** A small seeded generator (mulberry32): the same seed gives the same split. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Splits participants into `rooms` rooms. Groups are dealt out like cards: the largest group first,
 * each of its members to the next room round the table, then the next group continuing where the last
 * one stopped. Dealing round-robin keeps sizes within one of each other and spreads every group as
 * evenly as the numbers allow (a group only doubles up in a room once it has more members than there
 * are rooms).
 */
export function mixBreakouts(participants: readonly BreakoutParticipant[], rooms: number, seed: number): string[][] {
  if (rooms <= 0 || participants.length === 0) return [];
  const random = seededRandom(seed);
  const byGroup = new Map<string, string[]>();
  for (const participant of shuffled(participants, random)) {
    const members = byGroup.get(participant.groupId) ?? [];
    if (!members.includes(participant.userId)) members.push(participant.userId);
    byGroup.set(participant.groupId, members);
  }
  // Largest groups first; ties in a seeded order so no group is always dealt first.
  const groups = shuffled([...byGroup.values()], random).sort((a, b) => b.length - a.length);
  const result: string[][] = Array.from({ length: Math.min(rooms, participants.length) }, () => []);
  let next = 0;
  for (const members of groups) {
    for (const userId of members) {
      result[next]!.push(userId);
      next = (next + 1) % result.length;
    }
  }
  return result;
}
