/**
 * The notes scenarios of `npm run bench`:
 * 1. propagation — one writer and R readers on one page; each edit's time from the writer's change to
 *    every reader's doc, through Piiri's notes socket and through a plain @y/websocket-server, each in
 *    a child process of its own, in the same run;
 * 2. loading — a page stored as 10,000 small updates, loaded as the server loads it (read the rows,
 *    apply them to a new doc), before and after compaction.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { NOTES_SOCKET_PATH } from "../../shared/notes";
import { openDatabase } from "../../server/db/database";
import { compactDocument, loadDocumentInto } from "../../server/db/noteStore";
import type { NotesServerReady } from "./notesServer";
import { ms, ratio, summarise, table, type LatencySummary } from "./stats";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface NotesBenchOptions {
  readers: number;
  edits: number;
  editsPerSecond: number;
  storedUpdates: number;
  loadRounds: number;
}

/** Targets from the quality bar: propagation against the plain server, loading in absolute time. */
export const NOTES_TARGETS = { propagationP50Ratio: 1.3, loadP50Ms: 100, compactedLoadP50Ms: 20 } as const;

export interface NotesBenchResult {
  propagation: { piiri: LatencySummary; plain: LatencySummary; p50Ratio: number; p99Ratio: number };
  loading: { updates: number; beforeCompaction: LatencySummary; afterCompaction: LatencySummary; storedBytes: number };
  verdicts: { propagation: boolean; load: boolean; compactedLoad: boolean };
}

