import { HealthResponse, ErrorResponse } from "../../shared/schemas/common";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { defineRoute, type AnyRoute } from "../http/route";

const PING_TIMEOUT_MS = 2000;

export function healthRoutes(deps: ServerDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/health",
      tag: "health",
      summary: "Liveness and database reachability",
      auth: false,
      responses: {
        200: { description: "Serving, database reachable", schema: HealthResponse },
        503: { description: "The database cannot be reached", schema: ErrorResponse },
      },
      async handle({ res }) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS);
        });
        try {
          await Promise.race([deps.database.ping(), timeout]);
        } catch {
          throw new AppError("database_unavailable", "The database is unavailable");
        } finally {
          clearTimeout(timer);
        }
        res.json({ status: "ok" } satisfies HealthResponse);
      },
    }),
  ];
}
