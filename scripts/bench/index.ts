/**
 * `npm run bench`: Piiri's realtime layer measured against bare socket.io baselines run in the same
 * process run, reported as ratios (see docs/benchmarks.md and the Performance section of the quality bar).
 *
 *   npm run bench                      # defaults, a few minutes
 *   npm run bench -- --quick           # a small smoke run
 *   npm run bench -- --connections 2000 --acks 5000 --strict --out results.json
 *   npm run bench -- --only chat --chat 1000x100 --profile
 *   npm run bench -- --only bundle     # the first page's JavaScript only, a few seconds
 *
 * Each server runs in a child process of its own (`node --expose-gc`), so its memory figures hold the
 * server only; all clients live in this process. The chat scenario is in chat.ts, the notes scenarios in
 * notes.ts and the first page's JavaScript (no server) in bundle.ts.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";
import { BUNDLE_TARGETS, bundleReport, runBundleBench } from "./bundle";
import { CHAT_TARGETS, chatReport, runChatScenario, type ChatScenario, type ChatScenarioResult } from "./chat";
import { NOTES_TARGETS, runNotesBench } from "./notes";
import { ROOT, startServer, type ServerHandle } from "./child";
import { SERVER_KINDS, type MemorySample, type ServerKind } from "./protocol";
import { median, ms, ratio, summarise, table, type LatencySummary } from "./stats";

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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
    only: { type: "string" },
    chat: { type: "string" },
    "chat-rate": { type: "string" },
    "chat-seconds": { type: "string" },
    profile: { type: "boolean", default: false },
    "chat-database-url": { type: "string" },
    "bundle-dir": { type: "string" },
    out: { type: "string" },
    strict: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--quick] [--connections N] [--acks N] [--clients N] [--acks-per-client N]
                   [--handshakes N] [--only base|chat|notes|bundle] [--chat NxG,...] [--chat-rate R] [--chat-seconds S]
                   [--profile] [--chat-database-url URL] [--bundle-dir DIR] [--out FILE] [--strict]
  --quick            small run (200 connections, 400 acks, 20 clients, 60 handshakes; chat 100x10 for 4 s)
  --connections N    idle authenticated connections for the memory figure (default 1000)
  --acks N           sequential me:get acks by one client, per server (default 2000)
  --clients N        clients in the concurrent ack run (default 100)
  --acks-per-client  acks each concurrent client sends, per server (default 40)
  --handshakes N     sequential connect+authenticate timings, per server (default 300)
  --only base|chat|notes|bundle
                     run only sections 1-3 (base), the chat scenario (4), the notes scenarios (5)
                     or the first page's JavaScript (6: vite build into a temporary directory)
  --chat NxG,...     chat scenarios: N clients in G groups (default 100x10,1000x100)
  --chat-rate R      messages per second, all senders together (default 200)
  --chat-seconds S   measured sending time per server and scenario (default 10)
  --profile          write a CPU profile of the Piiri chat server (node --cpu-prof) next to the JSON
  --chat-database-url URL
                     run the Piiri chat server on a scratch database (created and dropped) of this
                     PostgreSQL server instead of an in-memory PGlite
  --bundle-dir DIR   section 6 reads this existing build (e.g. dist) instead of building the client
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

function chatScenarios(value: string | undefined): ChatScenario[] {
  if (value === undefined) return quick ? [{ clients: 100, groups: 10 }] : [{ clients: 100, groups: 10 }, { clients: 1000, groups: 100 }];
  return value.split(",").map((part) => {
    const match = /^(\d+)x(\d+)$/.exec(part.trim());
    const clients = Number(match?.[1]);
    const groups = Number(match?.[2]);
    if (!match || clients < 2 || groups < 1 || groups * 2 > clients) throw new Error(`--chat wants NxG with at least two clients a group, not ${part}`);
    return { clients, groups };
  });
}

const quick = args.quick ?? false;
const only = args.only;
if (only !== undefined && only !== "base" && only !== "chat" && only !== "notes" && only !== "bundle") {
  throw new Error("--only is base, chat, notes or bundle");
}
const options = {
  connections: intOption(args.connections, quick ? 200 : 1000, "connections"),
  acks: intOption(args.acks, quick ? 400 : 2000, "acks"),
  clients: intOption(args.clients, quick ? 20 : 100, "clients"),
  acksPerClient: intOption(args["acks-per-client"], quick ? 10 : 40, "acks-per-client"),
  handshakes: intOption(args.handshakes, quick ? 60 : 300, "handshakes"),
  /** Latency runs are split into rounds that alternate between servers, so drift hits all alike. */
  rounds: 4,
  quick,
  chat: {
    scenarios: chatScenarios(args.chat),
    rate: intOption(args["chat-rate"], 200, "chat-rate"),
    seconds: intOption(args["chat-seconds"], quick ? 4 : 10, "chat-seconds"),
    warmupSeconds: quick ? 1 : 2,
    rounds: 4,
    databaseUrl: args["chat-database-url"],
  },
};

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

