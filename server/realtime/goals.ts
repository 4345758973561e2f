import type { z } from "zod";
import { GoalCheckInPayload, GoalCreatePayload } from "../../shared/events";
import type { Result } from "../../shared/result";
import { checkInAsMember, createGoalAsMember } from "../actions/goals";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { toAppError } from "../http/errorHandler";
import type { PiiriSocket } from "./index";

/**
 * Wraps a socket handler: parses the payload with its shared schema, runs it, and always answers the
 * ack with a Result — a malformed payload or a thrown rule becomes `{ ok: false, error }`, never a crash.
 */
export function handleWithAck<S extends z.ZodType, T extends object>(
  schema: S,
  run: (payload: z.infer<S>) => Promise<T>,
): (payload: unknown, ack: unknown) => Promise<void> {
  return async (payload, ack) => {
    if (typeof ack !== "function") return;
    const answer = ack as (result: Result<T>) => void;
    try {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        throw new AppError(
          "validation_failed",
          "Invalid event payload",
          parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
        );
      }
      answer({ ok: true, ...(await run(parsed.data)) });
    } catch (error) {
      answer({ ok: false, error: toAppError(error).toBody() });
    }
  };
}

export function registerGoalHandlers(socket: PiiriSocket, deps: ServerDeps): void {
  socket.on(
    "goal:create",
    handleWithAck(GoalCreatePayload, async ({ groupId, goal }) => ({
      goal: await createGoalAsMember(deps, socket.data.userId, groupId, goal),
    })),
  );
  socket.on(
    "goal:checkIn",
    handleWithAck(GoalCheckInPayload, async ({ groupId, goalId, checkIn }) => ({
      checkIn: await checkInAsMember(deps, socket.data.userId, groupId, goalId, checkIn),
    })),
  );
}
