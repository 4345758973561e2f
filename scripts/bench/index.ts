/**
 * `npm run bench`: Piiri's realtime layer measured against bare socket.io baselines run in the same
 * process run, reported as ratios (see docs/benchmarks.md and the Performance section of the quality bar).
 *
 *   npm run bench                      # defaults, about a minute
 *   npm run bench -- --quick           # a small smoke run
 *   npm run bench -- --connections 2000 --acks 5000 --strict --out results.json
 *
 * Each server runs in a child process of its own (`node --expose-gc`), so its memory figures hold the
 * server only; all clients live in this process.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";
import { SERVER_KINDS, type ChildMessage, type MemorySample, type ParentMessage, type ServerKind } from "./protocol";
import { median, ms, ratio, summarise, table, type LatencySummary } from "./stats";

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const DEFAULT_OUT = path.join(ROOT, "node_modules/.cache/piiri-bench/bench-results.json");

/** Targets from the quality bar that this runner can judge today. */
const TARGETS = { memoryKbPerConnection: 25, memoryRatioVsBare: 2 } as const;

const LABELS: Record<ServerKind, string> = {
  piiri: "Piiri",
  bare: "bare socket.io",
  "bare-db": "bare socket.io + same DB work",
};

// ---------------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    connections: { type: "string" },
    acks: { type: "string" },
    clients: { type: "string" },
    "acks-per-client": { type: "string" },
    handshakes: { type: "string" },
    out: { type: "string" },
    strict: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--quick] [--connections N] [--acks N] [--clients N] [--acks-per-client N]
                   [--handshakes N] [--out FILE] [--strict]
  --quick            small run (200 connections, 400 acks, 20 clients, 60 handshakes)
  --connections N    idle authenticated connections for the memory figure (default 1000)
  --acks N           sequential me:get acks by one client, per server (default 2000)
  --clients N        clients in the concurrent ack run (default 100)
  --acks-per-client  acks each concurrent client sends, per server (default 40)
  --handshakes N     sequential connect+authenticate timings, per server (default 300)
  --out FILE         JSON results (default node_modules/.cache/piiri-bench/bench-results.json)
  --strict           exit 1 when a target is missed`);
  process.exit(0);
}

function intOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

const quick = args.quick ?? false;
const options = {
  connections: intOption(args.connections, quick ? 200 : 1000, "connections"),
  acks: intOption(args.acks, quick ? 400 : 2000, "acks"),
  clients: intOption(args.clients, quick ? 20 : 100, "clients"),
  acksPerClient: intOption(args["acks-per-client"], quick ? 10 : 40, "acks-per-client"),
  handshakes: intOption(args.handshakes, quick ? 60 : 300, "handshakes"),
  /** Latency runs are split into rounds that alternate between servers, so drift hits all alike. */
  rounds: 4,
  quick,
};

// ---------------------------------------------------------------------------------------------------
// Child servers

interface ServerHandle {
  kind: ServerKind;
  url: string;
  tokens: string[];
  startupMs: number;
  sample(): Promise<MemorySample>;
  clients(): Promise<number>;
  stop(): Promise<void>;
}

function startServer(kind: ServerKind, users: number): Promise<ServerHandle> {
  const child: ChildProcess = fork(path.join(HERE, "server.ts"), [kind, String(users)], {
    cwd: ROOT,
    execArgv: ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, (message: ChildMessage) => void>();
  const request = (type: "sample" | "clients"): Promise<ChildMessage> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ type, id } satisfies ParentMessage);
    });

  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} server exited with code ${code} before it was ready`)));
    child.on("message", (message: ChildMessage) => {
      if (message.type === "error") reject(new Error(`${kind} server failed: ${message.message}`));
      else if (message.type === "ready") {
        child.removeAllListeners("exit");
        resolve({
          kind,
          url: message.url,
          tokens: message.tokens,
          startupMs: message.startupMs,
          async sample() {
            const reply = await request("sample");
            if (reply.type !== "sample") throw new Error("unexpected reply");
            return reply.sample;
          },
          async clients() {
            const reply = await request("clients");
            if (reply.type !== "clients") throw new Error("unexpected reply");
            return reply.clients;
          },
          stop() {
            return new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
              child.once("exit", () => {
                clearTimeout(timer);
                done();
              });
              child.send({ type: "stop" } satisfies ParentMessage);
            });
          },
        });
      } else if ("id" in message) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Clients