/** The soft limit on open files of this process (Linux), or undefined where it cannot be read. */
async function openFileLimit(): Promise<number | undefined> {
  try {
    const limits = await readFile("/proc/self/limits", "utf8");
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
    if (!match) return undefined;
    return match[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * The chat scenario keeps every client of all three servers open at once in this process (one file
 * descriptor each), and each server child holds one per client.
 */
function checkOpenFiles(limit: number | undefined): void {
  const largest = Math.max(...options.chat.scenarios.map((scenario) => scenario.clients));
  const needed = 3 * largest + 200;
  if (limit !== undefined && limit < needed) {
    throw new Error(`the chat scenario with ${largest} clients needs about ${needed} open files in this process; the limit is ${limit}. Raise it first, e.g. \`ulimit -n ${Math.max(4096, needed)}\`.`);
  }
}

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
    ws: await version("ws"),
    openFiles: await openFileLimit(),
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

/** Sections 1–3 on the piiri, bare and bare-db servers; returns their figures for the JSON. */
async function runBase() {
  const users = Math.max(options.connections, options.clients);
  const servers = await Promise.all(SERVER_KINDS.map((kind) => startServer(kind, [users])));
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

    if (args.strict && !(memoryVerdicts.kbPerConnection && memoryVerdicts.ratioVsBare)) process.exitCode = 1;
    console.log(`Median server start-up (PGlite + migrations + seeding): ${Math.round(median(servers.map((s) => s.startupMs)))} ms.\n`);
    return {
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
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** Section 4, one scenario after another, each on fresh servers. */
async function runChat(out: string): Promise<ChatScenarioResult[]> {
  const results: ChatScenarioResult[] = [];
  const profileDir = args.profile ? path.join(path.dirname(out), "profiles") : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  for (const scenario of options.chat.scenarios) {
    const result = await runChatScenario(scenario, { ...options.chat, profileDir });
    console.log(chatReport(result));
    results.push(result);
    const verdicts = Object.values(result.verdicts);
    if (args.strict && verdicts.some((ok) => !ok)) process.exitCode = 1;
  }
  if (profileDir) console.log(`CPU profiles of the Piiri chat server: ${profileDir}\n`);
  return results;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(not a URL)";
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = await machineNotes();
  console.log(`Piiri bench — ${machine.cpu} ×${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}, socket.io ${machine.socketIo}, open files ${machine.openFiles}`);
  if (only === undefined || only === "base") {
    console.log(
      `connections ${options.connections}, sequential acks ${options.acks}, concurrent ${options.clients} clients × ${options.acksPerClient} acks, ` +
        `handshakes ${options.handshakes}${options.quick ? " (quick)" : ""}`,
    );
  }
  if (only === undefined || only === "chat") {
    const scenarios = options.chat.scenarios.map((scenario) => `${scenario.clients}×${scenario.groups}`).join(", ");
    const store = options.chat.databaseUrl ? "PostgreSQL server" : "PGlite";
    console.log(`chat ${scenarios} (clients × groups), ${options.chat.rate} msg/s, ${options.chat.seconds} s per server, Piiri on ${store}${options.quick ? " (quick)" : ""}`);
    checkOpenFiles(machine.openFiles);
  }
  console.log();

  const out = path.resolve(args.out ?? DEFAULT_OUT);
  const base = only === undefined || only === "base" ? await runBase() : undefined;
  const chat = only === undefined || only === "chat" ? await runChat(out) : undefined;
  const notes =
    only === undefined || only === "notes"
      ? await runNotesBench({
          readers: quick ? 5 : 20,
          edits: quick ? 100 : 500,
          editsPerSecond: 50,
          storedUpdates: 10_000,
          loadRounds: quick ? 5 : 20,
        })
      : undefined;
  if (args.strict && notes && !Object.values(notes.verdicts).every(Boolean)) process.exitCode = 1;
  let firstPageLoad: Awaited<ReturnType<typeof runBundleBench>> | undefined;
  if (only === undefined || only === "bundle") {
    firstPageLoad = await runBundleBench({ dir: args["bundle-dir"] });
    console.log((only === undefined ? "\n" : "") + bundleReport(firstPageLoad));
    if (args.strict && !Object.values(firstPageLoad.verdicts).every(Boolean)) process.exitCode = 1;
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    machine,
    // A database URL may carry a password; the JSON keeps only where it pointed.
    options: { ...options, chat: { ...options.chat, databaseUrl: options.chat.databaseUrl && redact(options.chat.databaseUrl) } },
    targets: { ...TARGETS, chat: CHAT_TARGETS, notes: NOTES_TARGETS, firstPageLoad: BUNDLE_TARGETS },
    ...base,
    chat,
    notes,
    firstPageLoad,
    totalSeconds,
  };
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(results, null, 2) + "\n");
  const shown = path.relative(process.cwd(), out);
  console.log(`Results written to ${shown && !shown.startsWith("..") ? shown : out} (${totalSeconds.toFixed(0)} s).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
