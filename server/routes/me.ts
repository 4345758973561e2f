import { MeResponse, UpdateMeInput } from "../../shared/schemas/auth";
import { ErrorResponse } from "../../shared/schemas/common";
import { updateProfile } from "../commands/accounts";
import { findUserById, presentUser } from "../db/users";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { defineRoute, type AnyRoute } from "../http/route";

export function meRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  return [
    defineRoute({
      method: "get",
      path: "/api/me",
      tag: "me",
      summary: "Who I am",
      auth: true,
      responses: { 200: { description: "The signed-in user", schema: MeResponse }, 401: { description: "Not signed in", schema: ErrorResponse } },
      async handle({ auth, res }) {
        const user = await findUserById(db, auth.userId);
        if (!user) throw new AppError("session_ended", "This account no longer exists");
        res.json({ user: presentUser(user) });
      },
    }),
    defineRoute({
      method: "patch",
      path: "/api/me",
      tag: "me",
      summary: "Change my display name or interface language",
      auth: true,
      body: UpdateMeInput,
      responses: {
        200: { description: "The updated user", schema: MeResponse },
        400: { description: "Invalid input", schema: ErrorResponse },
        401: { description: "Not signed in", schema: ErrorResponse },
      },
      async handle({ auth, body, res }) {
        res.json({ user: presentUser(await updateProfile(db, auth.userId, body)) });
      },
    }),
  ];
}
