/**
 * Shared notes: how a page maps to a Yjs document, the close codes the notes socket uses, and the
 * colour a person's cursor gets. Both ends import this, so a name or code is defined once.
 */

const DOC_PREFIX = "note:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The y-websocket room (the path segment after `/yjs/`) of a notebook page. */
export function noteDocName(pageId: string): string {
  return `${DOC_PREFIX}${pageId}`;
}

/** The page id in a document name, or null when the name is not one of ours. */
export function pageIdOfDocName(docName: string): string | null {
  if (!docName.startsWith(DOC_PREFIX)) return null;
  const pageId = docName.slice(DOC_PREFIX.length);
  return UUID.test(pageId) ? pageId.toLowerCase() : null;
}

/**
 * Whether a member may only read the group's notebook: everyone once the group has ended, and a member
 * a facilitator gave read access only. Facilitators run the notebook, so that mark never binds them (a
 * coordinator may appoint a marked member without clearing it). The server enforces it; the client
 * uses it to show the notebook as it is.
 */
export function isNotebookReadOnly(groupPhase: string, membership: { role: string; notesReadOnly: boolean }): boolean {
  return groupPhase === "ended" || (membership.notesReadOnly && membership.role !== "facilitator");
}

/** The path the notes websocket answers on; the client appends `/<docName>?ticket=…`. */
export const NOTES_SOCKET_PATH = "/yjs";

/** The Y.Doc field TipTap's collaboration extension edits (its default). */
export const NOTE_FRAGMENT = "default";

/**
 * WebSocket close codes of the notes socket. 1009 is the standard "message too big" that the socket
 * library sends for an oversize frame; the 44xx codes mirror the HTTP statuses they stand for.
 */
export const NOTE_CLOSE = {
  /** One frame was larger than NOTES.maxUpdateBytes. */
  frameTooLarge: 1009,
  /** The server is shutting down; pending edits were saved, the provider reconnects elsewhere. */
  goingAway: 1001,
  /** Access ended while connected (removed from the group, signed out). */
  accessRevoked: 4403,
  /** The page was deleted while open. */
  pageDeleted: 4404,
  /** The update would grow the document past NOTES.maxDocumentBytes; it was not applied. */
  documentTooLarge: 4413,
} as const;

/** Cursor colours with at least 4.5:1 contrast against white label text. */
const CURSOR_COLOURS = ["#0b6e4f", "#8a3b12", "#1d4ed8", "#7e22ce", "#9f1239", "#0f5f73", "#6b4c00", "#3f3f9f"] as const;

/** A stable colour per person, so the same person looks the same on every device. */
export function cursorColour(userId: string): string {
  let hash = 0;
  for (let index = 0; index < userId.length; index++) hash = (hash * 31 + userId.charCodeAt(index)) >>> 0;
  return CURSOR_COLOURS[hash % CURSOR_COLOURS.length]!;
}

/** What the server stamps into every awareness state under `user`; clients cannot choose it. */
export interface NoteCursorUser {
  id: string;
  name: string;
  color: string;
}
