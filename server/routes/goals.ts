import { z } from "zod";
import {
  CheckInInput,
  CheckInList,
  CheckInResponse,
  CreateGoalInput,
  GoalList,
  GoalParams,
  GoalResponse,
  GroupParams,
  UpdateGoalInput,
} from "../../shared/schemas/groups";
import { checkInAsMember, createGoalAsMember } from "../actions/goals";
import { deleteGoal, updateGoal } from "../commands/goals";
import { listCheckIns, loadGoal, loadGoalBoard } from "../db/groupQueries";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { authorizeGroup } from "../policies/groups";
import { defineRoute, type AnyRoute } from "../http/route";
import { errorResponses } from "./errorResponses";

const CheckInHistoryQuery = z.object({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export function goalRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "goals";

  return [
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/goals",
      tag,
      summary: "The goal board, with recent check-ins per goal",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Goals in board order", schema: GoalList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json({ goals: await loadGoalBoard(db, params.groupId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/goals",
      tag,
      summary: "Add a shared goal (facilitators); a group keeps at most three — a fourth answers 409 goal_limit",
      auth: true,
      params: GroupParams,
      body: CreateGoalInput,
      responses: { 201: { description: "Added", schema: GoalResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        res.status(201).json({ goal: await createGoalAsMember(deps, auth.userId, params.groupId, body) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/groups/:groupId/goals/:goalId",
      tag,
      summary: "Edit, reorder or change the status of a goal (facilitators)",
      auth: true,
      params: GoalParams,
      body: UpdateGoalInput,
      responses: { 200: { description: "The goal", schema: GoalResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "editGoals");
        await updateGoal(db, params.groupId, params.goalId, body);
        await deps.live.goalsChanged(params.groupId);
        const goal = await loadGoal(db, params.groupId, params.goalId);
        if (!goal) throw new AppError("not_found", "No such goal in this group");
        res.json({ goal });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/groups/:groupId/goals/:goalId",
      tag,
      summary: "Remove a goal and its check-ins (facilitators)",
      auth: true,
      params: GoalParams,
      responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "editGoals");
        await deleteGoal(db, params.groupId, params.goalId);
        await deps.live.goalsChanged(params.groupId);
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/goals/:goalId/check-ins",
      tag,
      summary: "Record my progress on a goal (1–5) with a comment",
      auth: true,
      params: GoalParams,
      body: CheckInInput,
      responses: { 201: { description: "Recorded", schema: CheckInResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        res.status(201).json({ checkIn: await checkInAsMember(deps, auth.userId, params.groupId, params.goalId, body) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/goals/:goalId/check-ins",
      tag,
      summary: "A goal's check-in history, newest first (page with `before`)",
      auth: true,
      params: GoalParams,
      query: CheckInHistoryQuery,
      responses: { 200: { description: "Check-ins", schema: CheckInList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, query, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        if (!(await loadGoal(db, params.groupId, params.goalId))) throw new AppError("not_found", "No such goal in this group");
        res.json({ checkIns: await listCheckIns(db, params.goalId, query.limit, query.before ? new Date(query.before) : undefined) });
      },
    }),
  ];
}
