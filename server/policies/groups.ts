import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { conversations, groups, memberships, programmeCoordinators, programmes, users } from "../db/schema";
import { AppError } from "../domain/appError";

export type GroupRow = typeof groups.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;

/**
 * What a member may do in a group:
 * - `view`: see the group's name, phase, members and agreement (any member);
 * - `viewContent` / `checkIn`: goals and other content, once the group agreement is accepted;
 * - `editGoals` / `manage`: the goal board, invitations, roles, phase — facilitators only;
 * - `runAssessments`: open self-assessment rounds — facilitators who accepted the agreement.
 */
export type GroupAction = "view" | "viewContent" | "checkIn" | "editGoals" | "manage" | "runAssessments";

export interface GroupAccess {
  group: GroupRow;
  membership: MembershipRow;
}

const NOT_FOUND = "No such group, or you are not a member";

/**
 * The one place that decides what a user may do in a group. Outsiders get 404 so group ids reveal
 * nothing; members lacking a right get 403. Coordinators are not members and see groups only through
 * programme summaries.
 */
export async function authorizeGroup(db: Db, userId: string, groupId: string, action: GroupAction): Promise<GroupAccess> {
  const [row] = await db
    .select({ group: groups, membership: memberships })
    .from(groups)
    .innerJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId)))
    .where(eq(groups.id, groupId))
    .limit(1);
  if (!row) throw new AppError("not_found", NOT_FOUND);
  checkGroupAction(row.membership, action);
  return row;
}

/** The rules of `authorizeGroup` for a membership already loaded (by a query that joined it in). */
function checkGroupAction(membership: MembershipRow, action: GroupAction): void {
  const accepted = membership.agreementAcceptedAt !== null;
  const facilitator = membership.role === "facilitator";
  switch (action) {
    case "view":
      break;
    case "viewContent":
    case "checkIn":
      if (!accepted) throw new AppError("agreement_required", "Accept the group agreement to see and take part in the group's work");
      break;
    case "editGoals":
      if (!accepted) throw new AppError("agreement_required", "Accept the group agreement first");
      if (!facilitator) throw new AppError("forbidden", "Only the group's facilitators edit the goal board");
      break;
    case "manage":
      if (!facilitator) throw new AppError("forbidden", "Only the group's facilitators can do this");
      break;
    case "runAssessments":
      if (!accepted) throw new AppError("agreement_required", "Accept the group agreement first");
      if (!facilitator) throw new AppError("forbidden", "Only the group's facilitators open self-assessment rounds");
      break;
  }
}

/** Coordinators of a programme see and organise it; anyone else gets 404. */
export async function authorizeProgramme(db: Db, userId: string, programmeId: string): Promise<ProgrammeRow> {
  const [row] = await db
    .select({ programme: programmes })
    .from(programmes)
    .innerJoin(programmeCoordinators, and(eq(programmeCoordinators.programmeId, programmes.id), eq(programmeCoordinators.userId, userId)))
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!row) throw new AppError("not_found", "No such programme, or you do not coordinate it");
  return row.programme;
}

/** A programme's coordinator may organise (not read) one of its groups. */
export async function authorizeProgrammeGroup(db: Db, userId: string, programmeId: string, groupId: string): Promise<GroupRow> {
  await authorizeProgramme(db, userId, programmeId);
  const [group] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.programmeId, programmeId)))
    .limit(1);
  if (!group) throw new AppError("not_found", "No such group in this programme");
  return group;
}

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationAction = "read" | "post" | "moderate";

/**
 * A group's chat is group content: members who accepted the agreement read and post; an ended group's
 * chat is read-only; facilitators moderate. Undefined when the conversation is not a group chat this
 * user belongs to (the caller decides what that means).
 */
export async function authorizeGroupConversation(
  db: Db,
  userId: string,
  conversationId: string,
  action: ConversationAction,
): Promise<({ conversation: ConversationRow; displayName: string } & GroupAccess) | undefined> {
  // One query for conversation, group, membership and name: this runs for every message sent.
  const [row] = await db
    .select({ conversation: conversations, group: groups, membership: memberships, displayName: users.displayName })
    .from(conversations)
    .innerJoin(groups, eq(groups.id, conversations.groupId))
    .innerJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) return undefined;
  checkGroupAction(row.membership, action === "moderate" ? "manage" : "viewContent");
  if (action !== "read" && row.group.phase === "ended") throw new AppError("group_ended", "This group has ended; its chat is read-only");
  return row;
}
