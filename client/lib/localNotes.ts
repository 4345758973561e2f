/**
 * Notebook pages kept in the browser (IndexedDB, through y-indexeddb) so typing offline survives a
 * reload. Each store belongs to one person; signing out removes that person's stores, so the next
 * person on a shared computer finds nothing of theirs.
 */
const PREFIX = "piiri-note:";

export function localStoreName(userId: string, pageId: string): string {
  return `${PREFIX}${userId}:${pageId}`;
}

export async function forgetLocalNotes(userId: string): Promise<void> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
  const names = (await indexedDB.databases()).map((database) => database.name ?? "").filter((name) => name.startsWith(`${PREFIX}${userId}:`));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          // A store still open in another tab is deleted once that tab lets go; do not wait for it.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
