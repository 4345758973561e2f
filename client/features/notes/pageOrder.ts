import type { NotePage } from "../../../shared/schemas/notes";

/** Pages in notebook order (the server's `position`, ties by creation so the order is stable). */
export function inNotebookOrder(pages: readonly NotePage[]): NotePage[] {
  return [...pages].sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
}

export interface PageMove {
  /** The notebook as it looks after the move, positions renumbered 0…n-1. */
  pages: NotePage[];
  /** The moved page's new 0-based place, as the server's `position` expects it. */
  position: number;
}

/**
 * Moves a page one step up (`-1`) or down (`+1`). Returns null at either end or for an unknown page,
 * so the caller can leave the button disabled instead of sending a request that changes nothing.
 */
export function movePage(pages: readonly NotePage[], pageId: string, step: -1 | 1): PageMove | null {
  const ordered = inNotebookOrder(pages);
  const from = ordered.findIndex((page) => page.id === pageId);
  if (from === -1) return null;
  const to = from + step;
  if (to < 0 || to >= ordered.length) return null;
  const [moved] = ordered.splice(from, 1);
  ordered.splice(to, 0, moved!);
  return { pages: ordered.map((page, position) => (page.position === position ? page : { ...page, position })), position: to };
}

/**
 * Where to go when a page disappears: the page that took its place, else the one before it, else
 * nothing (the notebook is now empty).
 */
export function pageAfterRemoval(pagesBefore: readonly NotePage[], removedId: string): NotePage | null {
  const ordered = inNotebookOrder(pagesBefore);
  const index = ordered.findIndex((page) => page.id === removedId);
  const rest = ordered.filter((page) => page.id !== removedId);
  if (rest.length === 0) return null;
  if (index === -1) return rest[0]!;
  return rest[Math.min(index, rest.length - 1)]!;
}
