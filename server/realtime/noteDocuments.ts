import type { Logger } from "pino";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { NOTE_FRAGMENT } from "../../shared/notes";
import { NOTES } from "../../shared/limits";
import type { Db } from "../db/database";
import { appendUpdate, compactDocument, lastVersionTime, loadDocument, loadDocumentInto } from "../db/noteStore";

/**
 * The notes documents this node holds in memory while someone has them open. Every edit is applied
 * here, broadcast to this node's connections, and written to the database at most
 * NOTES.persistMaxDelayMs later. The `relay` is the seam for more nodes sharing one database (a
 * pub/sub channel such as PostgreSQL LISTEN/NOTIFY or Redis): it receives every local update, and
 * the updates of the other nodes come back in through `subscribe` and are applied to the documents
 * open here.
 *
 * The node where an edit was made is the one that stores it; the others only apply it. A node that
 * loads a page cannot have seen what another node published just before and has not stored yet, so
 * with a relay it reads the page once more after that node's save deadline (applying what it already
 * has changes nothing). Cursors (awareness) are not relayed: each node shows its own editors'.
 */
export interface NoteRelay {
  /** Sends an update made on this node to the other nodes. */
  publish(pageId: string, update: Uint8Array): void;
  /** Receives the other nodes' updates (never this node's own); returns a function that stops it. */
  subscribe(onRemoteUpdate: (pageId: string, update: Uint8Array) => void): () => void;
}

export interface NoteDocumentsOptions {
  relay?: NoteRelay;
  /** How long a page goes without a version before the next save adds an automatic one. */
  autoVersionEveryMs?: number;
}

export interface NoteDocument {
  pageId: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Approximate encoded size: what was loaded plus every update since. */
  approximateBytes: number;
}

interface Entry extends NoteDocument {
  pending: Uint8Array[];
  firstPendingAt: number | null;
  timer: NodeJS.Timeout | null;
  storedRows: number;
  lastVersionAt: number;
  saving: Promise<void>;
  holders: number;
  /** The one re-read of the page after loading, when other nodes may have edits not yet stored. */
  catchUp: NodeJS.Timeout | null;
}

/** Beyond NOTES.persistMaxDelayMs, for another node's save to reach the database. */
const CATCH_UP_MARGIN_MS = 1000;

/** Marks a transaction that came from the database or another node: it must not be stored again. */
const FROM_STORAGE = Symbol("from-storage");

export interface NoteDocuments {
  /** Loads (once) and holds the document; call `release` when the connection using it ends. */
  acquire(pageId: string): Promise<NoteDocument>;
  release(pageId: string): void;
  /** The current state: from memory when open here, else from the database. */
  currentState(pageId: string): Promise<Uint8Array>;
  /** Replaces the page's content with that of `state`, as a new change every editor receives. */
  replaceContent(pageId: string, state: Uint8Array): Promise<void>;
  /** Applies an update made on another node, which stores it; a page not open here is left alone. */
  applyRemoteUpdate(pageId: string, update: Uint8Array): void;
  /** Writes every pending edit now (shutdown, tests). */
  flushAll(): Promise<void>;
  /** Flushes and forgets every document. */
  close(): Promise<void>;
  /** Called after a save when the page has gone `autoVersionEveryMs` without a version. */
  onAutoVersionDue(listener: (pageId: string, state: Uint8Array) => Promise<void>): void;
}

