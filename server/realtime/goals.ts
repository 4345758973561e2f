import { GoalCheckInPayload, GoalCreatePayload } from "../../shared/events";
import { checkInAsMember, createGoalAsMember } from "../actions/goals";
import type { ServerDeps } from "../deps";
import { handleWithAck } from "./ack";
import type { PiiriSocket } from "./index";

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
