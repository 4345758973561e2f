/**
 * The servers of the chat scenario, started inside a bench child process (`server.ts`). See
 * `ChatServerKind` in protocol.ts for what each one is. Client `i` belongs to group `i % groups`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import pino from "pino";
import { Server } from "socket.io";
import { WebSocketServer, type WebSocket } from "ws";
import { signAccessToken } from "../../server/auth/tokens";
import { openDatabase, type Database } from "../../server/db/database";
import { createPiiriServer } from "../../server/server";
import type { ChatMessage } from "../../shared/schemas/chat";

export interface ChatRunning {
  url: string;
  tokens: string[];
  conversationIds: string[];
  clients(): number;
  close(): Promise<void>;
}

/** What a bench client sends in `message:send` to every server (the bare servers read only clientId and body). */
export interface BenchSendPayload {
  conversationId: string;
  clientId: string;
  body: string;
}

/**
 * Users with one session each, G groups (active, agreement accepted by every member) and one group
 * conversation per group, all inserted with set-based SQL. User `i` (in token order) joins group `i % groups`.
 */
/** The one query call seeding needs; PGlite and a pg Pool both have it. */
type Query = <R>(text: string, params?: unknown[]) => Promise<{ rows: R[] }>;

export async function seedChat(client: { query: Query }, secret: string, users: number, groups: number): Promise<{ tokens: string[]; conversationIds: string[] }> {
  await client.query(
    `insert into users (email, password_hash, display_name)
     select 'bench-' || lpad(g::text, 6, '0') || '@example.test', 'unused', 'Bench user ' || g from generate_series(0, $1::int - 1) g`,
    [users],
  );
  const sessions = await client.query<{ id: string; user_id: string }>(
    `insert into auth_sessions (user_id, user_agent) select id, 'piiri-bench' from users order by email returning id, user_id`,
  );
  await client.query(
    `insert into groups (name, kind, phase, agreement)
     select 'Bench group ' || lpad(g::text, 6, '0'), 'peer_mentoring', 'active', 'We listen and keep confidences.'
     from generate_series(0, $1::int - 1) g`,
    [groups],
  );
  await client.query(
    `insert into memberships (group_id, user_id, role, agreement_accepted_at)
     select gr.id, u.id, case when u.i < $1::int then 'facilitator' else 'member' end, now()
     from (select id, row_number() over (order by email) - 1 as i from users) u
     join (select id, row_number() over (order by name) - 1 as j from groups) gr on gr.j = u.i % $1::int`,
    [groups],
  );
  await client.query(`insert into conversations (scope, group_id) select 'group', id from groups`);
  const conversations = await client.query<{ id: string }>(
    `select c.id from conversations c join groups g on g.id = c.group_id where c.scope = 'group' order by g.name`,
  );
  // Sessions come back in email order, which is the user order above.
  const byUser = new Map(sessions.rows.map((row) => [row.user_id, row.id]));
  const ordered = await client.query<{ id: string }>(`select id from users order by email`);
  const tokens = ordered.rows.map((row) => signAccessToken(secret, { userId: row.id, sessionId: byUser.get(row.id)! }, 3 * 3600));
  return { tokens, conversationIds: conversations.rows.map((row) => row.id) };
}

/**
 * A fresh, empty database on a PostgreSQL server, created next to the one `url` names and dropped
 * again on close, so a bench run never touches existing data.
 */
