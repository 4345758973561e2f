/**
 * The chat scenario of `npm run bench`: N clients in G groups send at a fixed aggregate rate, and every
 * other member of the sender's group receives the message. Piiri (real server, real `message:send`,
 * persisted) runs beside a bare socket.io broadcast and a bare `ws` broadcast doing the same fan-out.
 *
 * All clients live in the runner process, so send and receive times come from one clock
 * (`performance.now()`, keyed by the message's clientId). Sends are open-loop: message k is due at
 * `k / rate` seconds whatever the earlier ones are doing, so a slow server cannot slow the load down.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { WebSocket } from "ws";
import type { BenchSendPayload } from "./chatServers";
import { startServer, type ServerHandle } from "./child";
import { CHAT_SERVER_KINDS, type ChatServerKind, type MemorySample } from "./protocol";
import { ms, ratio, summarise, table, type LatencySummary } from "./stats";

export const CHAT_LABELS: Record<ChatServerKind, string> = {
  "piiri-chat": "Piiri",
  "io-chat": "bare socket.io",
  "ws-chat": "bare ws",
};

/** From the Performance section of the quality bar. */
export const CHAT_TARGETS = { p50Ms: 5, p99Ms: 20, p50VsSocketIo: 2, p50VsWs: 3 } as const;

export interface ChatScenario {
  clients: number;
  groups: number;
}

export interface ChatOptions {
  scenarios: ChatScenario[];
  /** Messages per second, all senders together. */
  rate: number;
  /** Measured sending time per server and scenario, split over `rounds` alternating rounds. */
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Directory for a CPU profile of the Piiri server (`--cpu-prof`), or undefined. */
  profileDir?: string;
  /** Run Piiri on a scratch database of this PostgreSQL server instead of an in-memory PGlite. */
  databaseUrl?: string;
}

type Handle = ServerHandle<ChatServerKind>;

// ---------------------------------------------------------------------------------------------------
// Clients

interface ChatClient {
  send(payload: BenchSendPayload): Promise<{ ok: boolean; error?: unknown }>;
  close(): void;
}

type OnReceive = (clientId: string, receiver: number) => void;

function socketIoClient(url: string, auth: Record<string, string>, index: number, onReceive: OnReceive): Promise<ChatClient> {
  const socket: Socket = io(url, { auth, transports: ["websocket"], reconnection: false, forceNew: true });
  socket.on("message:sent", (payload: { message: { clientId: string } }) => onReceive(payload.message.clientId, index));
  return new Promise((resolve, reject) => {
    socket.once("connect", () =>
      resolve({
        send: (payload) => socket.emitWithAck("message:send", payload) as Promise<{ ok: boolean; error?: unknown }>,
        close: () => socket.disconnect(),
      }),
    );
    socket.once("connect_error", (error) => {
      socket.close();
      reject(new Error(`connect to ${url} failed: ${error.message}`));
    });
  });
}

function wsClient(url: string, group: string, index: number, onReceive: OnReceive): Promise<ChatClient> {
  const socket = new WebSocket(`${url}/?group=${encodeURIComponent(group)}`);
  const acks = new Map<number, (result: { ok: boolean; error?: unknown }) => void>();
  let nextAck = 0;
  socket.on("message", (data) => {
    const frame = JSON.parse(String(data)) as { type: string; ack?: number; ok?: boolean; message?: { clientId: string } };
    if (frame.type === "message:sent" && frame.message) onReceive(frame.message.clientId, index);
    else if (frame.type === "ack" && typeof frame.ack === "number") {
      acks.get(frame.ack)?.({ ok: frame.ok === true });
      acks.delete(frame.ack);
    }
  });
  return new Promise((resolve, reject) => {
    socket.once("open", () =>
      resolve({
        send: (payload) =>
          new Promise((done) => {
            const ack = nextAck++;
            acks.set(ack, done);
            socket.send(JSON.stringify({ ack, payload }));
          }),
        close: () => socket.close(),
      }),
    );
    socket.once("error", (error) => reject(new Error(`connect to ${url} failed: ${error.message}`)));
  });
}