export function createNoteDocuments(db: Db, logger: Logger, options: NoteDocumentsOptions = {}): NoteDocuments {
  const { relay, autoVersionEveryMs = NOTES.autoVersionEveryMs } = options;
  const entries = new Map<string, Promise<Entry>>();
  let autoVersion: ((pageId: string, state: Uint8Array) => Promise<void>) | null = null;

  async function flush(entry: Entry): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    if (entry.pending.length === 0) return entry.saving;
    const update = entry.pending.length === 1 ? entry.pending[0]! : Y.mergeUpdates(entry.pending);
    entry.pending = [];
    entry.firstPendingAt = null;
    // Saves of one page are chained so rows keep the order the edits were made in.
    entry.saving = entry.saving.then(async () => {
      try {
        await appendUpdate(db, entry.pageId, update);
        entry.storedRows += 1;
        if (entry.storedRows >= NOTES.compactAfterUpdates) {
          entry.approximateBytes = await compactDocument(db, entry.pageId);
          entry.storedRows = 1;
        }
        if (autoVersion && Date.now() - entry.lastVersionAt >= autoVersionEveryMs) {
          entry.lastVersionAt = Date.now();
          await autoVersion(entry.pageId, Y.encodeStateAsUpdate(entry.doc));
        }
      } catch (error) {
        // Keep the edit: it goes out with the next save instead of being dropped.
        entry.pending.unshift(update);
        logger.error({ err: error, pageId: entry.pageId }, "saving a note failed; will retry");
        schedule(entry);
      }
    });
    return entry.saving;
  }

  function schedule(entry: Entry): void {
    const now = Date.now();
    entry.firstPendingAt ??= now;
    if (entry.timer) clearTimeout(entry.timer);
    // Debounce bursts of typing, but never let an edit wait longer than the hard deadline.
    const wait = Math.min(NOTES.persistDebounceMs, Math.max(0, entry.firstPendingAt + NOTES.persistMaxDelayMs - now));
    entry.timer = setTimeout(() => void flush(entry), wait);
  }

  async function load(pageId: string): Promise<Entry> {
    const doc = new Y.Doc({ gc: true });
    // The clock counts from the page's newest version, not from this load: a page edited in many short
    // visits still gets its versions.
    const [rowCount, versionedAt] = await Promise.all([loadDocumentInto(db, pageId, doc, FROM_STORAGE), lastVersionTime(db, pageId)]);
    const awareness = new awarenessProtocol.Awareness(doc);
    // The server is not an editor; it has no cursor of its own.
    awareness.setLocalState(null);
    const entry: Entry = {
      pageId,
      doc,
      awareness,
      approximateBytes: Y.encodeStateAsUpdate(doc).byteLength,
      pending: [],
      firstPendingAt: null,
      timer: null,
      storedRows: rowCount,
      lastVersionAt: versionedAt?.getTime() ?? Date.now(),
      saving: Promise.resolve(),
      holders: 0,
      catchUp: null,
    };
    if (relay) {
      entry.catchUp = setTimeout(() => {
        entry.catchUp = null;
        loadDocumentInto(db, pageId, doc, FROM_STORAGE).catch((error: unknown) => logger.warn({ err: error, pageId }, "re-reading a note failed"));
      }, NOTES.persistMaxDelayMs + CATCH_UP_MARGIN_MS);
      entry.catchUp.unref();
    }
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      entry.approximateBytes += update.byteLength;
      if (origin === FROM_STORAGE) return;
      entry.pending.push(update);
      schedule(entry);
      relay?.publish(pageId, update);
    });
    return entry;
  }

  function entryFor(pageId: string): Promise<Entry> {
    let entry = entries.get(pageId);
    if (!entry) {
      entry = load(pageId);
      entries.set(pageId, entry);
      entry.catch(() => entries.delete(pageId));
    }
    return entry;
  }

  async function unloadIfUnused(pageId: string): Promise<void> {
    const promise = entries.get(pageId);
    if (!promise) return;
    const entry = await promise;
    if (entry.holders > 0) return;
    await flush(entry);
    if (entry.holders > 0 || entry.pending.length > 0) return;
    entries.delete(pageId);
    forget(entry);
  }

  function forget(entry: Entry): void {
    if (entry.catchUp) clearTimeout(entry.catchUp);
    entry.awareness.destroy();
    entry.doc.destroy();
  }

  const documents: NoteDocuments = {
    async acquire(pageId) {
      const entry = await entryFor(pageId);
      entry.holders += 1;
      return entry;
    },
    release(pageId) {
      void entries.get(pageId)?.then((entry) => {
        entry.holders -= 1;
        if (entry.holders === 0) void unloadIfUnused(pageId).catch((error: unknown) => logger.error({ err: error, pageId }, "unloading a note failed"));
      });
    },
    async currentState(pageId) {
      const open = entries.get(pageId);
      if (open) return Y.encodeStateAsUpdate((await open).doc);
      return (await loadDocument(db, pageId)).state;
    },
    async replaceContent(pageId, state) {
      const entry = await entryFor(pageId);
      entry.holders += 1;
      try {
        const source = new Y.Doc();
        Y.applyUpdate(source, state);
        const from = source.getXmlFragment(NOTE_FRAGMENT);
        const to = entry.doc.getXmlFragment(NOTE_FRAGMENT);
        entry.doc.transact(() => {
          to.delete(0, to.length);
          // TipTap never writes XmlHooks, so elements and text are all there is to copy.
          const nodes = from.toArray().filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook));
          to.insert(
            0,
            nodes.map((node) => node.clone()),
          );
        });
        source.destroy();
        await flush(entry);
      } finally {
        entry.holders -= 1;
        if (entry.holders === 0) void unloadIfUnused(pageId);
      }
    },
    applyRemoteUpdate(pageId, update) {
      const open = entries.get(pageId);
      void open?.then(
        (entry) => {
          // Unloaded meanwhile: the database has it, or will once its node saves.
          if (entries.get(pageId) !== open) return;
          try {
            Y.applyUpdate(entry.doc, update, FROM_STORAGE);
          } catch (error) {
            logger.warn({ err: error, pageId }, "a malformed update came through the notes relay");
          }
        },
        () => undefined,
      );
    },
    async flushAll() {
      const all = await Promise.all(entries.values());
      await Promise.all(all.map((entry) => flush(entry)));
    },
    async close() {
      stopRelay?.();
      const all = await Promise.allSettled(entries.values());
      for (const result of all) {
        if (result.status !== "fulfilled") continue;
        await flush(result.value);
        forget(result.value);
      }
      entries.clear();
    },
    onAutoVersionDue(listener) {
      autoVersion = listener;
    },
  };
  const stopRelay = relay?.subscribe((pageId, update) => documents.applyRemoteUpdate(pageId, update));
  return documents;
}
