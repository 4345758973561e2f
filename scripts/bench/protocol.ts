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

/**
 * Servers of the chat scenario (`scripts/bench/chat.ts`), seeded with N users in G groups; client `i`
 * belongs to group `i % G`.
 * - `piiri-chat`: the real Piiri server on an in-memory PGlite with users, sessions, groups, accepted
 *   memberships and one group conversation per group; clients send the real `message:send`.
 * - `io-chat`: bare socket.io; the handshake names the group, the socket joins its room, and a
 *   `message:send` is broadcast to the room as `message:sent` and acknowledged to the sender.
 * - `ws-chat`: bare `ws`; the same fan-out by hand (a Set of sockets per group, one encoded frame).
 */
export type ChatServerKind = "piiri-chat" | "io-chat" | "ws-chat";

export const CHAT_SERVER_KINDS: readonly ChatServerKind[] = ["piiri-chat", "io-chat", "ws-chat"];

export type AnyServerKind = ServerKind | ChatServerKind;

export interface MemorySample {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** Engine.IO clients the server holds at the time of the sample. */
  clients: number;
}

export type ParentMessage = { type: "sample"; id: number } | { type: "clients"; id: number } | { type: "cpu"; id: number } | { type: "stop" };

export type ChildMessage =
  | {
      type: "ready";
      kind: AnyServerKind;
      url: string;
      /** One access token per seeded user (Piiri servers); empty for servers without auth. */
      tokens: string[];
      /** Chat servers: the conversation id of each group (Piiri), or the group numbers as strings (bare). */
      conversationIds?: string[];
      startupMs: number;
    }
  | { type: "sample"; id: number; sample: MemorySample }
  | { type: "clients"; id: number; clients: number }
  /** `process.cpuUsage()` of the server process, in microseconds. */
  | { type: "cpu"; id: number; user: number; system: number }
  | { type: "error"; message: string };