/** Client `i` belongs to group `i % groups`, as the servers were seeded. */
async function connectAll(server: Handle, scenario: ChatScenario, onReceive: OnReceive, batch = 50): Promise<ChatClient[]> {
  const open = (index: number): Promise<ChatClient> => {
    const group = index % scenario.groups;
    if (server.kind === "piiri-chat") return socketIoClient(server.url, { token: server.tokens[index]! }, index, onReceive);
    if (server.kind === "io-chat") return socketIoClient(server.url, { group: String(group) }, index, onReceive);
    return wsClient(server.url, String(group), index, onReceive);
  };
  const clients: ChatClient[] = [];
  for (let i = 0; i < scenario.clients; i += batch) {
    const indexes = Array.from({ length: Math.min(batch, scenario.clients - i) }, (_, offset) => i + offset);
    clients.push(...(await Promise.all(indexes.map(open))));
  }
  await waitForClients(server, scenario.clients);
  return clients;
}

async function waitForClients(server: Handle, expected: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const clients = await server.clients();
    if (clients === expected) return;
    if (Date.now() > deadline) throw new Error(`${server.kind}: expected ${expected} server-side clients, have ${clients}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function closeAll(server: Handle, clients: ChatClient[]): Promise<void> {
  for (const client of clients) client.close();
  await waitForClients(server, 0);
}

// ---------------------------------------------------------------------------------------------------
// Load

interface InFlight {
  sentAt: number;
  sender: number;
  /** Receivers (group members other than the sender) still to hear of it. */
  pending: number;
  acked: boolean;
}

interface PhaseResult {
  /** Send → receive, one sample per receiving member (the sender's own copy is not counted). */
  receive: number[];
  /** Send → ack at the sender. */
  ack: number[];
  sent: number;
  expected: number;
  delivered: number;
  failed: number;
  firstError?: unknown;
  /** How late the open-loop sender was against its schedule, per message. */
  sendLag: number[];
  /** From the first send to the last. */
  sendMs: number;
  /** From the first send to the last delivery or ack. */
  wallMs: number;
  lastEventAt: number;
  serverCpuMs: number;
  runnerLoopDelayP99Ms: number;
}

/** The receive handler points at the phase being run; messages of no phase (stragglers) are dropped. */
class Recorder {
  private inFlight = new Map<string, InFlight>();
  phase: PhaseResult | undefined;

  readonly onReceive: OnReceive = (clientId, receiver) => {
    const now = performance.now();
    const entry = this.inFlight.get(clientId);
    if (!entry || receiver === entry.sender || !this.phase) return;
    this.phase.receive.push(now - entry.sentAt);
    this.phase.lastEventAt = now;
    this.phase.delivered++;
    entry.pending--;
    if (entry.pending === 0 && entry.acked) this.inFlight.delete(clientId);
  };

  sent(clientId: string, entry: InFlight): void {
    this.inFlight.set(clientId, entry);
  }

  acked(clientId: string): void {
    const entry = this.inFlight.get(clientId);
    if (!entry) return;
    entry.acked = true;
    if (entry.pending === 0) this.inFlight.delete(clientId);
  }

  clear(): void {
    this.inFlight.clear();
  }
}

interface Driver {
  server: Handle;
  scenario: ChatScenario;
  clients: ChatClient[];
  recorder: Recorder;
  /** Messages sent so far by this driver; picks the sender and makes clientIds unique. */
  counter: number;
}

/** Sends `count` messages at `rate`, open-loop, then waits until every receiver and ack has been heard. */
async function runPhase(driver: Driver, count: number, rate: number): Promise<PhaseResult> {
  const { server, scenario, clients, recorder } = driver;
  const groupSize = (group: number) => Math.floor(scenario.clients / scenario.groups) + (group < scenario.clients % scenario.groups ? 1 : 0);
  const phase: PhaseResult = {
    receive: [],
    ack: [],
    sent: 0,
    expected: 0,
    delivered: 0,
    failed: 0,
    sendLag: [],
    sendMs: 0,
    wallMs: 0,
    lastEventAt: 0,
    serverCpuMs: 0,
    runnerLoopDelayP99Ms: 0,
  };
  recorder.phase = phase;
  const acks: Promise<void>[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const cpuBefore = await server.cpuMs();
  loop.enable();
  const interval = 1000 / rate;
  const started = performance.now();

  const sendOne = (k: number) => {
    const number = driver.counter++;
    const sender = number % scenario.clients;
    const group = sender % scenario.groups;
    const clientId = `${server.kind}-${number}`;
    const payload: BenchSendPayload = {
      conversationId: server.conversationIds[group]!,
      clientId,
      body: `Bench message ${number}: how did this week's goal go?`,
    };
    const sentAt = performance.now();
    phase.sendLag.push(sentAt - (started + k * interval));
    recorder.sent(clientId, { sentAt, sender, pending: groupSize(group) - 1, acked: false });
    phase.sent++;
    phase.expected += groupSize(group) - 1;
    acks.push(
      clients[sender]!.send(payload).then((result) => {
        const now = performance.now();
        phase.ack.push(now - sentAt);
        phase.lastEventAt = Math.max(phase.lastEventAt, now);
        recorder.acked(clientId);
        if (!result.ok) {
          // Nothing is broadcast for a refused message.
          phase.expected -= groupSize(group) - 1;
          phase.failed++;
          phase.firstError ??= result.error;
        }
      }),
    );
  };

  await new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      const due = Math.min(count, Math.floor((performance.now() - started) / interval) + 1);
      while (k < due) sendOne(k++);
      if (k >= count) return resolve();
      setTimeout(tick, Math.max(0, started + k * interval - performance.now()));
    };
    tick();
  });
  phase.sendMs = performance.now() - started;
  await Promise.all(acks);
  const deadline = performance.now() + 15_000;
  while (phase.delivered < phase.expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  phase.wallMs = Math.max(phase.lastEventAt, started + phase.sendMs) - started;
  loop.disable();
  phase.runnerLoopDelayP99Ms = loop.percentile(99) / 1e6;
  phase.serverCpuMs = (await server.cpuMs()) - cpuBefore;
  recorder.phase = undefined;
  recorder.clear();
  return phase;
}