function startChild(args: string[]): Promise<{ child: ChildProcess; ready: NotesServerReady }> {
  const child = fork(path.join(here, "notesServer.ts"), args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as NotesServerReady }));
    child.once("exit", (code) => reject(new Error(`notes bench server exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send("stop");
  await exited;
}

function connect(ready: NotesServerReady, ticket: string | undefined): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const serverUrl = ready.url.replace(/^http/, "ws") + (ticket ? NOTES_SOCKET_PATH : "");
  const provider = new WebsocketProvider(serverUrl, ready.docName, doc, {
    params: ticket ? { ticket } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off("sync", onSync);
      resolve({ doc, provider });
    };
    provider.on("sync", onSync);
  });
}

/** Edits at a fixed rate; each edit sets a new key, and every reader records when it arrived. */
async function measurePropagation(ready: NotesServerReady, options: NotesBenchOptions): Promise<LatencySummary> {
  const tickets = ready.tickets;
  const writer = await connect(ready, tickets[0]);
  const readers = await Promise.all(Array.from({ length: options.readers }, (_, index) => connect(ready, tickets[index + 1])));
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  let expected = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  for (const reader of readers) {
    reader.doc.getMap<number>("bench").observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const start = sentAt.get(key);
        if (start !== undefined) samples.push(now - start);
      }
      if (samples.length >= expected) done();
    });
  }
  const map = writer.doc.getMap<number>("bench");
  const warmup = Math.min(50, Math.floor(options.edits / 10));
  const interval = 1000 / options.editsPerSecond;
  for (let index = 0; index < options.edits + warmup; index++) {
    const key = `edit-${index}`;
    if (index === warmup) {
      samples.length = 0;
      expected = options.edits * options.readers;
    }
    sentAt.set(key, performance.now());
    map.set(key, index);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  for (const { provider, doc } of [writer, ...readers]) {
    provider.destroy();
    doc.destroy();
  }
  return summarise(samples.slice(0, expected));
}

/** What the server does to open a page: read the stored rows and apply them to a new doc. */
async function timeLoads(load: (doc: Y.Doc) => Promise<unknown>, rounds: number): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let round = 0; round < rounds + 2; round++) {
    const start = performance.now();
    const doc = new Y.Doc();
    await load(doc);
    const elapsed = performance.now() - start;
    doc.destroy();
    if (round >= 2) samples.push(elapsed);
  }
  return summarise(samples);
}

async function measureLoading(options: NotesBenchOptions): Promise<NotesBenchResult["loading"]> {
  const client = new PGlite();
  const database = await openDatabase({ kind: "pglite-instance", client });
  try {
    const group = await client.query<{ id: string }>(`insert into groups (name, kind, agreement) values ('Bench', 'peer_mentoring', '-') returning id`);
    const page = await client.query<{ id: string }>(`insert into note_pages (group_id, title, position) values ($1, 'Bench', 0) returning id`, [group.rows[0]!.id]);
    const pageId = page.rows[0]!.id;
    // Someone typing: one small update per keystroke, as a provider would send them.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    const text = doc.getText("default");
    for (let index = 0; index < options.storedUpdates; index++) text.insert(text.length, "abcdefghij"[index % 10]!);
    await client.query(
      `insert into note_updates (page_id, update) select $1, decode(value, 'base64') from json_array_elements_text($2::json) value`,
      [pageId, JSON.stringify(updates.map((update) => Buffer.from(update).toString("base64")))],
    );
    const load = (doc: Y.Doc) => loadDocumentInto(database.db, pageId, doc, null);
    const beforeCompaction = await timeLoads(load, options.loadRounds);
    const storedBytes = await compactDocument(database.db, pageId);
    const afterCompaction = await timeLoads(load, options.loadRounds);
    return { updates: options.storedUpdates, beforeCompaction, afterCompaction, storedBytes };
  } finally {
    await database.close();
  }
}

export async function runNotesBench(options: NotesBenchOptions): Promise<NotesBenchResult> {
  // Every y-websocket provider in Node listens for the process's exit; many readers are expected here.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.readers + 10));
  const piiriServer = await startChild(["piiri", String(options.readers + 1)]);
  const plainServer = await startChild(["plain"]);
  let piiri: LatencySummary;
  let plain: LatencySummary;
  try {
    // Alternate, so drift on the machine affects both alike; the second run of each is kept.
    await measurePropagation(plainServer.ready, { ...options, edits: Math.min(100, options.edits) });
    plain = await measurePropagation(plainServer.ready, options);
    piiri = await measurePropagation({ ...piiriServer.ready, tickets: piiriServer.ready.tickets }, options);
  } finally {
    await Promise.all([stopChild(piiriServer.child), stopChild(plainServer.child)]);
  }
  const loading = await measureLoading(options);
  const p50Ratio = piiri.p50 / plain.p50;
  const result: NotesBenchResult = {
    propagation: { piiri, plain, p50Ratio, p99Ratio: piiri.p99 / plain.p99 },
    loading,
    verdicts: {
      propagation: p50Ratio <= NOTES_TARGETS.propagationP50Ratio,
      load: loading.beforeCompaction.p50 <= NOTES_TARGETS.loadP50Ms,
      compactedLoad: loading.afterCompaction.p50 <= NOTES_TARGETS.compactedLoadP50Ms,
    },
  };
  console.log(`\n5. Notes: propagation of ${options.edits} edits at ${options.editsPerSecond}/s from one writer to ${options.readers} readers`);
  console.log(
    table(
      ["server", "p50 ms", "p99 ms", "max ms", "samples"],
      [
        ["Piiri notes socket (auth, persistence)", ms(piiri.p50), ms(piiri.p99), ms(piiri.max), String(piiri.count)],
        ["plain @y/websocket-server", ms(plain.p50), ms(plain.p99), ms(plain.max), String(plain.count)],
        [`ratio Piiri / plain (target p50 ≤ ${NOTES_TARGETS.propagationP50Ratio}×)`, ratio(result.propagation.p50Ratio), ratio(result.propagation.p99Ratio), "", ""],
      ],
    ),
  );
  console.log(`\n5. Notes: loading a page stored as ${loading.updates} small updates (${options.loadRounds} loads each)`);
  console.log(
    table(
      ["stored as", "p50 ms", "p99 ms", "target"],
      [
        [`${loading.updates} update rows`, ms(loading.beforeCompaction.p50), ms(loading.beforeCompaction.p99), `p50 ≤ ${NOTES_TARGETS.loadP50Ms} ms`],
        [`1 compacted row (${(loading.storedBytes / 1024).toFixed(1)} KB)`, ms(loading.afterCompaction.p50), ms(loading.afterCompaction.p99), `p50 ≤ ${NOTES_TARGETS.compactedLoadP50Ms} ms`],
      ],
    ),
  );
  return result;
}
