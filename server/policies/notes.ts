import { eq } from "drizzle-orm";
import { isNotebookReadOnly } from "../../shared/notes";
import type { Db } from "../db/database";
import { breakoutRooms, groups, memberships, notePages } from "../db/schema";
import { AppError } from "../domain/appError";
import { authorizeBreakout, authorizeGatheringContent } from "./gatherings";
import { authorizeGroup, type GroupAccess } from "./groups";

export type NotePageRow = typeof notePages.$inferSelect;

/**
 * What a member may do with the group notebook:
 * - `read`: see pages and their text (any member who accepted the agreement);
 * - `write`: add, rename, reorder, edit and restore — while the group has not ended, unless a
 *   facilitator gave the member read access only;
 * - `delete`: remove a page — its author or a facilitator, with the same conditions as `write`.
 * An ended group's notebook stays readable for its members.
 */
export type NoteAction = "read" | "write" | "delete";

export interface NotebookAccess extends GroupAccess {
  /** True when the member may read but not change the notebook. */
  readOnly: boolean;
}

export async function authorizeNotebook(db: Db, userId: string, groupId: string, action: NoteAction): Promise<NotebookAccess> {
  const access = await authorizeGroup(db, userId, groupId, "viewContent");
  const readOnly = isNotebookReadOnly(access.group.phase, access.membership);
  if (action !== "read" && readOnly) {
    if (access.group.phase === "ended") throw new AppError("group_ended", "The group has ended; its notes can be read but not changed");
    throw new AppError("forbidden", "You have read access to this notebook; a facilitator can let you edit it");
  }
  return { ...access, readOnly };
}

/**
 * The members of a group who may only read its notebook now, for switching open connections when a
 * membership or the group's phase changes. Members who have not accepted the agreement have no
 * connections to switch.
 */
export async function notebookReaders(db: Db, groupId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role, notesReadOnly: memberships.notesReadOnly, phase: groups.phase })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(eq(memberships.groupId, groupId));
  return new Set(rows.filter((row) => isNotebookReadOnly(row.phase, row)).map((row) => row.userId));
}

type GroupPageRow = NotePageRow & { groupId: string };

async function findPage(db: Db, pageId: string): Promise<NotePageRow> {
  const [page] = await db.select().from(notePages).where(eq(notePages.id, pageId)).limit(1);
  if (!page) throw new AppError("not_found", PAGE_NOT_FOUND);
  return page;
}

const PAGE_NOT_FOUND = "No such page, or you are not part of it";

/** A page id must reveal no more than a group or gathering id does. */
function pageNotFound(error: unknown): never {
  if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", PAGE_NOT_FOUND);
  throw error;
}

/**
 * A page of a group's notebook, for what only notebook pages have: renaming, moving, deleting. A
 * gathering's pages (plenary minutes, breakout notes) are made with the gathering and stay with it.
 */
export async function authorizeNotebookPage(
  db: Db,
  userId: string,
  pageId: string,
  action: NoteAction,
): Promise<NotebookAccess & { page: GroupPageRow }> {
  const page = await findPage(db, pageId);
  if (!page.groupId) {
    await authorizeGatheringPage(db, userId, page, "read").catch(pageNotFound);
    throw new AppError("forbidden", "A gathering's page stays with the gathering: it is not renamed, moved or deleted");
  }
  const access = await authorizeNotebook(db, userId, page.groupId, action).catch(pageNotFound);
  if (action === "delete" && page.createdBy !== userId && access.membership.role !== "facilitator") {
    throw new AppError("forbidden", "Only the page's author or a facilitator can delete it");
  }
  return { ...access, page: { ...page, groupId: page.groupId } };
}

/**
 * A gathering's page follows the gathering: a breakout room's notes are its members' (and the hosts'),
 * the plenary minutes everyone's taking part.
 */
async function authorizeGatheringPage(db: Db, userId: string, page: NotePageRow, action: "read" | "write"): Promise<{ readOnly: boolean }> {
  const [breakout] = await db.select({ id: breakoutRooms.id }).from(breakoutRooms).where(eq(breakoutRooms.notesPageId, page.id)).limit(1);
  if (breakout) return authorizeBreakout(db, userId, breakout.id, action);
  if (!page.gatheringId) throw new AppError("not_found", PAGE_NOT_FOUND);
  return authorizeGatheringContent(db, userId, page.gatheringId, action);
}

export interface NotePageAccess {
  page: NotePageRow;
  /** True when this person may read the page but not change it. */
  readOnly: boolean;
}

/** Any page, a notebook's or a gathering's: open its text, edit it, see and restore its history. */
export async function authorizeNotePage(db: Db, userId: string, pageId: string, action: "read" | "write"): Promise<NotePageAccess> {
  const page = await findPage(db, pageId);
  if (page.groupId) {
    const { readOnly } = await authorizeNotebook(db, userId, page.groupId, action).catch(pageNotFound);
    return { page, readOnly };
  }
  const { readOnly } = await authorizeGatheringPage(db, userId, page, action).catch(pageNotFound);
  return { page, readOnly };
}