// ---------------------------------------------------------------------------------------------------
// Scenario

export interface ChatServerResult {
  receive: LatencySummary;
  ack: LatencySummary;
  sent: number;
  expected: number;
  delivered: number;
  failed: number;
  firstError?: unknown;
  /** Messages per second actually sent while sending (open loop, so close to the asked rate). */
  sendRate: number;
  /**
   * Messages per second from the first send to the last delivery. Equal to the sending rate when the
   * server keeps up; below it, this is what the server managed (its capacity under this load).
   */
  completedRate: number;
  sendLagP99Ms: number;
  /** Server CPU time per wall second over the measured phases (1.0 = one core busy). */
  serverCpuCores: number;
  runnerLoopDelayP99Ms: number;
  memory: {
    before: MemorySample;
    connected: MemorySample;
    afterLoad: MemorySample;
    /** (heapUsed + external) growth from connecting all clients (group rooms joined), per connection. */
    kbPerConnection: number;
    rssKbPerConnection: number;
    /** The same after the load, still connected: adds stored messages, recovery buffers, caches. */
    kbPerConnectionAfterLoad: number;
  };
  startupMs: number;
}

export interface ChatScenarioResult {
  scenario: ChatScenario;
  rate: number;
  servers: Record<ChatServerKind, ChatServerResult>;
  ratios: { p50VsSocketIo: number; p50VsWs: number; p99VsSocketIo: number; p99VsWs: number; memoryVsSocketIo: number };
  verdicts: { p50: boolean; p99: boolean; p50VsSocketIo: boolean; p50VsWs: boolean };
  seconds: number;
}

const kb = (bytes: number) => bytes / 1024;
const usage = (sample: MemorySample) => sample.heapUsed + sample.external;

function share(total: number, rounds: number, round: number): number {
  return Math.floor(((round + 1) * total) / rounds) - Math.floor((round * total) / rounds);
}

