/** Messages between the bench runner (parent) and a measured server (child process, IPC channel). */

/**
 * - `piiri`: the real Piiri server (Express + Socket.IO, JWT + session check in the handshake, room joins,
 *   connection-state recovery), on an in-memory PGlite.
 * - `bare`: a bare socket.io server on node:http with a no-op auth middleware; `me:get` acks a constant.
 * - `bare-db`: bare socket.io doing the same database work as Piiri: the handshake verifies the JWT and
 *   checks the session (the same `authenticateToken`), and `me:get` runs the same `findUserById` on its
 *   own in-memory PGlite. Nothing else of Piiri (no Express, rooms, recovery, goal handlers).
 */
export type ServerKind = "piiri" | "bare" | "bare-db";

export const SERVER_KINDS: readonly ServerKind[] = ["piiri", "bare", "bare-db"];

export interface MemorySample {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** Engine.IO clients the server holds at the time of the sample. */
  clients: number;
}

export type ParentMessage = { type: "sample"; id: number } | { type: "clients"; id: number } | { type: "stop" };

export type ChildMessage =
  | { type: "ready"; kind: ServerKind; url: string; tokens: string[]; startupMs: number }
  | { type: "sample"; id: number; sample: MemorySample }
  | { type: "clients"; id: number; clients: number }
  | { type: "error"; message: string };
