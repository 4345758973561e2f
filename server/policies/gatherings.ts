import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { gatheringGroups, gatherings, groups, memberships, programmeCoordinators } from "../db/schema";
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
