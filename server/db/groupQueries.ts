import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { CHECK_INS_IN_BOARD } from "../../shared/limits";
import type {
  CheckIn,
  Goal,
  GoalStatus,
  GroupDetail,
  GroupKind,
  GroupPhase,
  GroupSummary,
  Member,
  Membership,
  MemberRole,
  MyGroup,
  OnboardingStep,
} from "../../shared/schemas/groups";
import type { Db } from "./database";
import { conversations, goalCheckIns, goals, groups, memberships, programmes, users } from "./schema";
import type { GroupRow, MembershipRow } from "../policies/groups";

export type GoalRow = typeof goals.$inferSelect;

export function presentGroupSummary(group: GroupRow, memberCount: number): GroupSummary {
  return {
    id: group.id,
    programmeId: group.programmeId,
    name: group.name,
    description: group.description,
    kind: group.kind as GroupKind,
    phase: group.phase as GroupPhase,
    resumeOn: group.resumeOn,
    capacity: group.capacity,
    memberCount,
  };
}

export function presentMembership(row: MembershipRow): Membership {
  const onboardingDone: OnboardingStep[] = [];
  if (row.agreementAcceptedAt) onboardingDone.push("agreement");
  if (row.goalsReadAt) onboardingDone.push("goals_read");
  if (row.introducedAt) onboardingDone.push("introduced");
  return {
    groupId: row.groupId,
    userId: row.userId,
    role: row.role as MemberRole,
    peerInstructor: row.peerInstructor,
    agreementAcceptedAt: row.agreementAcceptedAt?.toISOString() ?? null,
    onboardingDone,
    notesReadOnly: row.notesReadOnly,
    joinedAt: row.joinedAt.toISOString(),
  };
}

export async function countMembers(db: Db, groupId: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(memberships).where(eq(memberships.groupId, groupId));
  return row?.value ?? 0;
}

/** Groups with their member counts, in one query. */
export async function listGroupSummaries(db: Db, filter: { memberId: string } | { programmeId: string }): Promise<GroupSummary[]> {
  const memberCount = db
    .select({ groupId: memberships.groupId, value: count().as("member_count") })
    .from(memberships)
    .groupBy(memberships.groupId)
    .as("member_counts");
  const base = db
    .select({ group: groups, memberCount: memberCount.value })
    .from(groups)
    .leftJoin(memberCount, eq(memberCount.groupId, groups.id));
  const rows =
    "memberId" in filter
      ? await base
          .innerJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, filter.memberId)))
          .orderBy(asc(groups.name))
      : await base.where(eq(groups.programmeId, filter.programmeId)).orderBy(asc(groups.name));
  return rows.map((row) => presentGroupSummary(row.group, Number(row.memberCount ?? 0)));
}

/** My groups with my role in each and the name of the programme it belongs to, in one query. */
export async function listMyGroups(db: Db, userId: string): Promise<MyGroup[]> {
  const memberCount = db
    .select({ groupId: memberships.groupId, value: count().as("member_count") })
    .from(memberships)
    .groupBy(memberships.groupId)
    .as("member_counts");
  const rows = await db
    .select({ group: groups, memberCount: memberCount.value, role: memberships.role, programmeName: programmes.name })
    .from(groups)
    .innerJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId)))
    .leftJoin(memberCount, eq(memberCount.groupId, groups.id))
    .leftJoin(programmes, eq(programmes.id, groups.programmeId))
    .orderBy(asc(groups.name));
  return rows.map((row) => ({
    ...presentGroupSummary(row.group, Number(row.memberCount ?? 0)),
    myRole: row.role as MemberRole,
    programmeName: row.programmeName ?? null,
  }));
}

export async function listMembers(db: Db, groupId: string): Promise<Member[]> {
  const rows = await db
    .select({ membership: memberships, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.groupId, groupId))
    // Facilitators first, then by who joined first.
    .orderBy(sql`case when ${memberships.role} = 'facilitator' then 0 else 1 end`, asc(memberships.joinedAt));
  return rows.map(({ membership, displayName }) => ({
    userId: membership.userId,
    displayName,
    role: membership.role as MemberRole,
    peerInstructor: membership.peerInstructor,
    agreementAccepted: membership.agreementAcceptedAt !== null,
    notesReadOnly: membership.notesReadOnly,
    joinedAt: membership.joinedAt.toISOString(),
  }));
}

