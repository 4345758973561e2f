import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { groups, meetings, memberships, methodCards, programmeCoordinators, schedulingPolls } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertGroupNotEnded } from "../domain/groups";
import { meetingRole } from "../domain/meetings";
import type { GroupPhase } from "../../shared/schemas/groups";
import { authorizeGroup, authorizeProgramme, type GroupAccess } from "./groups";

export type MeetingRow = typeof meetings.$inferSelect;
export type PollRow = typeof schedulingPolls.$inferSelect;
export type MethodCardRow = typeof methodCards.$inferSelect;

/**
 * What a member may do with a meeting:
 * - `view`: see it, its agenda, summary and live room; take part (answer the speaking round, raise a
 *   hand, check in on goals) — any member who accepted the group agreement;
 * - `run`: plan the agenda, edit the meeting, and control the live room — the meeting's own facilitator
 *   (the role rotates) and the group's facilitators, while the group has not ended.
 * People outside the group get 404, as for everything in a group.
 */
export type MeetingAction = "view" | "run";

export interface MeetingAccess extends GroupAccess {
  meeting: MeetingRow;
}

const MEETING_NOT_FOUND = "No such meeting, or you are not in its group";

export async function authorizeMeeting(db: Db, userId: string, meetingId: string, action: MeetingAction): Promise<MeetingAccess> {
  const [row] = await db
    .select({ meeting: meetings, group: groups, membership: memberships })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId)))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!row) throw new AppError("not_found", MEETING_NOT_FOUND);
  if (row.membership.agreementAcceptedAt === null) throw new AppError("agreement_required", "Accept the group agreement to take part in its meetings");
  if (action === "run") {
    if (meetingRole(userId, row.meeting.facilitatorId, row.membership.role) !== "facilitator") {
      throw new AppError("forbidden", "Only the meeting's facilitator or the group's facilitators run the meeting");
    }
    assertGroupNotEnded(row.group.phase as GroupPhase);
  }
  return row;
}

/** Planning new meetings and polls is for the group's facilitators, while the group has not ended. */
export async function authorizeMeetingPlanning(db: Db, userId: string, groupId: string): Promise<GroupAccess> {
  const access = await authorizeGroup(db, userId, groupId, "editGoals");
  assertGroupNotEnded(access.group.phase as GroupPhase);
  return access;
}

/**
 * A scheduling poll: members who accepted the agreement see and answer it (`answer` needs the group to
 * be running); the group's facilitators close it.
 */
export async function authorizePoll(db: Db, userId: string, pollId: string, action: "view" | "answer" | "close"): Promise<{ poll: PollRow } & GroupAccess> {
  const [row] = await db.select({ groupId: schedulingPolls.groupId, poll: schedulingPolls }).from(schedulingPolls).where(eq(schedulingPolls.id, pollId));
  if (!row) throw new AppError("not_found", "No such poll, or you are not in its group");
  const access =
    action === "close" ? await authorizeMeetingPlanning(db, userId, row.groupId) : await authorizeGroup(db, userId, row.groupId, "viewContent");
  if (action === "answer") assertGroupNotEnded(access.group.phase as GroupPhase);
  return { ...access, poll: row.poll };
}

/**
 * Method cards: built-ins are everyone's; a group's own cards are seen by its members (and written by
 * its facilitators); a programme's cards by its coordinators and the members of its groups.
 */
export async function authorizeMethodCard(db: Db, userId: string, cardId: string, action: "view" | "delete"): Promise<MethodCardRow> {
  const [card] = await db.select().from(methodCards).where(eq(methodCards.id, cardId));
  if (!card) throw new AppError("not_found", "No such method card");
  if (card.key !== null) {
    if (action === "delete") throw new AppError("forbidden", "Built-in method cards cannot be removed");
    return card;
  }
  if (card.groupId) {
    await authorizeGroup(db, userId, card.groupId, action === "delete" ? "editGoals" : "viewContent").catch(() => {
      throw new AppError("not_found", "No such method card");
    });
    return card;
  }
  if (card.programmeId) {
    if (action === "delete" || !(await isProgrammeMember(db, userId, card.programmeId))) {
      await authorizeProgramme(db, userId, card.programmeId).catch(() => {
        throw new AppError("not_found", "No such method card");
      });
    }
    return card;
  }
  throw new AppError("not_found", "No such method card");
}

/** Adding a card: a group's facilitators for the group, a programme's coordinators for the programme. */
export async function authorizeMethodCardOwner(db: Db, userId: string, owner: { groupId?: string; programmeId?: string }): Promise<void> {
  if (owner.groupId) await authorizeGroup(db, userId, owner.groupId, "editGoals");
  else if (owner.programmeId) await authorizeProgramme(db, userId, owner.programmeId);
}

/** Whether the user is a member of some group of the programme, or coordinates it. */
async function isProgrammeMember(db: Db, userId: string, programmeId: string): Promise<boolean> {
  const [member] = await db
    .select({ groupId: memberships.groupId })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(and(eq(memberships.userId, userId), eq(groups.programmeId, programmeId)))
    .limit(1);
  if (member) return true;
  const [coordinator] = await db
    .select({ userId: programmeCoordinators.userId })
    .from(programmeCoordinators)
    .where(and(eq(programmeCoordinators.userId, userId), eq(programmeCoordinators.programmeId, programmeId)))
    .limit(1);
  return Boolean(coordinator);
}

/**
 * An agenda may use the built-in method cards and those of whoever it is for: a group's meeting its
 * group's and its programme's cards; a programme's template or gathering only the programme's, since
 * every group of the programme must be able to open them.
 */
export async function assertMethodCardsUsable(
  db: Db,
  owner: { groupId?: string; programmeId: string | null },
  blocks: readonly { methodCardId?: string | null }[],
): Promise<void> {
  const cardIds = [...new Set(blocks.flatMap((block) => (block.methodCardId ? [block.methodCardId] : [])))];
  if (cardIds.length === 0) return;
  const ownCards = [
    sql`${methodCards.key} is not null`,
    ...(owner.groupId ? [sql`${methodCards.groupId} = ${owner.groupId}`] : []),
    ...(owner.programmeId ? [sql`${methodCards.programmeId} = ${owner.programmeId}`] : []),
  ];
  const usable = await db
    .select({ id: methodCards.id })
    .from(methodCards)
    .where(and(inArray(methodCards.id, cardIds), sql`(${sql.join(ownCards, sql` or `)})`));
  if (usable.length !== cardIds.length) throw new AppError("validation_failed", "An agenda block refers to a method card that cannot be used here");
}
