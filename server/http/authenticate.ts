import type { RequestHandler } from "express";
import { isSessionActive } from "../commands/accounts";
import { verifyAccessToken, type AccessClaims } from "../auth/tokens";
import type { Db } from "../db/database";
import { AppError } from "../domain/appError";

export type AuthContext = AccessClaims;

/**
 * Verifies an access token and that its session is still active, so signing out (or ending a session
 * from another device) takes effect at once rather than when the token expires.
 */
export async function authenticateToken(db: Db, jwtSecret: string, token: string | undefined): Promise<AuthContext> {
  if (!token) throw new AppError("auth_required", "Sign in to continue");
  const claims = verifyAccessToken(jwtSecret, token);
  if (!(await isSessionActive(db, claims.sessionId, claims.userId))) {
    throw new AppError("session_ended", "This session has ended; sign in again");
  }
  return claims;
}

export function bearerAuthentication(db: Db, jwtSecret: string): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    res.locals["auth"] = await authenticateToken(db, jwtSecret, token);
    next();
  };
}
