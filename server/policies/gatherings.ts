import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { breakoutMembers, breakoutRooms, gatheringGroups, gatherings, groups, memberships, programmeCoordinators } from "../db/schema";
import { AppError } from "../domain/appError";

export type GatheringRow = typeof gatherings.$inferSelect;

/**
 * Who takes part in a gathering: the coordinators of its programme host it; the members of its invited
 * groups who accepted their group's agreement attend it. Anyone else gets 404.
 * - `view`: see it, its agenda, who is coming and the published digests (host or attendee);
 * - `rsvp`: answer whether I come (attendees);
 * - `host`: change it (hosts).
 */
export type GatheringAction = "view" | "rsvp" | "host";

export interface GatheringAccess {
  gathering: GatheringRow;
  isHost: boolean;
  /** My invited groups (where I accepted the agreement), with my role in each. */
  myGroups: { groupId: string; role: string }[];
}

const NOT_FOUND = "No such gathering, or you are not invited to it";

export async function authorizeGathering(db: Db, userId: string, gatheringId: string, action: GatheringAction): Promise<GatheringAccess> {
  const [gathering] = await db.select().from(gatherings).where(eq(gatherings.id, gatheringId));
  if (!gathering) throw new AppError("not_found", NOT_FOUND);
  const [[host], myGroups] = await Promise.all([
    db
      .select({ userId: programmeCoordinators.userId })
      .from(programmeCoordinators)
      .where(and(eq(programmeCoordinators.programmeId, gathering.programmeId), eq(programmeCoordinators.userId, userId))),
    db
      .select({ groupId: memberships.groupId, role: memberships.role })
      .from(gatheringGroups)
      .innerJoin(memberships, and(eq(memberships.groupId, gatheringGroups.groupId), eq(memberships.userId, userId)))
      .where(and(eq(gatheringGroups.gatheringId, gatheringId), sql`${memberships.agreementAcceptedAt} is not null`)),
  ]);
  const isHost = Boolean(host);
  if (!isHost && myGroups.length === 0) throw new AppError("not_found", NOT_FOUND);
  if (action === "host" && !isHost) throw new AppError("forbidden", "Only the programme's coordinators change a gathering");
  if (action === "rsvp" && myGroups.length === 0) throw new AppError("forbidden", "Only members of the invited groups answer whether they come");
  return { gathering, isHost, myGroups };
}

/**
 * A group's learning digest is published or withdrawn only by a facilitator of that group, and only
 * for a group invited to the gathering: nothing leaves a group any other way.
 */
export async function authorizeDigest(db: Db, userId: string, gatheringId: string, groupId: string): Promise<GatheringAccess> {
  const access = await authorizeGathering(db, userId, gatheringId, "view");
  const mine = access.myGroups.find((group) => group.groupId === groupId);
  if (!mine) throw new AppError("not_found", "That group is not invited, or you are not its member");
  if (mine.role !== "facilitator") throw new AppError("forbidden", "A group's facilitator publishes and withdraws its digest, once the group has agreed on it");
  return access;
}

/** Invited groups must belong to the gathering's programme. */
export async function assertGroupsOfProgramme(db: Db, programmeId: string, groupIds: string[]): Promise<void> {
  const found = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.programmeId, programmeId), inArray(groups.id, groupIds)));
  if (found.length !== new Set(groupIds).size) throw new AppError("validation_failed", "Invite only groups of this programme");
}

/** A gathering's own content (the plenary's chat and minutes) can be written until it is over. */
function isGatheringOver(gathering: GatheringRow): boolean {
  return gathering.status === "ended" || gathering.status === "cancelled";
}

export type GatheringContentAction = "read" | "write" | "moderate";

/**
 * The plenary's chat and minutes page: everyone taking part reads and writes them until the gathering is
 * over, then reads them; the hosts moderate. What a group keeps in its own notebook and chat never comes
 * here: the plenary holds only what people write in it.
 */
export async function authorizeGatheringContent(
  db: Db,
  userId: string,
  gatheringId: string,
  action: GatheringContentAction,
): Promise<GatheringAccess & { readOnly: boolean }> {
  const access = await authorizeGathering(db, userId, gatheringId, action === "moderate" ? "host" : "view");
  const readOnly = isGatheringOver(access.gathering);
  if (action === "write" && readOnly) throw new AppError("gathering_not_live", "This gathering is over; its chat and minutes can be read but not changed");
  return { ...access, readOnly };
}

export type BreakoutRow = typeof breakoutRooms.$inferSelect;

const NOT_IN_ROOM = "No such breakout room, or you are not in it";

/**
 * A breakout room's chat, notes, timer and summary belong to the people put in it; the hosts may look in
 * (they run the gathering). Anyone else, however present in the gathering, gets 404: rooms are isolated.
 * A planned room is not written in before the round starts, nor any room once the gathering is over.
 */
export async function authorizeBreakout(
  db: Db,
  userId: string,
  breakoutId: string,
  action: GatheringContentAction,
): Promise<GatheringAccess & { breakout: BreakoutRow; readOnly: boolean; isMember: boolean }> {
  const [breakout] = await db.select().from(breakoutRooms).where(eq(breakoutRooms.id, breakoutId)).limit(1);
  if (!breakout) throw new AppError("not_found", NOT_IN_ROOM);
  const [access, [member]] = await Promise.all([
    authorizeGathering(db, userId, breakout.gatheringId, "view").catch((error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", NOT_IN_ROOM) : error;
    }),
    db
      .select({ userId: breakoutMembers.userId })
      .from(breakoutMembers)
      .where(and(eq(breakoutMembers.roomId, breakoutId), eq(breakoutMembers.userId, userId)))
      .limit(1),
  ]);
  const isMember = Boolean(member);
  if (!isMember && !access.isHost) throw new AppError("not_found", NOT_IN_ROOM);
  if (action === "moderate" && !access.isHost) throw new AppError("forbidden", "Only the gathering's hosts moderate");
  const readOnly = isGatheringOver(access.gathering) || breakout.status === "draft";
  if (action === "write" && readOnly) {
    throw new AppError("gathering_not_live", breakout.status === "draft" ? "The breakout rooms have not started yet" : "This gathering is over");
  }
  return { ...access, breakout, readOnly, isMember };
}
