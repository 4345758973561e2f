/**
 * Goal-board use cases shared by REST and Socket.IO: authorize → command → push to members. Both
 * transports call these, so the goal limit and every permission hold on every path.
 */
import type { CheckIn, CheckInInput, CreateGoalInput, Goal } from "../../shared/schemas/groups";
import { addGoal, recordCheckIn } from "../commands/goals";
import { loadGoal } from "../db/groupQueries";
import type { ServerDeps } from "../deps";
import { authorizeGroup } from "../policies/groups";

export async function createGoalAsMember(deps: ServerDeps, actorId: string, groupId: string, input: CreateGoalInput): Promise<Goal> {
  const { db } = deps.database;
  await authorizeGroup(db, actorId, groupId, "editGoals");
  const row = await addGoal(db, groupId, actorId, input);
  await deps.live.goalsChanged(groupId);
  return (await loadGoal(db, groupId, row.id))!;
}

export async function checkInAsMember(
  deps: ServerDeps,
  actorId: string,
  groupId: string,
  goalId: string,
  input: CheckInInput,
): Promise<CheckIn> {
  const { db } = deps.database;
  await authorizeGroup(db, actorId, groupId, "checkIn");
  const checkIn = await recordCheckIn(db, groupId, goalId, actorId, input);
  await deps.live.goalsChanged(groupId);
  return checkIn;
}