export async function runChatScenario(scenario: ChatScenario, options: ChatOptions): Promise<ChatScenarioResult> {
  const started = performance.now();
  const servers = await Promise.all(
    CHAT_SERVER_KINDS.map((kind) =>
      startServer(kind, [scenario.clients, scenario.groups, ...(kind === "piiri-chat" && options.databaseUrl ? [options.databaseUrl] : [])], {
        nodeFlags: kind === "piiri-chat" && options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [],
      }),
    ),
  );
  const drivers = new Map<ChatServerKind, Driver>();
  const memory = new Map<ChatServerKind, { before: MemorySample; connected: MemorySample }>();
  try {
    // Memory: a warm-up connect/disconnect round, a GC-settled baseline, then all clients connected.
    for (const server of servers) {
      const recorder = new Recorder();
      await closeAll(server, await connectAll(server, scenario, recorder.onReceive));
      const before = await server.sample();
      const clients = await connectAll(server, scenario, recorder.onReceive);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const connected = await server.sample();
      memory.set(server.kind, { before, connected });
      drivers.set(server.kind, { server, scenario, clients, recorder, counter: 0 });
    }

    // Warm-up (also the check that every server accepts and delivers the messages), then alternating rounds.
    const phases = new Map<ChatServerKind, PhaseResult[]>(CHAT_SERVER_KINDS.map((kind) => [kind, []]));
    for (const kind of CHAT_SERVER_KINDS) {
      const warm = await runPhase(drivers.get(kind)!, Math.max(1, Math.round(options.warmupSeconds * options.rate)), options.rate);
      if (warm.failed > 0) throw new Error(`${kind}: message:send failed in the warm-up: ${JSON.stringify(warm.firstError)}`);
      if (warm.delivered < warm.expected) throw new Error(`${kind}: ${warm.expected - warm.delivered} deliveries missing in the warm-up`);
    }
    const total = Math.round(options.seconds * options.rate);
    for (let round = 0; round < options.rounds; round++) {
      for (const kind of CHAT_SERVER_KINDS) {
        const count = share(total, options.rounds, round);
        if (count > 0) phases.get(kind)!.push(await runPhase(drivers.get(kind)!, count, options.rate));
      }
    }

    const results = {} as Record<ChatServerKind, ChatServerResult>;
    for (const server of servers) {
      const afterLoad = await server.sample();
      const { before, connected } = memory.get(server.kind)!;
      const list = phases.get(server.kind)!;
      const sum = (pick: (phase: PhaseResult) => number) => list.reduce((total, phase) => total + pick(phase), 0);
      const sendLag = summarise(list.flatMap((phase) => phase.sendLag));
      results[server.kind] = {
        receive: summarise(list.flatMap((phase) => phase.receive)),
        ack: summarise(list.flatMap((phase) => phase.ack)),
        sent: sum((phase) => phase.sent),
        expected: sum((phase) => phase.expected),
        delivered: sum((phase) => phase.delivered),
        failed: sum((phase) => phase.failed),
        firstError: list.find((phase) => phase.firstError !== undefined)?.firstError,
        sendRate: (sum((phase) => phase.sent) / sum((phase) => phase.sendMs)) * 1000,
        completedRate: (sum((phase) => phase.sent) / sum((phase) => phase.wallMs)) * 1000,
        sendLagP99Ms: sendLag.p99,
        serverCpuCores: sum((phase) => phase.serverCpuMs) / sum((phase) => phase.wallMs),
        runnerLoopDelayP99Ms: Math.max(...list.map((phase) => phase.runnerLoopDelayP99Ms)),
        memory: {
          before,
          connected,
          afterLoad,
          kbPerConnection: kb((usage(connected) - usage(before)) / scenario.clients),
          rssKbPerConnection: kb((connected.rss - before.rss) / scenario.clients),
          kbPerConnectionAfterLoad: kb((usage(afterLoad) - usage(before)) / scenario.clients),
        },
        startupMs: server.startupMs,
      };
    }
    const piiri = results["piiri-chat"];
    const bareIo = results["io-chat"];
    const bareWs = results["ws-chat"];
    const ratios = {
      p50VsSocketIo: piiri.receive.p50 / bareIo.receive.p50,
      p50VsWs: piiri.receive.p50 / bareWs.receive.p50,
      p99VsSocketIo: piiri.receive.p99 / bareIo.receive.p99,
      p99VsWs: piiri.receive.p99 / bareWs.receive.p99,
      memoryVsSocketIo: piiri.memory.kbPerConnection / bareIo.memory.kbPerConnection,
    };
    return {
      scenario,
      rate: options.rate,
      servers: results,
      ratios,
      verdicts: {
        p50: piiri.receive.p50 <= CHAT_TARGETS.p50Ms,
        p99: piiri.receive.p99 <= CHAT_TARGETS.p99Ms,
        p50VsSocketIo: ratios.p50VsSocketIo <= CHAT_TARGETS.p50VsSocketIo,
        p50VsWs: ratios.p50VsWs <= CHAT_TARGETS.p50VsWs,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const [kind, driver] of drivers) {
      await closeAll(driver.server, driver.clients).catch(() => undefined);
      drivers.delete(kind);
    }
    await Promise.all(servers.map((server) => server.stop()));
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");

export function chatReport(result: ChatScenarioResult): string {
  const { scenario, servers, ratios, verdicts } = result;
  const perGroup = scenario.clients / scenario.groups;
  const lines = [
    `4. Chat: ${scenario.clients} clients in ${scenario.groups} groups (${perGroup} each), ${result.rate} messages/s in all, ` +
      `send → receive at every other member (${result.seconds.toFixed(0)} s)`,
  ];
  lines.push(
    table(
      ["server", "receives", "p50", "p90", "p99", "max", "p50 ÷ io", "p50 ÷ ws", "ack p50", "ack p99", "lost", "done/s", "server CPU", "mem/conn", "after load"],
      CHAT_SERVER_KINDS.map((kind) => {
        const server = servers[kind];
        return [
          CHAT_LABELS[kind],
          String(server.receive.count),
          `${ms(server.receive.p50)} ms`,
          `${ms(server.receive.p90)} ms`,
          `${ms(server.receive.p99)} ms`,
          `${ms(server.receive.max)} ms`,
          ratio(server.receive.p50 / servers["io-chat"].receive.p50),
          ratio(server.receive.p50 / servers["ws-chat"].receive.p50),
          `${ms(server.ack.p50)} ms`,
          `${ms(server.ack.p99)} ms`,
          String(server.expected - server.delivered),
          String(Math.round(server.completedRate)),
          `${Math.round(server.serverCpuCores * 100)} %`,
          `${server.memory.kbPerConnection.toFixed(1)} KB`,
          `${server.memory.kbPerConnectionAfterLoad.toFixed(1)} KB`,
        ];
      }),
    ),
  );
  const piiri = servers["piiri-chat"];
  lines.push(
    `   Piiri p50 ${ms(piiri.receive.p50)} ms ≤ ${CHAT_TARGETS.p50Ms} ms: ${pass(verdicts.p50)}` +
      `   p99 ${ms(piiri.receive.p99)} ms ≤ ${CHAT_TARGETS.p99Ms} ms: ${pass(verdicts.p99)}` +
      `   p50 ${ratio(ratios.p50VsSocketIo)} bare socket.io ≤ ${CHAT_TARGETS.p50VsSocketIo}×: ${pass(verdicts.p50VsSocketIo)}` +
      `   p50 ${ratio(ratios.p50VsWs)} bare ws ≤ ${CHAT_TARGETS.p50VsWs}×: ${pass(verdicts.p50VsWs)}`,
  );
  const worstLag = Math.max(...CHAT_SERVER_KINDS.map((kind) => servers[kind].sendLagP99Ms));
  const worstLoop = Math.max(...CHAT_SERVER_KINDS.map((kind) => servers[kind].runnerLoopDelayP99Ms));
  lines.push(`   runner: send schedule lag p99 ${ms(worstLag)} ms, event-loop delay p99 ${ms(worstLoop)} ms (client-side noise in the figures)`);
  for (const kind of CHAT_SERVER_KINDS) {
    const server = servers[kind];
    if (server.failed > 0) lines.push(`   ${CHAT_LABELS[kind]}: ${server.failed} sends failed, first: ${JSON.stringify(server.firstError)}`);
  }
  return lines.join("\n") + "\n";
}
