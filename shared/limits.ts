/** Limits both sides enforce: the server validates with them, the client sets its inputs from them. */

export const EMAIL = { maxLength: 254 } as const;
export const PASSWORD = { minLength: 10, maxLength: 200 } as const;
export const DISPLAY_NAME = { minLength: 1, maxLength: 80 } as const;

/** JSON request bodies above this are refused with 413 before they are parsed. */
export const REQUEST_BODY_MAX_BYTES = 100 * 1024;

/** Socket.IO frames above this are refused by the engine (maxHttpBufferSize). */
export const SOCKET_FRAME_MAX_BYTES = 256 * 1024;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;

/** Sign-in throttling: per client address and, separately, per account. */
export const LOGIN_RATE = {
  perIp: { points: 30, windowSeconds: 15 * 60 },
  perAccountFailures: { points: 5, windowSeconds: 15 * 60 },
} as const;

/** Registration and token refresh throttling per client address. */
export const AUTH_RATE_PER_IP = { points: 60, windowSeconds: 15 * 60 } as const;
