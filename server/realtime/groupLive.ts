import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";
import { rooms } from "../../shared/events";
import { listInvitations } from "../commands/invitations";
import type { Db } from "../db/database";
import { groups, memberships } from "../db/schema";
import { countMembers, listMembers, loadGoalBoard, presentGroupSummary } from "../db/groupQueries";
import type { PiiriIo, PiiriSocket } from "./index";

/**
 * Pushes group changes to the members' open pages. Every push re-reads the state from the database,
 * so what a page shows never depends on which node or request produced the change.
 */
export interface GroupLive {
  groupChanged(groupId: string): Promise<void>;
  membersChanged(groupId: string): Promise<void>;
  goalsChanged(groupId: string): Promise<void>;
  /** Rounds were added or a submission changed a count: open assessment pages reload (no answers are pushed). */
  assessmentsChanged(groupId: string): void;
  /** An invitation was made, withdrawn or used: the group's facilitators' open pages get the new list. */
  invitationsChanged(groupId: string): Promise<void>;
  /** A user joined: their sockets start receiving the group's updates (content only once accepted). */
  memberJoined(groupId: string, userId: string, contentAccess: boolean): Promise<void>;
  contentAccessGranted(groupId: string, userId: string): void;
  /** A user left or was removed: their sockets stop receiving the group's updates at once. */
  memberLeft(groupId: string, userId: string): void;
}

export function createGroupLive(io: PiiriIo, db: Db, logger: Logger): GroupLive {
  // A failed push must not fail the change that caused it; the page catches up on its next load.
  const safely = (what: string, run: () => Promise<void>) =>
    run().catch((error: unknown) => logger.warn({ err: error }, `live update failed: ${what}`));

  const summaryOf = async (groupId: string) => {
    const [group] = await db.select().from(groups).where(eq(groups.id, groupId));
    return group ? presentGroupSummary(group, await countMembers(db, groupId)) : undefined;
  };

  return {
    groupChanged: (groupId) =>
      safely("group", async () => {
        const group = await summaryOf(groupId);
        if (group) io.to(rooms.group(groupId)).emit("group:updated", { group });
      }),
    membersChanged: (groupId) =>
      safely("members", async () => {
        io.to(rooms.group(groupId)).emit("members:updated", { groupId, members: await listMembers(db, groupId) });
        const group = await summaryOf(groupId);
        if (group) io.to(rooms.group(groupId)).emit("group:updated", { group });
      }),
    goalsChanged: (groupId) =>
      safely("goals", async () => {
        io.to(rooms.groupContent(groupId)).emit("goals:updated", { groupId, goals: await loadGoalBoard(db, groupId) });
      }),
    assessmentsChanged(groupId) {
      io.to(rooms.groupContent(groupId)).emit("assessments:updated", { groupId });
    },
    invitationsChanged: (groupId) =>
      safely("invitations", async () => {
        // Only facilitators manage invitations, and there is no room of them: their own rooms are, read
        // at push time, so a role handed over a moment ago already counts.
        const facilitators = await db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.groupId, groupId), eq(memberships.role, "facilitator")));
        if (facilitators.length === 0) return;
        const invitations = await listInvitations(db, groupId);
        io.to(facilitators.map((facilitator) => rooms.user(facilitator.userId))).emit("invitations:updated", { groupId, invitations });
      }),
    memberJoined: (groupId, userId, contentAccess) =>
      safely("join", async () => {
        const userRoom = io.in(rooms.user(userId));
        userRoom.socketsJoin(contentAccess ? [rooms.group(groupId), rooms.groupContent(groupId)] : [rooms.group(groupId)]);
        const group = await summaryOf(groupId);
        if (group) io.to(rooms.user(userId)).emit("membership:started", { group });
      }),
    contentAccessGranted(groupId, userId) {
      io.in(rooms.user(userId)).socketsJoin(rooms.groupContent(groupId));
    },
    memberLeft(groupId, userId) {
      io.in(rooms.user(userId)).socketsLeave([rooms.group(groupId), rooms.groupContent(groupId)]);
      io.to(rooms.user(userId)).emit("membership:ended", { groupId });
    },
  };
}

/** On connect, a socket joins the rooms of every group its user belongs to. */
export async function joinGroupRooms(db: Db, socket: PiiriSocket): Promise<void> {
  const rows = await db
    .select({ groupId: memberships.groupId, accepted: memberships.agreementAcceptedAt })
    .from(memberships)
    .where(eq(memberships.userId, socket.data.userId));
  const names = rows.flatMap((row) => (row.accepted ? [rooms.group(row.groupId), rooms.groupContent(row.groupId)] : [rooms.group(row.groupId)]));
  if (names.length > 0) await socket.join(names);
}

