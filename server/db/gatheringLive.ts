import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { BreakoutRoom, BreakoutStatus, GatheringLive, GatheringStatus } from "../../shared/schemas/gatherings";
import type { RoomState } from "../../shared/schemas/meetings";
import type { BreakoutRow, GatheringRow } from "../policies/gatherings";
import type { Db } from "./database";
import { presentRoom, presentTimer } from "./liveRoom";
import { breakoutMembers, breakoutRooms, gatheringGroups, gatherings, groups, notePages, users } from "./schema";

/** Who is on a gathering's live page now, in the order they came (across nodes, via the adapter). */
export type GatheringPresence = (gatheringId: string) => Promise<RoomState["present"]>;

async function presentBreakouts(db: Db, rows: BreakoutRow[]): Promise<BreakoutRoom[]> {
  if (rows.length === 0) return [];
  const [members, authors] = await Promise.all([
    db
      .select({ roomId: breakoutMembers.roomId, userId: breakoutMembers.userId, displayName: users.displayName, groupId: breakoutMembers.groupId, groupName: groups.name })
      .from(breakoutMembers)
      .innerJoin(users, eq(users.id, breakoutMembers.userId))
      .leftJoin(groups, eq(groups.id, breakoutMembers.groupId))
      .where(inArray(breakoutMembers.roomId, rows.map((row) => row.id)))
      .orderBy(asc(users.displayName)),
    summaryAuthors(db, rows),
  ]);
  return rows.map((row) => ({
    id: row.id,
    round: row.round,
    number: row.number,
    status: row.status as BreakoutStatus,
    // Rooms are made with both; the columns are nullable only for their foreign keys.
    conversationId: row.conversationId!,
    notesPageId: row.notesPageId!,
    members: members
      .filter((member) => member.roomId === row.id)
      .map((member) => ({ userId: member.userId, displayName: member.displayName, groupId: member.groupId, groupName: member.groupName ?? "" })),
    timer: presentTimer(row),
    summary: presentSummary(row, authors),
  }));
}

async function summaryAuthors(db: Db, rows: BreakoutRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.summaryBy ? [row.summaryBy] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((user) => [user.id, user.displayName]));
}

function presentSummary(row: BreakoutRow, authors: Map<string, string>): BreakoutRoom["summary"] {
  if (row.summary === null || !row.summaryAt) return null;
  return { text: row.summary, byName: row.summaryBy ? (authors.get(row.summaryBy) ?? null) : null, at: row.summaryAt.toISOString() };
}

export async function loadBreakoutRoom(db: Db, breakoutId: string): Promise<BreakoutRoom | undefined> {
  const rows = await db.select().from(breakoutRooms).where(eq(breakoutRooms.id, breakoutId));
  return (await presentBreakouts(db, rows))[0];
}

/** The live page's state: the same for everyone on it, and never any room's chat or notes. */
export async function loadGatheringLive(db: Db, gatheringId: string, presence: GatheringPresence): Promise<GatheringLive | undefined> {
  const [gathering] = await db.select().from(gatherings).where(eq(gatherings.id, gatheringId));
  if (!gathering) return undefined;
  return presentGatheringLive(db, gathering, await presence(gatheringId));
}

async function presentGatheringLive(db: Db, gathering: GatheringRow, present: RoomState["present"]): Promise<GatheringLive> {
  const [current, reported] = await Promise.all([
    gathering.breakoutRound === 0
      ? []
      : db
          .select()
          .from(breakoutRooms)
          .where(and(eq(breakoutRooms.gatheringId, gathering.id), eq(breakoutRooms.round, gathering.breakoutRound)))
          .orderBy(asc(breakoutRooms.number)),
    db
      .select()
      .from(breakoutRooms)
      .where(and(eq(breakoutRooms.gatheringId, gathering.id), isNotNull(breakoutRooms.summary)))
      .orderBy(asc(breakoutRooms.round), asc(breakoutRooms.number)),
  ]);
  const [rooms, authors] = await Promise.all([presentBreakouts(db, current), summaryAuthors(db, reported)]);
  return {
    gatheringId: gathering.id,
    status: gathering.status as GatheringStatus,
    facilitatorId: gathering.facilitatorId,
    conversationId: gathering.conversationId,
    minutesPageId: gathering.minutesPageId,
    room: presentRoom(gathering, present),
    breakouts: rooms.length > 0 ? { round: gathering.breakoutRound, status: rooms[0]!.status, rooms } : null,
    reports: reported.flatMap((row) => {
      const summary = presentSummary(row, authors);
      return summary ? [{ round: row.round, number: row.number, summary }] : [];
    }),
    broadcast: gathering.broadcastText && gathering.broadcastAt ? { text: gathering.broadcastText, at: gathering.broadcastAt.toISOString() } : null,
  };
}

/** The pages (plenary minutes, breakout notes) of the live gatherings a group is invited to. */
export async function liveGatheringPageIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ id: notePages.id })
    .from(notePages)
    .innerJoin(gatherings, and(eq(gatherings.id, notePages.gatheringId), eq(gatherings.status, "live")))
    .innerJoin(gatheringGroups, and(eq(gatheringGroups.gatheringId, gatherings.id), eq(gatheringGroups.groupId, groupId)));
  return rows.map((row) => row.id);
}

/** The gathering's own pages: its plenary minutes and every breakout room's notes. */
export async function gatheringPageIds(db: Db, gatheringId: string): Promise<string[]> {
  const pages = await db.select({ id: notePages.id }).from(notePages).where(eq(notePages.gatheringId, gatheringId));
  return pages.map((page) => page.id);
}