function connect(url: string, token: string): Promise<BenchSocket> {
  const socket: BenchSocket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(new Error(`connect to ${url} failed: ${error.message}`));
    });
  });
}

async function connectMany(url: string, tokens: readonly string[], batch = 50): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    sockets.push(...(await Promise.all(tokens.slice(i, i + batch).map((token) => connect(url, token)))));
  }
  return sockets;
}

async function waitForClients(server: ServerHandle, expected: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const clients = await server.clients();
    if (clients === expected) return;
    if (Date.now() > deadline) throw new Error(`${server.kind}: expected ${expected} server-side clients, have ${clients}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function disconnectAll(server: ServerHandle, sockets: BenchSocket[]): Promise<void> {
  // A client-side disconnect is not a recoverable reason, so no connection-state-recovery session stays behind.
  for (const socket of sockets) socket.disconnect();
  await waitForClients(server, 0);
}

async function meGet(socket: BenchSocket): Promise<number> {
  const started = performance.now();
  const result = await socket.emitWithAck("me:get");
  const elapsed = performance.now() - started;
  if (!result.ok) throw new Error(`me:get failed: ${JSON.stringify(result.error)}`);
  return elapsed;
}

// ---------------------------------------------------------------------------------------------------
// 1. Memory per idle authenticated connection

interface MemoryResult {
  connections: number;
  before: MemorySample;
  after: MemorySample;
  heapBytesPerConnection: number;
  externalBytesPerConnection: number;
  bytesPerConnection: number;
  kbPerConnection: number;
  rssKbPerConnection: number;
}

async function measureMemory(server: ServerHandle, count: number): Promise<MemoryResult> {
  const tokens = server.tokens.slice(0, count);
  // Warm-up round: JIT, lazily loaded modules, database caches and PGlite's WASM heap (which grows
  // and never shrinks) reach their steady state before the baseline is taken.
  await disconnectAll(server, await connectMany(server.url, tokens));
  const before = await server.sample();
  const sockets = await connectMany(server.url, tokens);
  await waitForClients(server, count);
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the handshakes' leftovers go idle
  const after = await server.sample();
  await disconnectAll(server, sockets);
  const heap = (after.heapUsed - before.heapUsed) / count;
  const external = (after.external - before.external) / count;
  return {
    connections: count,
    before,
    after,
    heapBytesPerConnection: heap,
    externalBytesPerConnection: external,
    bytesPerConnection: heap + external,
    kbPerConnection: (heap + external) / 1024,
    rssKbPerConnection: (after.rss - before.rss) / count / 1024,
  };
}

// ---------------------------------------------------------------------------------------------------
// 2. Ack round trips

/** This round's part of `total` split over `rounds` (the parts add up to `total` exactly). */
function share(total: number, rounds: number, round: number): number {
  return Math.floor(((round + 1) * total) / rounds) - Math.floor((round * total) / rounds);
}

async function sequentialAcks(servers: ServerHandle[], total: number, rounds: number): Promise<Record<ServerKind, number[]>> {
  const sockets = await Promise.all(servers.map((server) => connect(server.url, server.tokens[0]!)));
  const samples = Object.fromEntries(servers.map((server) => [server.kind, [] as number[]])) as Record<ServerKind, number[]>;
  const warmup = Math.min(200, total);
  for (const socket of sockets) for (let i = 0; i < warmup; i++) await meGet(socket);
  for (let round = 0; round < rounds; round++) {
    const perRound = share(total, rounds, round);
    for (const [index, server] of servers.entries()) {
      const socket = sockets[index]!;
      for (let i = 0; i < perRound; i++) samples[server.kind].push(await meGet(socket));
    }
  }
  for (const socket of sockets) socket.disconnect();
  return samples;
}

interface ConcurrentResult {
  samples: number[];
  acksPerSecond: number;
}

async function concurrentAcks(
  servers: ServerHandle[],
  clients: number,
  perClient: number,
  rounds: number,
): Promise<Record<ServerKind, ConcurrentResult>> {
  const socketSets = await Promise.all(servers.map((server) => connectMany(server.url, server.tokens.slice(0, clients))));
  const results = Object.fromEntries(servers.map((server) => [server.kind, { samples: [] as number[], wallMs: 0, acks: 0 }])) as Record<
    ServerKind,
    { samples: number[]; wallMs: number; acks: number }
  >;
  const burst = async (sockets: BenchSocket[], acks: number, into?: number[]) => {
    await Promise.all(
      sockets.map(async (socket) => {
        for (let i = 0; i < acks; i++) {
          const elapsed = await meGet(socket);
          into?.push(elapsed);
        }
      }),
    );
  };
  for (const sockets of socketSets) await burst(sockets, Math.min(10, perClient)); // warm-up
  for (let round = 0; round < rounds; round++) {
    const perRound = share(perClient, rounds, round);
    if (perRound === 0) continue;
    for (const [index, server] of servers.entries()) {
      const result = results[server.kind];
      const started = performance.now();
      await burst(socketSets[index]!, perRound, result.samples);
      result.wallMs += performance.now() - started;
      result.acks += perRound * clients;
    }
  }
  for (const sockets of socketSets) for (const socket of sockets) socket.disconnect();
  return Object.fromEntries(
    Object.entries(results).map(([kind, result]) => [kind, { samples: result.samples, acksPerSecond: (result.acks / result.wallMs) * 1000 }]),
  ) as Record<ServerKind, ConcurrentResult>;
}

// ---------------------------------------------------------------------------------------------------
// 3. Handshake: a new websocket connection through to the socket.io "connect" (auth included)

async function handshakes(servers: ServerHandle[], count: number): Promise<Record<ServerKind, number[]>> {
  const samples = Object.fromEntries(servers.map((server) => [server.kind, [] as number[]])) as Record<ServerKind, number[]>;
  const warmup = Math.min(20, count);
  for (let i = -warmup; i < count; i++) {
    for (const server of servers) {
      const token = server.tokens[(i + warmup) % server.tokens.length]!;
      const started = performance.now();
      const socket = await connect(server.url, token);
      const elapsed = performance.now() - started;
      socket.disconnect();
      if (i >= 0) samples[server.kind].push(elapsed);
    }
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------------
// Report

async function machineNotes() {
  const version = async (name: string) =>
    (JSON.parse(await readFile(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    socketIo: await version("socket.io"),
    pglite: await version("@electric-sql/pglite"),
  };
}

function latencyRows(results: Record<ServerKind, LatencySummary>, baseline: ServerKind, extra?: Record<ServerKind, string>): string[][] {
  return SERVER_KINDS.map((kind) => {
    const summary = results[kind];
    const base = results[baseline];
    return [
      LABELS[kind],
      String(summary.count),
      `${ms(summary.p50)} ms`,
      `${ms(summary.p99)} ms`,
      `${ms(summary.max)} ms`,
      ratio(summary.p50 / base.p50),
      ratio(summary.p99 / base.p99),
      ratio(summary.p50 / results["bare-db"].p50),
      ...(extra ? [extra[kind]] : []),
    ];
  });
}

const LATENCY_HEADER = ["server", "n", "p50", "p99", "max", "p50 ÷ bare", "p99 ÷ bare", "p50 ÷ bare+db"];

function mapKinds<T, U>(record: Record<ServerKind, T>, map: (value: T) => U): Record<ServerKind, U> {
  return Object.fromEntries(SERVER_KINDS.map((kind) => [kind, map(record[kind])])) as Record<ServerKind, U>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = await machineNotes();
  console.log(`Piiri bench — ${machine.cpu} ×${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}, socket.io ${machine.socketIo}`);
  console.log(
    `connections ${options.connections}, sequential acks ${options.acks}, concurrent ${options.clients} clients × ${options.acksPerClient} acks, ` +
      `handshakes ${options.handshakes}${options.quick ? " (quick)" : ""}\n`,
  );

  const users = Math.max(options.connections, options.clients);
  const servers = await Promise.all(SERVER_KINDS.map((kind) => startServer(kind, users)));
  const byKind = Object.fromEntries(servers.map((server) => [server.kind, server])) as Record<ServerKind, ServerHandle>;
  try {
    // Sanity: every server answers me:get, and Piiri and bare+db answer with the user of the token.
    for (const server of servers) {
      const socket = await connect(server.url, server.tokens[0]!);
      const result = await socket.emitWithAck("me:get");
      socket.disconnect();
      if (!result.ok) throw new Error(`${server.kind}: me:get failed`);
    }

    console.log(`1. Memory per idle authenticated connection (${options.connections} websocket clients, server heap + external after GC)`);
    const memory = {} as Record<ServerKind, MemoryResult>;
    for (const kind of SERVER_KINDS) memory[kind] = await measureMemory(byKind[kind], options.connections);
    const memoryRatio = memory.piiri.bytesPerConnection / memory.bare.bytesPerConnection;
    const memoryVerdicts = {
      kbPerConnection: memory.piiri.kbPerConnection <= TARGETS.memoryKbPerConnection,
      ratioVsBare: memoryRatio <= TARGETS.memoryRatioVsBare,
    };
    console.log(
      table(
        ["server", "heap/conn", "external/conn", "total/conn", "÷ bare", "(rss/conn)"],
        SERVER_KINDS.map((kind) => {
          const result = memory[kind];
          return [
            LABELS[kind],
            `${(result.heapBytesPerConnection / 1024).toFixed(1)} KB`,
            `${(result.externalBytesPerConnection / 1024).toFixed(1)} KB`,
            `${result.kbPerConnection.toFixed(1)} KB`,
            ratio(result.bytesPerConnection / memory.bare.bytesPerConnection),
            `${result.rssKbPerConnection.toFixed(1)} KB`,
          ];
        }),
      ),
    );
    console.log(
      `   target ≤ ${TARGETS.memoryKbPerConnection} KB: ${memoryVerdicts.kbPerConnection ? "PASS" : "FAIL"} (${memory.piiri.kbPerConnection.toFixed(1)} KB)` +
        `   target ≤ ${TARGETS.memoryRatioVsBare}× bare: ${memoryVerdicts.ratioVsBare ? "PASS" : "FAIL"} (${ratio(memoryRatio)})\n`,
    );

    console.log(`2. Handshake: connect + authenticate, one at a time (${options.handshakes} per server, alternating)`);
    const handshake = mapKinds(await handshakes(servers, options.handshakes), summarise);
    console.log(table(LATENCY_HEADER, latencyRows(handshake, "bare")) + "\n");

    console.log(`3a. me:get ack round trip, one client, sequential (${options.acks} per server, ${options.rounds} alternating rounds)`);
    const sequential = mapKinds(await sequentialAcks(servers, options.acks, options.rounds), summarise);
    console.log(table(LATENCY_HEADER, latencyRows(sequential, "bare")) + "\n");

    console.log(`3b. me:get ack round trip, ${options.clients} concurrent clients × ${options.acksPerClient} acks each`);
    const concurrentRaw = await concurrentAcks(servers, options.clients, options.acksPerClient, options.rounds);
    const concurrent = mapKinds(concurrentRaw, (result) => summarise(result.samples));
    const throughput = mapKinds(concurrentRaw, (result) => `${Math.round(result.acksPerSecond)}`);
    console.log(table([...LATENCY_HEADER, "acks/s"], latencyRows(concurrent, "bare", throughput)) + "\n");

    const totalSeconds = (performance.now() - started) / 1000;
    const results = {
      date: new Date().toISOString(),
      machine,
      options,
      targets: TARGETS,
      serverStartupMs: mapKinds(byKind, (server) => Math.round(server.startupMs)),
      memory,
      memoryRatioVsBare: memoryRatio,
      memoryVerdicts,
      handshake,
      ackSequential: sequential,
      ackConcurrent: mapKinds(concurrentRaw, (result) => ({ ...summarise(result.samples), acksPerSecond: result.acksPerSecond })),
      ratios: {
        handshakeP50VsBare: handshake.piiri.p50 / handshake.bare.p50,
        handshakeP50VsBareDb: handshake.piiri.p50 / handshake["bare-db"].p50,
        ackSequentialP50VsBare: sequential.piiri.p50 / sequential.bare.p50,
        ackSequentialP99VsBare: sequential.piiri.p99 / sequential.bare.p99,
        ackSequentialP50VsBareDb: sequential.piiri.p50 / sequential["bare-db"].p50,
        ackConcurrentP50VsBare: concurrent.piiri.p50 / concurrent.bare.p50,
        ackConcurrentP99VsBare: concurrent.piiri.p99 / concurrent.bare.p99,
        ackConcurrentP50VsBareDb: concurrent.piiri.p50 / concurrent["bare-db"].p50,
      },
      totalSeconds,
    };
    const out = path.resolve(args.out ?? DEFAULT_OUT);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(results, null, 2) + "\n");
    const shown = path.relative(process.cwd(), out);
    console.log(`Results written to ${shown && !shown.startsWith("..") ? shown : out} (${totalSeconds.toFixed(0)} s).`);
    console.log(`Median server start-up (PGlite + migrations + seeding): ${Math.round(median(servers.map((s) => s.startupMs)))} ms.`);

    if (args.strict && !(memoryVerdicts.kbPerConnection && memoryVerdicts.ratioVsBare)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
