/**
 * One measured server, run as a child process of the bench runner (`node --expose-gc --import tsx`), so
 * that the memory it reports holds the server and nothing of the clients. Usage (by the runner only):
 * `server.ts <kind> <users> [groups] [databaseUrl]`. It prints nothing; it talks to the parent over the IPC channel.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pino from "pino";
import { Server } from "socket.io";
import { signAccessToken } from "../../server/auth/tokens";
import { openDatabase, type Database } from "../../server/db/database";
import { findUserById, presentUser } from "../../server/db/users";
import { authenticateToken } from "../../server/http/authenticate";
import { createPiiriServer } from "../../server/server";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";
import { startIoChat, startPiiriChat, startWsChat } from "./chatServers";
import type { AnyServerKind, ChildMessage, MemorySample, ParentMessage } from "./protocol";

const JWT_SECRET = "bench-secret-used-only-by-npm-run-bench-0123456789";

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Inserts `count` users with one active session each (no password hashing: nobody signs in with them). */
async function seedUsers(client: PGlite, count: number): Promise<string[]> {
  await client.query(
    `insert into users (email, password_hash, display_name)
     select 'bench-' || g || '@example.test', 'unused', 'Bench user ' || g from generate_series(1, $1::int) g`,
    [count],
  );
  const sessions = await client.query<{ id: string; user_id: string }>(
    `insert into auth_sessions (user_id, user_agent) select id, 'piiri-bench' from users order by email returning id, user_id`,
  );
  return sessions.rows.map((row) => signAccessToken(JWT_SECRET, { userId: row.user_id, sessionId: row.id }, 3600));
}

interface Running {
  url: string;
  tokens: string[];
  conversationIds?: string[];
  clients(): number;
  close(): Promise<void>;
}

async function openBenchDatabase(users: number): Promise<{ database: Database; tokens: string[] }> {
  const client = new PGlite();
  const database = await openDatabase({ kind: "pglite-instance", client });
  const tokens = await seedUsers(client, users);
  return { database, tokens };
}

async function startPiiri(users: number): Promise<Running> {
  const { database, tokens } = await openBenchDatabase(users);
  const server = createPiiriServer({ database, jwtSecret: JWT_SECRET, logger: pino({ level: "silent" }) });
  const url = await server.listen(0);
  return {
    url,
    tokens,
    clients: () => server.realtime.io.engine.clientsCount,
    async close() {
      await server.close();
      await database.close();
    },
  };
}

type BareIo = Server<ClientToServerEvents, ServerToClientEvents>;

async function listenBare(io: BareIo, httpServer: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

async function closeBare(io: BareIo): Promise<void> {
  await new Promise<void>((resolve) => void io.close(() => resolve()));
}

async function startBare(users: number): Promise<Running> {
  const httpServer = createServer();
  const io: BareIo = new Server(httpServer);
  const user = { id: randomUUID(), email: "bench@example.test", displayName: "Bench user", locale: "fi" as const };
  io.use((_socket, next) => next());
  io.on("connection", (socket) => {
    socket.on("me:get", (ack) => {
      if (typeof ack === "function") ack({ ok: true, user });
    });
  });
  const url = await listenBare(io, httpServer);
  const tokens = Array.from({ length: users }, () => signAccessToken(JWT_SECRET, { userId: randomUUID(), sessionId: randomUUID() }, 3600));
  return { url, tokens, clients: () => io.engine.clientsCount, close: () => closeBare(io) };
}

async function startBareDb(users: number): Promise<Running> {
  const { database, tokens } = await openBenchDatabase(users);
  const { db } = database;
  const httpServer = createServer();
  const io: BareIo = new Server(httpServer);
  const userIds = new WeakMap<object, string>();
  io.use(async (socket, next) => {
    try {
      const token: unknown = socket.handshake.auth["token"];
      const claims = await authenticateToken(db, JWT_SECRET, typeof token === "string" ? token : undefined);
      userIds.set(socket, claims.userId);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(String(error)));
    }
  });
  io.on("connection", (socket) => {
    socket.on("me:get", async (ack) => {
      if (typeof ack !== "function") return;
      const user = await findUserById(db, userIds.get(socket) ?? "");
      ack(user ? { ok: true, user: presentUser(user) } : { ok: false, error: { code: "session_ended", message: "gone" } });
    });
  });
  const url = await listenBare(io, httpServer);
  return {
    url,
    tokens,
    clients: () => io.engine.clientsCount,
    async close() {
      await closeBare(io);
      await database.close();
    },
  };
}

/** Full collections, a few times over with turns of the event loop between, so finalizers can run. */
async function settledSample(running: Running): Promise<MemorySample> {
  const gc = globalThis.gc;
  if (!gc) throw new Error("the bench server must run with --expose-gc");
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const usage = process.memoryUsage();
  return { heapUsed: usage.heapUsed, external: usage.external, arrayBuffers: usage.arrayBuffers, rss: usage.rss, clients: running.clients() };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as AnyServerKind;
  const users = Number(process.argv[3] ?? "1000");
  const groups = Number(process.argv[4] ?? "10");
  const started = performance.now();
  const starters: Record<AnyServerKind, (users: number) => Promise<Running>> = {
    piiri: startPiiri,
    bare: startBare,
    "bare-db": startBareDb,
    "piiri-chat": () => startPiiriChat(JWT_SECRET, users, groups, process.argv[5] || undefined),
    "io-chat": () => startIoChat(groups),
    "ws-chat": () => startWsChat(groups),
  };
  const start = starters[kind];
  if (!start) throw new Error(`unknown server kind ${kind}`);
  const running = await start(users);
  process.on("message", (message: ParentMessage) => {
    if (message.type === "sample") {
      void settledSample(running).then((sample) => send({ type: "sample", id: message.id, sample }));
    } else if (message.type === "clients") {
      send({ type: "clients", id: message.id, clients: running.clients() });
    } else if (message.type === "cpu") {
      send({ type: "cpu", id: message.id, ...process.cpuUsage() });
    } else if (message.type === "stop") {
      void running.close().finally(() => process.exit(0));
    }
  });
  process.on("disconnect", () => process.exit(0));
  send({
    type: "ready",
    kind,
    url: running.url,
    tokens: running.tokens,
    conversationIds: running.conversationIds,
    startupMs: performance.now() - started,
  });
}

main().catch((error: unknown) => {
  send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
