import { ERROR_STATUS } from "../../shared/errors";
import { ErrorResponse } from "../../shared/schemas/common";
import type { ResponseSpec } from "../http/route";

const DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input (validation_failed)",
  401: "Not signed in, or the token is invalid, expired or its session ended",
  403: "Not allowed for my role, or the group agreement is not accepted yet",
  404: "No such object, or not visible to me",
  409: "Conflicts with the current state (e.g. goal_limit, group_full, last_facilitator)",
  410: "The invitation is expired, used up or withdrawn",
  413: "The request body is too large",
  429: "Too many requests",
};

/** OpenAPI entries for the error answers a route can give; every one has the shared error shape. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, ResponseSpec & { schema: typeof ErrorResponse }> {
  const known = new Set<number>(Object.values(ERROR_STATUS));
  const entries = statuses.map((status) => {
    if (!known.has(status)) throw new Error(`No error code answers ${status}`);
    return [status, { description: DESCRIPTIONS[status] ?? "Error", schema: ErrorResponse }] as const;
  });
  return Object.fromEntries(entries) as Record<S, ResponseSpec & { schema: typeof ErrorResponse }>;
}
