import { and, asc, eq, lte, max, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "./database";
import { notePages, noteUpdates, noteVersions } from "./schema";

/**
 * Where a page's Yjs document lives: rows of updates in storage order. Appending is cheap; loading
 * merges; compaction swaps the rows for one merged update in a transaction, so a reader sees either
 * the old rows or the new one, never a half.
 */
export interface LoadedDocument {
  /** The whole document as one update (an empty document when nothing is stored). */
  state: Uint8Array;
  /** How many rows it took; compaction is due when this grows. */
  rowCount: number;
}

async function storedUpdates(db: Db, pageId: string, lock = false): Promise<{ id: number; update: Uint8Array }[]> {
  const query = db
    .select({ id: noteUpdates.id, update: noteUpdates.update })
    .from(noteUpdates)
    .where(eq(noteUpdates.pageId, pageId))
    .orderBy(asc(noteUpdates.id));
  return lock ? query.for("update") : query;
}

/**
 * Applies the stored rows to `doc` in one transaction. Applying one by one is what makes loading fast:
 * Y.mergeUpdates over thousands of small updates costs seconds, applying them costs milliseconds.
 */
export async function loadDocumentInto(db: Db, pageId: string, doc: Y.Doc, origin: unknown): Promise<number> {
  const rows = await storedUpdates(db, pageId);
  doc.transact(() => {
    for (const row of rows) Y.applyUpdate(doc, row.update);
  }, origin);
  return rows.length;
}

export async function loadDocument(db: Db, pageId: string): Promise<LoadedDocument> {
  const doc = new Y.Doc();
  try {
    const rowCount = await loadDocumentInto(db, pageId, doc, null);
    return { state: Y.encodeStateAsUpdate(doc), rowCount };
  } finally {
    doc.destroy();
  }
}

export async function appendUpdate(db: Db, pageId: string, update: Uint8Array): Promise<void> {
  await db.insert(noteUpdates).values({ pageId, update });
}

/** Replaces every stored row of the page with one update of the whole document; returns its size in bytes. */
export async function compactDocument(db: Db, pageId: string): Promise<number> {
  return db.transaction(async (tx) => {
    // Rows appended during compaction have higher ids and are left for the next round.
    const rows = await storedUpdates(tx, pageId, true);
    if (rows.length <= 1) return rows[0]?.update.byteLength ?? 0;
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row.update);
    });
    const compacted = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const lastId = rows[rows.length - 1]!.id;
    await tx.delete(noteUpdates).where(and(eq(noteUpdates.pageId, pageId), lte(noteUpdates.id, lastId)));
    await tx.insert(noteUpdates).values({ pageId, update: compacted });
    return compacted.byteLength;
  });
}

export async function countUpdates(db: Db, pageId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(noteUpdates)
    .where(eq(noteUpdates.pageId, pageId));
  return row?.count ?? 0;
}

/**
 * Where the clock for the page's next automatic version starts: its newest saved version of any kind,
 * or its creation when it has none. Null for a page that does not exist.
 */
export async function lastVersionTime(db: Db, pageId: string): Promise<Date | null> {
  const [version] = await db.select({ at: max(noteVersions.createdAt) }).from(noteVersions).where(eq(noteVersions.pageId, pageId));
  if (version?.at) return version.at;
  const [page] = await db.select({ at: notePages.createdAt }).from(notePages).where(eq(notePages.id, pageId));
  return page?.at ?? null;
}
