import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import * as Y from "yjs";
import { NOTES } from "../../shared/limits";
import { cursorColour, NOTE_FRAGMENT, noteDocName } from "../../shared/notes";
import type { NotePage, NoteTicketResponse, NoteVersion } from "../../shared/schemas/notes";
import { createOpaqueToken, hashOpaqueToken } from "../auth/tokens";
import type { Db } from "../db/database";
import { groups, notePages, noteTickets, noteVersions, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { fragmentToMarkdown } from "../domain/noteMarkdown";
import { authorizeNotebook, authorizeNotebookPage, authorizeNotePage } from "../policies/notes";
import type { NoteConnectionAccess } from "../realtime/noteSocket";
import { isSessionActive } from "./accounts";

type PageRow = typeof notePages.$inferSelect;
type VersionRow = Omit<typeof noteVersions.$inferSelect, "state">;
type Person = { id: string; displayName: string } | null;

function person(id: string | null, displayName: string | null): Person {
  return id && displayName !== null ? { id, displayName } : null;
}

/** A notebook page as its group's members see it (a gathering's pages are shown by the gathering). */
function presentPage(row: PageRow & { groupId: string }, authorName: string | null): NotePage {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    position: row.position,
    createdBy: person(row.createdBy, authorName),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentVersion(row: VersionRow, authorName: string | null): NoteVersion {
  return {
    id: row.id,
    pageId: row.pageId,
    name: row.name,
    kind: row.kind as NoteVersion["kind"],
    createdBy: person(row.createdBy, authorName),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listPages(db: Db, groupId: string): Promise<NotePage[]> {
  const rows = await db
    .select({ page: notePages, authorName: users.displayName })
    .from(notePages)
    .leftJoin(users, eq(users.id, notePages.createdBy))
    .where(eq(notePages.groupId, groupId))
    .orderBy(asc(notePages.position), asc(notePages.createdAt));
  return rows.map((row) => presentPage({ ...row.page, groupId }, row.authorName));
}

async function loadPage(db: Db, pageId: string): Promise<NotePage> {
  const [row] = await db
    .select({ page: notePages, authorName: users.displayName })
    .from(notePages)
    .leftJoin(users, eq(users.id, notePages.createdBy))
    .where(eq(notePages.id, pageId));
  if (!row?.page.groupId) throw new AppError("not_found", "No such page");
  return presentPage({ ...row.page, groupId: row.page.groupId }, row.authorName);
}

/** Adds a page at the end of the notebook. The group row is locked so the page limit holds under races. */
export async function createPage(db: Db, userId: string, groupId: string, title: string): Promise<NotePage> {
  await authorizeNotebook(db, userId, groupId, "write");
  const pageId = await db.transaction(async (tx) => {
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId)).for("update");
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(notePages)
      .where(eq(notePages.groupId, groupId));
    if (count >= NOTES.pagesPerGroup) throw new AppError("notebook_full", `A notebook holds at most ${NOTES.pagesPerGroup} pages`);
    const [row] = await tx.insert(notePages).values({ groupId, title, position: count, createdBy: userId }).returning({ id: notePages.id });
    return row!.id;
  });
  return loadPage(db, pageId);
}

/** Renames and/or moves a page; moving renumbers the notebook so positions stay 0..n-1. */
export async function updatePage(db: Db, userId: string, pageId: string, change: { title?: string; position?: number }): Promise<NotePage> {
  const { page } = await authorizeNotebookPage(db, userId, pageId, "write");
  await db.transaction(async (tx) => {
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, page.groupId)).for("update");
    if (change.title !== undefined) {
      await tx.update(notePages).set({ title: change.title, updatedAt: new Date() }).where(eq(notePages.id, pageId));
    }
    if (change.position !== undefined) {
      const order = await tx
        .select({ id: notePages.id })
        .from(notePages)
        .where(eq(notePages.groupId, page.groupId))
        .orderBy(asc(notePages.position), asc(notePages.createdAt));
      const ids = order.map((row) => row.id).filter((id) => id !== pageId);
      ids.splice(Math.min(change.position, ids.length), 0, pageId);
      await renumber(tx, ids);
    }
  });
  return loadPage(db, pageId);
}

async function renumber(tx: Db, orderedIds: string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  // One statement for the whole notebook: positions from the array's order.
  await tx.execute(sql`
    update note_pages set position = ordered.position - 1
    from unnest(${sql.raw(`array[${orderedIds.map((id) => `'${id}'::uuid`).join(",")}]`)}) with ordinality as ordered(id, position)
    where note_pages.id = ordered.id`);
}

