import type { RequestHandler } from "express";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AUTH_RATE_PER_IP, LOGIN_RATE } from "../../shared/limits";
import { AppError } from "../domain/appError";

export interface AuthRateLimiters {
  loginPerIp: RateLimiterAbstract;
  loginFailuresPerAccount: RateLimiterAbstract;
  authPerIp: RateLimiterAbstract;
}

export function createAuthRateLimiters(): AuthRateLimiters {
  return {
    loginPerIp: new RateLimiterMemory({ keyPrefix: "login_ip", points: LOGIN_RATE.perIp.points, duration: LOGIN_RATE.perIp.windowSeconds }),
    loginFailuresPerAccount: new RateLimiterMemory({
      keyPrefix: "login_account",
      points: LOGIN_RATE.perAccountFailures.points,
      duration: LOGIN_RATE.perAccountFailures.windowSeconds,
    }),
    authPerIp: new RateLimiterMemory({ keyPrefix: "auth_ip", points: AUTH_RATE_PER_IP.points, duration: AUTH_RATE_PER_IP.windowSeconds }),
  };
}

export function tooManyAttempts(retryAfterMs: number): AppError {
  return new AppError("rate_limited", `Too many attempts; try again in ${Math.ceil(retryAfterMs / 1000)} seconds`);
}

/** Consumes one point for the client address; answers 429 with Retry-After when it is spent. */
export function limitPerIp(limiter: RateLimiterAbstract): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.consume(req.ip ?? "unknown");
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      res.set("Retry-After", String(Math.ceil(rejection.msBeforeNext / 1000)));
      throw tooManyAttempts(rejection.msBeforeNext);
    }
    next();
  };
}
