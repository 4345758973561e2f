import { createHash, randomBytes } from "node:crypto";
import jwt from "jsonwebtoken";
import { ACCESS_TOKEN_TTL_SECONDS } from "../../shared/limits";
import { AppError } from "../domain/appError";

const ALGORITHM = "HS256";
const ISSUER = "piiri";
const AUDIENCE = "piiri-api";

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export function signAccessToken(secret: string, claims: AccessClaims, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): string {
  return jwt.sign({ sid: claims.sessionId }, secret, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: claims.userId,
    expiresIn: ttlSeconds,
  });
}

/**
 * Verifies signature, algorithm, issuer, audience and expiry. The algorithm is pinned so a token
 * claiming `alg: none` or another algorithm is refused whatever its payload.
 */
export function verifyAccessToken(secret: string, token: string): AccessClaims {
  try {
    const payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload === "string" || typeof payload.sub !== "string" || typeof payload["sid"] !== "string") {
      throw new AppError("token_invalid", "The access token is not valid");
    }
    return { userId: payload.sub, sessionId: payload["sid"] };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof jwt.TokenExpiredError) throw new AppError("token_expired", "The access token has expired");
    throw new AppError("token_invalid", "The access token is not valid");
  }
}

/** An opaque random secret (refresh tokens, notes tickets); only its hash is ever stored. */
export function createOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const createRefreshToken = createOpaqueToken;
export const hashRefreshToken = hashOpaqueToken;
