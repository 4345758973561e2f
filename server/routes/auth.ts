import type { CookieOptions, Request, Response } from "express";
import { RateLimiterRes } from "rate-limiter-flexible";
import { REFRESH_TOKEN_TTL_DAYS } from "../../shared/limits";
import {
  AuthResponse,
  LoginInput,
  RefreshResponse,
  RegisterInput,
  SessionIdParams,
  SessionList,
} from "../../shared/schemas/auth";
import { ErrorResponse } from "../../shared/schemas/common";
import {
  endOwnSession,
  endSessions,
  INVALID_CREDENTIALS,
  listOwnSessions,
  registerAccount,
  rotateRefreshToken,
  sessionOfRefreshToken,
  signIn,
  type IssuedTokens,
} from "../commands/accounts";
import { presentUser } from "../db/users";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { limitPerIp, tooManyAttempts } from "../http/rateLimit";
import { defineRoute, type AnyRoute } from "../http/route";

export const REFRESH_COOKIE = "piiri_refresh";

const refreshCookieOptions: CookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: "strict",
  // Only the auth endpoints ever see the refresh token.
  path: "/api/auth",
};

function setRefreshCookie(res: Response, token: string): void {
  res.cookie(REFRESH_COOKIE, token, { ...refreshCookieOptions, maxAge: REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000 });
}

function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, refreshCookieOptions);
}

function readRefreshCookie(req: Request): string | undefined {
  const value: unknown = req.cookies?.[REFRESH_COOKIE];
  return typeof value === "string" && value.length > 0 && value.length < 200 ? value : undefined;
}

function sendSignedIn(res: Response, status: number, tokens: IssuedTokens): void {
  setRefreshCookie(res, tokens.refreshToken);
  res.status(status).json({ user: presentUser(tokens.user), accessToken: tokens.accessToken } satisfies AuthResponse);
}

const errors = {
  400: { description: "Invalid input", schema: ErrorResponse },
  401: { description: "Not signed in, or the token is invalid or expired", schema: ErrorResponse },
  429: { description: "Too many attempts", schema: ErrorResponse },
} as const;

export function authRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const accountDeps = { db, jwtSecret: deps.jwtSecret };

  return [
    defineRoute({
      method: "post",
      path: "/api/auth/register",
      tag: "auth",
      summary: "Create an account and sign in",
      auth: false,
      before: [limitPerIp(deps.limiters.authPerIp)],
      body: RegisterInput,
      responses: {
        201: { description: "Registered and signed in", schema: AuthResponse },
        400: errors[400],
        409: { description: "The email is already registered", schema: ErrorResponse },
        429: errors[429],
      },
      async handle({ body, req, res }) {
        sendSignedIn(res, 201, await registerAccount(accountDeps, body, req.get("user-agent")));
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/auth/login",
      tag: "auth",
      summary: "Sign in with email and password",
      auth: false,
      before: [limitPerIp(deps.limiters.loginPerIp)],
      body: LoginInput,
      responses: {
        200: { description: "Signed in", schema: AuthResponse },
        400: errors[400],
        401: { description: "Wrong email or password (never says which)", schema: ErrorResponse },
        429: errors[429],
      },
      async handle({ body, req, res }) {
        const accountLimiter = deps.limiters.loginFailuresPerAccount;
        const blocked = await accountLimiter.get(body.email);
        if (blocked && blocked.remainingPoints <= 0) {
          res.set("Retry-After", String(Math.ceil(blocked.msBeforeNext / 1000)));
          throw tooManyAttempts(blocked.msBeforeNext);
        }
        const tokens = await signIn(accountDeps, body.email, body.password, req.get("user-agent"));
        if (!tokens) {
          await accountLimiter.consume(body.email).catch((rejection: unknown) => {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
          });
          throw new AppError("invalid_credentials", INVALID_CREDENTIALS);
        }
        await accountLimiter.delete(body.email);
        sendSignedIn(res, 200, tokens);
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/auth/refresh",
      tag: "auth",
      summary: "Exchange the refresh cookie for a new access token (the cookie is rotated)",
      auth: false,
      before: [limitPerIp(deps.limiters.authPerIp)],
      responses: {
        200: { description: "A new access token; a new refresh cookie is set", schema: RefreshResponse },
        401: { description: "No valid refresh token; a reused one ends its whole session", schema: ErrorResponse },
        429: errors[429],
      },
      async handle({ req, res }) {
        const presented = readRefreshCookie(req);
        if (!presented) throw new AppError("refresh_invalid", "No refresh token; sign in again");
        const outcome = await rotateRefreshToken(accountDeps, presented);
        if (outcome.kind === "reused") {
          deps.sessions.sessionsEnded([outcome.sessionId]);
          clearRefreshCookie(res);
          throw new AppError("refresh_reused", "This refresh token was already used; the session has been ended for safety");
        }
        if (outcome.kind === "invalid") {
          clearRefreshCookie(res);
          throw new AppError("refresh_invalid", "The refresh token is not valid; sign in again");
        }
        setRefreshCookie(res, outcome.tokens.refreshToken);
        res.json({ accessToken: outcome.tokens.accessToken } satisfies RefreshResponse);
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/auth/logout",
      tag: "auth",
      summary: "Sign out: ends this session everywhere it is used (REST, sockets, notes)",
      auth: false,
      responses: { 204: { description: "Signed out (also when already signed out)" } },
      async handle({ req, res }) {
        const presented = readRefreshCookie(req);
        const sessionId = presented ? await sessionOfRefreshToken(db, presented) : undefined;
        if (sessionId) {
          await endSessions(db, [sessionId], "signed_out");
          deps.sessions.sessionsEnded([sessionId]);
        }
        clearRefreshCookie(res);
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/auth/sessions",
      tag: "auth",
      summary: "List my active sessions (signed-in devices)",
      auth: true,
      responses: { 200: { description: "Active sessions, most recently used first", schema: SessionList }, 401: errors[401] },
      async handle({ auth, res }) {
        res.json({ sessions: await listOwnSessions(db, auth.userId, auth.sessionId) });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/auth/sessions/:sessionId",
      tag: "auth",
      summary: "End one of my sessions",
      auth: true,
      params: SessionIdParams,
      responses: {
        204: { description: "Ended" },
        401: errors[401],
        404: { description: "No such active session of mine", schema: ErrorResponse },
      },
      async handle({ auth, params, res }) {
        await endOwnSession(db, auth.userId, params.sessionId);
        deps.sessions.sessionsEnded([params.sessionId]);
        res.status(204).end();
      },
    }),
  ];
}