function presentCheckIn(row: typeof goalCheckIns.$inferSelect, displayName: string | null): CheckIn {
  return {
    id: row.id,
    goalId: row.goalId,
    userId: row.userId ?? "00000000-0000-0000-0000-000000000000",
    displayName: displayName ?? "",
    progress: row.progress,
    comment: row.comment,
    meetingId: row.meetingId,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCheckIns(db: Db, goalId: string, limit: number, before?: Date): Promise<CheckIn[]> {
  const rows = await db
    .select({ checkIn: goalCheckIns, displayName: users.displayName })
    .from(goalCheckIns)
    .leftJoin(users, eq(users.id, goalCheckIns.userId))
    .where(before ? and(eq(goalCheckIns.goalId, goalId), sql`${goalCheckIns.createdAt} < ${before.toISOString()}`) : eq(goalCheckIns.goalId, goalId))
    .orderBy(desc(goalCheckIns.createdAt), desc(goalCheckIns.id))
    .limit(limit);
  return rows.map((row) => presentCheckIn(row.checkIn, row.displayName));
}

export async function listGoalRows(db: Db, groupId: string): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.groupId, groupId)).orderBy(asc(goals.position), asc(goals.createdAt));
}

/** The goal board: every goal with its recent check-ins and how many there are in all. */
export async function loadGoalBoard(db: Db, groupId: string): Promise<Goal[]> {
  const rows = await listGoalRows(db, groupId);
  if (rows.length === 0) return [];
  const counts = await db
    .select({ goalId: goalCheckIns.goalId, value: count() })
    .from(goalCheckIns)
    .where(inArray(goalCheckIns.goalId, rows.map((row) => row.id)))
    .groupBy(goalCheckIns.goalId);
  const countOf = new Map(counts.map((row) => [row.goalId, row.value]));
  // At most three goals on a board, so one small query each keeps "latest N per goal" simple.
  const recent = await Promise.all(rows.map((row) => listCheckIns(db, row.id, CHECK_INS_IN_BOARD)));
  return rows.map((row, index) => ({ ...presentGoalRow(row), checkIns: recent[index] ?? [], checkInCount: countOf.get(row.id) ?? 0 }));
}

export function presentGoalRow(row: GoalRow): Omit<Goal, "checkIns" | "checkInCount"> {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    description: row.description,
    successCriteria: row.successCriteria,
    targetDate: row.targetDate,
    status: row.status as GoalStatus,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadGroupDetail(db: Db, group: GroupRow, membership: MembershipRow): Promise<GroupDetail> {
  const members = await listMembers(db, group.id);
  const canSeeContent = membership.agreementAcceptedAt !== null;
  return {
    ...presentGroupSummary(group, members.length),
    agreement: group.agreement,
    conversationId: await groupConversationId(db, group.id),
    members,
    myMembership: presentMembership(membership),
    goals: canSeeContent ? await loadGoalBoard(db, group.id) : null,
  };
}

/** One goal of a group with its recent check-ins, or undefined when the group has no such goal. */
export async function loadGoal(db: Db, groupId: string, goalId: string): Promise<Goal | undefined> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.groupId, groupId)))
    .limit(1);
  if (!row) return undefined;
  const [total] = await db.select({ value: count() }).from(goalCheckIns).where(eq(goalCheckIns.goalId, goalId));
  return { ...presentGoalRow(row), checkIns: await listCheckIns(db, goalId, CHECK_INS_IN_BOARD), checkInCount: total?.value ?? 0 };
}

/** The conversation of a group (every group has exactly one). */
export async function groupConversationId(db: Db, groupId: string): Promise<string> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.groupId, groupId), eq(conversations.scope, "group")))
    .limit(1);
  if (row) return row.id;
  const [created] = await db.insert(conversations).values({ scope: "group", groupId }).onConflictDoNothing().returning({ id: conversations.id });
  return created ? created.id : groupConversationId(db, groupId);
}