async function openScratchPostgres(url: string): Promise<{ database: Database; pool: pg.Pool; drop(): Promise<void> }> {
  const name = `piiri_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: scratch.toString() });
  const pool = new pg.Pool({ connectionString: scratch.toString(), max: 1 });
  return {
    database,
    pool,
    async drop() {
      await pool.end();
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** Piiri on an in-memory PGlite, or on a scratch database of the PostgreSQL server at `databaseUrl`. */
export async function startPiiriChat(secret: string, users: number, groups: number, databaseUrl?: string): Promise<ChatRunning> {
  let database: Database;
  let seedWith: { query: Query };
  let drop = async () => {};
  if (databaseUrl) {
    const scratch = await openScratchPostgres(databaseUrl);
    database = scratch.database;
    seedWith = { query: async <R>(text: string, params?: unknown[]) => (await scratch.pool.query(text, params)) as unknown as { rows: R[] } };
    drop = scratch.drop;
  } else {
    const client = new PGlite();
    database = await openDatabase({ kind: "pglite-instance", client });
    seedWith = client;
  }
  const { tokens, conversationIds } = await seedChat(seedWith, secret, users, groups);
  const server = createPiiriServer({ database, jwtSecret: secret, logger: pino({ level: "silent" }) });
  const url = await server.listen(0);
  return {
    url,
    tokens,
    conversationIds,
    clients: () => server.realtime.io.engine.clientsCount,
    async close() {
      await server.close();
      await database.close();
      await drop();
    },
  };
}

/** A message shaped like Piiri's ChatMessage, so every server sends frames of about the same size. */
function benchMessage(payload: BenchSendPayload, seq: number, authorId: string): ChatMessage {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    conversationId: payload.conversationId,
    seq,
    clientId: payload.clientId,
    authorId,
    authorName: "Bench user",
    parentId: null,
    body: payload.body,
    mentions: [],
    reactions: [],
    replyCount: 0,
    createdAt: now,
    editedAt: null,
    deleted: false,
    hidden: false,
  };
}

function isPayload(value: unknown): value is BenchSendPayload {
  const payload = value as Partial<BenchSendPayload> | null;
  return typeof payload?.clientId === "string" && typeof payload.body === "string" && typeof payload.conversationId === "string";
}

async function listen(httpServer: HttpServer): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

const groupNames = (groups: number) => Array.from({ length: groups }, (_, index) => String(index));

/** Bare socket.io: join the group's room in the handshake, broadcast each message to it, ack the sender. */
export async function startIoChat(groups: number): Promise<ChatRunning> {
  const httpServer = createServer();
  const io = new Server(httpServer);
  const seqs = new Map<string, number>();
  io.use((socket, next) => {
    const group = String(socket.handshake.auth["group"]);
    socket.data = { userId: randomUUID(), room: `group:${group}` };
    void Promise.resolve(socket.join(socket.data.room)).then(() => next());
  });
  io.on("connection", (socket) => {
    const { userId, room } = socket.data as { userId: string; room: string };
    socket.on("message:send", (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function" || !isPayload(payload)) return;
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      const message = benchMessage(payload, seq, userId);
      io.to(room).emit("message:sent", { message });
      (ack as (result: unknown) => void)({ ok: true, message });
    });
  });
  const url = await listen(httpServer);
  return {
    url,
    tokens: [],
    conversationIds: groupNames(groups),
    clients: () => io.engine.clientsCount,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

/**
 * Bare `ws`, the same fan-out by hand. Client frames are `{ ack, payload }`; the server answers
 * `{ type: "ack", ack, ok, message }` to the sender and `{ type: "message:sent", message }` (encoded
 * once) to every socket of the group, the sender included, as socket.io does.
 */
export async function startWsChat(groups: number): Promise<ChatRunning> {
  const httpServer = createServer();
  const wss = new WebSocketServer({ server: httpServer });
  const members = new Map<string, Set<WebSocket>>();
  const seqs = new Map<string, number>();
  wss.on("connection", (socket, request) => {
    const group = new URL(request.url ?? "/", "http://localhost").searchParams.get("group") ?? "0";
    const userId = randomUUID();
    let set = members.get(group);
    if (!set) members.set(group, (set = new Set()));
    set.add(socket);
    socket.on("close", () => set.delete(socket));
    socket.on("message", (data) => {
      let frame: { ack?: unknown; payload?: unknown };
      try {
        frame = JSON.parse(String(data)) as typeof frame;
      } catch {
        return;
      }
      if (!isPayload(frame.payload)) return;
      const seq = (seqs.get(group) ?? 0) + 1;
      seqs.set(group, seq);
      const message = benchMessage(frame.payload, seq, userId);
      const encoded = Buffer.from(JSON.stringify({ type: "message:sent", message }));
      for (const member of set) member.send(encoded, { binary: false });
      socket.send(JSON.stringify({ type: "ack", ack: frame.ack, ok: true, message }));
    });
  });
  const url = await listen(httpServer);
  return {
    url: url.replace(/^http/, "ws"),
    tokens: [],
    conversationIds: groupNames(groups),
    clients: () => wss.clients.size,
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
