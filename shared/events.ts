import type { Result } from "./result";
import type { User } from "./schemas/auth";

/**
 * Socket.IO events, typed for both ends. Names are `entity:verb` from the client and `entity:verbed`
 * from the server. Every acknowledgement answers a `Result`.
 */
export interface ServerToClientEvents {
  /** The session behind this socket was signed out or ended from another device. */
  "session:ended": () => void;
}

export interface ClientToServerEvents {
  /** Who this socket is authenticated as; lets a client confirm the handshake identity. */
  "me:get": (ack: (result: Result<{ user: User }>) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the handshake stores on each socket after the token is verified. */
export interface SocketData {
  userId: string;
  sessionId: string;
}

/** Room names, derived in one place so server and tests agree. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
