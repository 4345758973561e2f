import { and, eq, max } from "drizzle-orm";
import type { CheckIn, CheckInInput, CreateGoalInput, GoalStatus, GroupPhase, UpdateGoalInput } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { goalCheckIns, goals, meetings, users } from "../db/schema";
import { listGoalRows, type GoalRow } from "../db/groupQueries";
import { AppError } from "../domain/appError";
import { assertCanAddGoal, assertCanChangeGoalStatus, assertGroupNotEnded } from "../domain/groups";
import { countGoalsInUse, lockGroup } from "./groups";

/** Adds a goal; the group row is locked so two simultaneous adds cannot make a fourth. */
export async function addGoal(db: Db, groupId: string, actorId: string, input: CreateGoalInput): Promise<GoalRow> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertGroupNotEnded(group.phase as GroupPhase);
    assertCanAddGoal(await countGoalsInUse(tx, groupId));
    const [last] = await tx.select({ value: max(goals.position) }).from(goals).where(eq(goals.groupId, groupId));
    const [goal] = await tx
      .insert(goals)
      .values({
        groupId,
        title: input.title,
        description: input.description ?? "",
        successCriteria: input.successCriteria ?? "",
        targetDate: input.targetDate ?? null,
        position: last?.value === null || last?.value === undefined ? 0 : last.value + 1,
        createdBy: actorId,
      })
      .returning();
    return goal!;
  });
}

async function findGoal(tx: Db, groupId: string, goalId: string): Promise<GoalRow> {
  const [goal] = await tx
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.groupId, groupId)))
    .limit(1);
  if (!goal) throw new AppError("not_found", "No such goal in this group");
  return goal;
}

/** Edits a goal; moving it to another position renumbers the board so positions stay 0, 1, 2. */
export async function updateGoal(db: Db, groupId: string, goalId: string, input: UpdateGoalInput): Promise<GoalRow> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertGroupNotEnded(group.phase as GroupPhase);
    const goal = await findGoal(tx, groupId, goalId);
    if (input.status !== undefined) {
      assertCanChangeGoalStatus(goal.status as GoalStatus, input.status, await countGoalsInUse(tx, groupId));
    }
    await tx
      .update(goals)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.successCriteria !== undefined ? { successCriteria: input.successCriteria } : {}),
        ...(input.targetDate !== undefined ? { targetDate: input.targetDate } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updatedAt: new Date(),
      })
      .where(eq(goals.id, goalId));
    if (input.position !== undefined) await moveGoal(tx, groupId, goalId, input.position);
    return findGoal(tx, groupId, goalId);
  });
}

async function moveGoal(tx: Db, groupId: string, goalId: string, position: number): Promise<void> {
  const ordered = (await listGoalRows(tx, groupId)).map((row) => row.id).filter((id) => id !== goalId);
  ordered.splice(Math.min(position, ordered.length), 0, goalId);
  for (const [index, id] of ordered.entries()) {
    await tx.update(goals).set({ position: index }).where(eq(goals.id, id));
  }
}

export async function deleteGoal(db: Db, groupId: string, goalId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertGroupNotEnded(group.phase as GroupPhase);
    await findGoal(tx, groupId, goalId);
    await tx.delete(goals).where(eq(goals.id, goalId));
    const remaining = await listGoalRows(tx, groupId);
    for (const [index, row] of remaining.entries()) {
      if (row.position !== index) await tx.update(goals).set({ position: index }).where(eq(goals.id, row.id));
    }
  });
}

export async function recordCheckIn(db: Db, groupId: string, goalId: string, userId: string, input: CheckInInput): Promise<CheckIn> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertGroupNotEnded(group.phase as GroupPhase);
    const goal = await findGoal(tx, groupId, goalId);
    if (goal.status === "dropped") throw new AppError("validation_failed", "A dropped goal takes no check-ins");
    if (input.meetingId) await assertMeetingOfGroup(tx, groupId, input.meetingId);
    const [row] = await tx
      .insert(goalCheckIns)
      .values({ goalId, userId, progress: input.progress, comment: input.comment ?? "", meetingId: input.meetingId ?? null })
      .returning();
    const [user] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
    return {
      id: row!.id,
      goalId,
      userId,
      displayName: user?.displayName ?? "",
      progress: row!.progress,
      comment: row!.comment,
      meetingId: row!.meetingId,
      createdAt: row!.createdAt.toISOString(),
    };
  });
}

/** A goal review belongs to a meeting of the same group; anything else is answered like a missing meeting. */
async function assertMeetingOfGroup(tx: Db, groupId: string, meetingId: string): Promise<void> {
  const [meeting] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)));
  if (!meeting) throw new AppError("not_found", "No such meeting in this group");
}
