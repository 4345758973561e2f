import { and, desc, eq, isNull } from "drizzle-orm";
import { REFRESH_LOST_ANSWER_GRACE_SECONDS, REFRESH_TOKEN_TTL_DAYS } from "../../shared/limits";
import type { AuthSession, RegisterInput, UpdateMeInput } from "../../shared/schemas/auth";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../auth/passwords";
import { createRefreshToken, hashRefreshToken, signAccessToken } from "../auth/tokens";
import type { Db } from "../db/database";
import { isUniqueViolation } from "../db/errors";
import { authSessions, refreshTokens, users } from "../db/schema";
import { findUserByEmail, findUserById, type UserRow } from "../db/users";
import { AppError } from "../domain/appError";

export interface AccountDeps {
  db: Db;
  jwtSecret: string;
}

/** What a sign-in, registration or refresh hands back to the transport. */
export interface IssuedTokens {
  user: UserRow;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
}

const REFRESH_TTL_MS = REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000;

async function startSession(deps: AccountDeps, tx: Db, user: UserRow, userAgent: string | undefined): Promise<IssuedTokens> {
  const [session] = await tx
    .insert(authSessions)
    .values({ userId: user.id, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning({ id: authSessions.id });
  if (!session) throw new Error("session insert returned nothing");
  const refresh = createRefreshToken();
  await tx.insert(refreshTokens).values({
    sessionId: session.id,
    tokenHash: refresh.hash,
    expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
  });
  return {
    user,
    sessionId: session.id,
    accessToken: signAccessToken(deps.jwtSecret, { userId: user.id, sessionId: session.id }),
    refreshToken: refresh.token,
  };
}

export async function registerAccount(deps: AccountDeps, input: RegisterInput, userAgent?: string): Promise<IssuedTokens> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, displayName: input.displayName, locale: input.locale ?? "fi" })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      return startSession(deps, tx, user, userAgent);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_taken", "An account with this email already exists");
    throw error;
  }
}

export const INVALID_CREDENTIALS = "Email or password is wrong";

/** Returns tokens, or `undefined` when the email or password is wrong (the caller counts failures). */
export async function signIn(
  deps: AccountDeps,
  email: string,
  password: string,
  userAgent?: string,
): Promise<IssuedTokens | undefined> {
  const user = await findUserByEmail(deps.db, email);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) return undefined;
  return deps.db.transaction((tx) => startSession(deps, tx, user, userAgent));
}

export type RefreshOutcome =
  | { kind: "rotated"; tokens: IssuedTokens }
  /** An already-used token came back: the whole family is revoked (it may have been stolen). */
  | { kind: "reused"; sessionId: string }
  | { kind: "invalid" };

/** Rotates a refresh token: the presented one is spent and a new one issued in the same session. */
export async function rotateRefreshToken(deps: AccountDeps, presentedToken: string): Promise<RefreshOutcome> {
  const tokenHash = hashRefreshToken(presentedToken);
  return deps.db.transaction(async (tx): Promise<RefreshOutcome> => {
    const [found] = await tx
      .select({ token: refreshTokens, session: authSessions })
      .from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1);
    if (!found || found.session.revokedAt) return { kind: "invalid" };
    if (found.token.expiresAt.getTime() <= Date.now()) return { kind: "invalid" };

    // Spend the token atomically: of two concurrent uses exactly one wins; the other is a reuse.
    const spent = await tx
      .update(refreshTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(refreshTokens.id, found.token.id), isNull(refreshTokens.usedAt)))
      .returning({ id: refreshTokens.id });
    // The winner of a concurrent use may have committed after `found` was read: judge by the stored time.
    const usedAt = spent.length === 0 ? await spentAt(tx, found.token.id) : null;
    if (spent.length === 0 && !spentMomentsAgo(usedAt)) {
      await revokeSessions(tx, [found.session.id], "refresh_reused");
      return { kind: "reused", sessionId: found.session.id };
    }

    const user = await findUserById(tx, found.session.userId);
    if (!user) return { kind: "invalid" };
    const refresh = createRefreshToken();
    await tx.insert(refreshTokens).values({
      sessionId: found.session.id,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
    });
    await tx.update(authSessions).set({ lastUsedAt: new Date() }).where(eq(authSessions.id, found.session.id));
    return {
      kind: "rotated",
      tokens: {
        user,
        sessionId: found.session.id,
        accessToken: signAccessToken(deps.jwtSecret, { userId: user.id, sessionId: found.session.id }),
        refreshToken: refresh.token,
      },
    };
  });
}

/**
 * Whether a spent token that came back may be the same browser whose answer was lost — the page reloaded
 * while the refresh was in flight, so the new cookie never arrived — rather than a copy: it was spent
 * only moments ago. Then a new token is issued beside the one whose answer was lost (as rotation with a
 * reuse interval does); later than that, a spent token is a reuse and ends the session.
 */
function spentMomentsAgo(usedAt: Date | null): boolean {
  return usedAt !== null && Date.now() - usedAt.getTime() <= REFRESH_LOST_ANSWER_GRACE_SECONDS * 1000;
}

async function spentAt(tx: Db, tokenId: string): Promise<Date | null> {
  const [row] = await tx.select({ usedAt: refreshTokens.usedAt }).from(refreshTokens).where(eq(refreshTokens.id, tokenId));
  return row?.usedAt ?? null;
}

async function revokeSessions(db: Db, sessionIds: string[], reason: string): Promise<void> {
  for (const sessionId of sessionIds) {
    await db
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  }
}

/** Finds the session a refresh token belongs to, whether or not the token is spent. */
export async function sessionOfRefreshToken(db: Db, presentedToken: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sessionId: refreshTokens.sessionId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(presentedToken)))
    .limit(1);
  return row?.sessionId;
}

/** Ends sessions for good; used by sign-out. */
export async function endSessions(db: Db, sessionIds: string[], reason: "signed_out" | "ended_by_user"): Promise<void> {
  await revokeSessions(db, sessionIds, reason);
}

/** Ends one of the user's own sessions; someone else's session is "not found", not "forbidden". */
export async function endOwnSession(db: Db, userId: string, sessionId: string): Promise<void> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: "ended_by_user" })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  if (ended.length === 0) throw new AppError("not_found", "No such active session");
}

export async function listOwnSessions(db: Db, userId: string, currentSessionId: string): Promise<AuthSession[]> {
  const rows = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .orderBy(desc(authSessions.lastUsedAt));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === currentSessionId,
  }));
}

/** True while the session has not been signed out, ended or revoked. */
export async function isSessionActive(db: Db, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .limit(1);
  return row !== undefined;
}

export async function updateProfile(db: Db, userId: string, input: UpdateMeInput): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new AppError("not_found", "No such user");
  return row;
}