export async function deletePage(db: Db, userId: string, pageId: string): Promise<string> {
  const { page } = await authorizeNotebookPage(db, userId, pageId, "delete");
  await db.transaction(async (tx) => {
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, page.groupId)).for("update");
    await tx.delete(notePages).where(eq(notePages.id, pageId));
    const rest = await tx
      .select({ id: notePages.id })
      .from(notePages)
      .where(eq(notePages.groupId, page.groupId))
      .orderBy(asc(notePages.position), asc(notePages.createdAt));
    await renumber(tx, rest.map((row) => row.id));
  });
  return page.groupId;
}

/** A single-use ticket for one notes websocket; the access token never goes into a URL. */
export async function issueTicket(db: Db, userId: string, sessionId: string, pageId: string): Promise<NoteTicketResponse> {
  const { readOnly } = await authorizeNotePage(db, userId, pageId, "read");
  const { token, hash } = createOpaqueToken();
  const expiresAt = new Date(Date.now() + NOTES.ticketTtlSeconds * 1000);
  await db.insert(noteTickets).values({ tokenHash: hash, userId, sessionId, pageId, expiresAt });
  return { ticket: token, docName: noteDocName(pageId), readOnly, expiresAt: expiresAt.toISOString() };
}

/**
 * Spends a ticket and settles what the connection may do. Marking it used and checking it are one
 * statement, so two upgrades racing with the same ticket cannot both pass.
 */
export async function redeemTicket(db: Db, ticket: string, pageId: string): Promise<NoteConnectionAccess> {
  const [spent] = await db
    .update(noteTickets)
    .set({ usedAt: new Date() })
    .where(and(eq(noteTickets.tokenHash, hashOpaqueToken(ticket)), isNull(noteTickets.usedAt), gt(noteTickets.expiresAt, new Date())))
    .returning();
  if (!spent) throw new AppError("token_invalid", "The ticket is unknown, used or expired");
  if (spent.pageId !== pageId) throw new AppError("forbidden", "The ticket is for another page");
  if (!(await isSessionActive(db, spent.sessionId, spent.userId))) throw new AppError("session_ended", "The session has ended");
  const access = await authorizeNotePage(db, spent.userId, pageId, "read").catch((error: unknown) => {
    // The ticket proves its holder once had access: losing it since (removed, left, page gone) is a
    // refusal (403), not an unknown address.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "agreement_required")) {
      throw new AppError("forbidden", "Your access to this page has ended");
    }
    throw error;
  });
  const [user] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, spent.userId));
  return {
    userId: spent.userId,
    sessionId: spent.sessionId,
    groupId: access.page.groupId,
    pageId,
    readOnly: access.readOnly,
    user: { id: spent.userId, name: user?.displayName ?? "", color: cursorColour(spent.userId) },
  };
}

/** Removes spent and expired tickets; they are useless once either. */
export async function purgeTickets(db: Db): Promise<void> {
  await db.delete(noteTickets).where(sql`${noteTickets.usedAt} is not null or ${noteTickets.expiresAt} < now()`);
}

// ── Versions ─────────────────────────────────────────────────────────────────

export async function saveVersion(
  db: Db,
  pageId: string,
  state: Uint8Array,
  version: { name: string | null; kind: NoteVersion["kind"]; createdBy: string | null },
): Promise<NoteVersion> {
  const [row] = await db.insert(noteVersions).values({ pageId, state, ...version }).returning();
  const [author] = version.createdBy ? await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, version.createdBy)) : [];
  const { state: _state, ...rest } = row!;
  return presentVersion(rest, author?.displayName ?? null);
}

export async function listVersions(db: Db, pageId: string): Promise<NoteVersion[]> {
  const rows = await db
    .select({
      id: noteVersions.id,
      pageId: noteVersions.pageId,
      name: noteVersions.name,
      kind: noteVersions.kind,
      createdBy: noteVersions.createdBy,
      createdAt: noteVersions.createdAt,
      authorName: users.displayName,
    })
    .from(noteVersions)
    .leftJoin(users, eq(users.id, noteVersions.createdBy))
    .where(eq(noteVersions.pageId, pageId))
    .orderBy(desc(noteVersions.createdAt))
    .limit(200);
  return rows.map(({ authorName, ...row }) => presentVersion(row, authorName));
}

export async function loadVersion(db: Db, pageId: string, versionId: string): Promise<{ version: NoteVersion; state: Uint8Array }> {
  const [row] = await db
    .select({ version: noteVersions, authorName: users.displayName })
    .from(noteVersions)
    .leftJoin(users, eq(users.id, noteVersions.createdBy))
    .where(and(eq(noteVersions.id, versionId), eq(noteVersions.pageId, pageId)));
  if (!row) throw new AppError("not_found", "No such version of this page");
  const { state, ...rest } = row.version;
  return { version: presentVersion(rest, row.authorName), state };
}

/** The page's text as Markdown, from a document state. */
export function stateToMarkdown(state: Uint8Array): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return fragmentToMarkdown(doc.getXmlFragment(NOTE_FRAGMENT));
  } finally {
    doc.destroy();
  }
}
