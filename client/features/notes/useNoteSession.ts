import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { noteDocName, type NoteCursorUser } from "../../../shared/notes";
import { localStoreName } from "../../lib/localNotes";
import { notesApi } from "./notesApi";
import { notesSocketUrl, openNoteConnection, type NoteLinkStatus, type NoteStopReason } from "./noteConnection";

/** How long to wait for the local copy before showing the editor anyway (storage may be unavailable). */
const LOCAL_LOAD_TIMEOUT_MS = 1500;

export interface NoteSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: NoteLinkStatus;
  /** What the last ticket said; the notebook's own `readOnly` is combined with it by the page. */
  readOnly: boolean;
  stopped: NoteStopReason | null;
  reconnect(): void;
}

interface Live {
  doc: Y.Doc;
  provider: WebsocketProvider;
  reconnect(): void;
}

/**
 * Opens a page's document: first the copy kept in this browser (so edits made offline survive a
 * reload), then the live connection, which merges both ways once it is up. Null until the local
 * copy has loaded.
 */
export function useNoteSession(pageId: string, userId: string): NoteSession | null {
  const [live, setLive] = useState<Live | null>(null);
  const [status, setStatus] = useState<NoteLinkStatus>("connecting");
  const [readOnly, setReadOnly] = useState(false);
  const [stopped, setStopped] = useState<NoteStopReason | null>(null);

  useEffect(() => {
    let cancelled = false;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(localStoreName(userId, pageId), doc);
    const connection = openNoteConnection({
      doc,
      docName: noteDocName(pageId),
      serverUrl: notesSocketUrl(window.location),
      fetchTicket: () => notesApi.ticket(pageId),
      onStatus: (next) => !cancelled && setStatus(next),
      onReadOnly: (next) => !cancelled && setReadOnly(next),
      onStopped: (reason) => {
        if (cancelled) return;
        setStopped(reason);
        // A deleted page's local copy has nowhere to go; keeping it would only take space.
        if (reason === "pageDeleted") void local.clearData();
      },
    });
    const reconnect = () => {
      setStopped(null);
      connection.reconnect();
    };

    let timeout: ReturnType<typeof setTimeout> | undefined;
    void Promise.race([
      local.whenSynced.catch(() => undefined),
      new Promise<void>((resolve) => (timeout = setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS))),
    ]).then(() => {
      clearTimeout(timeout);
      if (!cancelled) setLive({ doc, provider: connection.provider, reconnect });
    });

    return () => {
      cancelled = true;
      clearTimeout(timeout);
      setLive(null);
      setStatus("connecting");
      setReadOnly(false);
      setStopped(null);
      connection.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [pageId, userId]);

  if (!live) return null;
  return { ...live, status, readOnly, stopped };
}

/** The people with the page open right now, one entry per person however many tabs they have. */
export function useEditingNow(provider: WebsocketProvider | null): NoteCursorUser[] {
  const [people, setPeople] = useState<NoteCursorUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const update = () => {
      const byId = new Map<string, NoteCursorUser>();
      for (const state of awareness.getStates().values()) {
        const user = (state as { user?: Partial<NoteCursorUser> }).user;
        if (user && typeof user.id === "string" && typeof user.name === "string" && typeof user.color === "string") {
          byId.set(user.id, { id: user.id, name: user.name, color: user.color });
        }
      }
      const next = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
      setPeople((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);
  return people;
}
