import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { NOTE_CLOSE, NOTES_SOCKET_PATH } from "../../../shared/notes";
import type { NoteTicketResponse } from "../../../shared/schemas/notes";
import { ApiError, isSessionLost } from "../../lib/api";

/** What the person sees about the live connection. */
export type NoteLinkStatus = "connecting" | "connected" | "offline";

/** Why the editor stopped connecting for good; each has its own message. */
export type NoteStopReason = "accessRevoked" | "pageDeleted" | "tooLarge" | "sessionEnded";

/** The close codes after which reconnecting cannot help, and what they mean to the person. */
export function stopReasonOfClose(code: number): NoteStopReason | null {
  switch (code) {
    case NOTE_CLOSE.accessRevoked:
      return "accessRevoked";
    case NOTE_CLOSE.pageDeleted:
      return "pageDeleted";
    // The same oversized update would be sent again on every reconnect.
    case NOTE_CLOSE.documentTooLarge:
    case NOTE_CLOSE.frameTooLarge:
      return "tooLarge";
    default:
      return null;
  }
}

/** A refused ticket request that retrying will not fix; null means "try again later". */
export function stopReasonOfTicketError(error: unknown): NoteStopReason | null {
  if (isSessionLost(error)) return "sessionEnded";
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return "sessionEnded";
  if (error.status === 403) return "accessRevoked";
  if (error.status === 404) return "pageDeleted";
  return null;
}

/** Exponential backoff between reconnect attempts: 250 ms, 500 ms, 1 s … capped. */
export function reconnectDelay(attempt: number, maxMs = 5000): number {
  return Math.min(250 * 2 ** Math.max(0, attempt), maxMs);
}

/** `ws(s)://host/yjs` for the page's own origin. */
export function notesSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${NOTES_SOCKET_PATH}`;
}

export interface NoteConnectionOptions {
  doc: Y.Doc;
  docName: string;
  serverUrl: string;
  /** A fresh single-use ticket; called before every (re)connect. */
  fetchTicket(): Promise<NoteTicketResponse>;
  onStatus(status: NoteLinkStatus): void;
  onReadOnly(readOnly: boolean): void;
  onStopped(reason: NoteStopReason): void;
}

export interface NoteConnection {
  provider: WebsocketProvider;
  /** Try again at once (after a stop, or to skip the backoff when the network is back). */
  reconnect(): void;
  destroy(): void;
}

/**
 * The stock y-websocket provider with ticket handling. A ticket works once, so the provider's own
 * reconnect (which would reuse the spent one) is held back via `shouldConnect`, a fresh ticket is
 * fetched, and only then does the provider connect again. Edits made meanwhile stay in the Y.Doc
 * and are merged by the sync handshake when the connection returns.
 */
export function openNoteConnection(options: NoteConnectionOptions): NoteConnection {
  const { doc, docName, serverUrl, fetchTicket, onStatus, onReadOnly, onStopped } = options;
  const provider = new WebsocketProvider(serverUrl, docName, doc, { connect: false, maxBackoffTime: 5000 });

  let destroyed = false;
  let stopped = false;
  let attempt = 0;
  let everTried = false;
  let socketConnected = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStatus: NoteLinkStatus | null = null;

  const browserOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

  function report(): void {
    const status: NoteLinkStatus = socketConnected && !browserOffline() ? "connected" : everTried ? "offline" : "connecting";
    if (status === lastStatus) return;
    lastStatus = status;
    onStatus(status);
  }

  function stop(reason: NoteStopReason, duringClose = false): void {
    stopped = true;
    clearTimeout(timer);
    // Inside the provider's own close handling the socket is already going; disconnecting there
    // would run that handling a second time.
    if (duringClose) provider.shouldConnect = false;
    else provider.disconnect();
    socketConnected = false;
    everTried = true;
    report();
    onStopped(reason);
  }

  async function connectWithFreshTicket(): Promise<void> {
    timer = undefined;
    if (destroyed || stopped) return;
    try {
      const ticket = await fetchTicket();
      if (destroyed || stopped) return;
      onReadOnly(ticket.readOnly);
      provider.params = { ticket: ticket.ticket };
      provider.connect();
    } catch (error) {
      if (destroyed || stopped) return;
      const reason = stopReasonOfTicketError(error);
      if (reason) return stop(reason);
      everTried = true;
      report();
      scheduleRetry();
    }
  }

  function scheduleRetry(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void connectWithFreshTicket(), reconnectDelay(attempt++));
  }

  provider.on("connection-close", (event) => {
    if (destroyed || stopped) return;
    // A close we asked for ourselves (disconnect, destroy) needs nothing more.
    if (!provider.shouldConnect) return;
    socketConnected = false;
    everTried = true;
    const reason = event ? stopReasonOfClose(event.code) : null;
    if (reason) return stop(reason, true);
    provider.shouldConnect = false;
    report();
    scheduleRetry();
  });

  provider.on("status", ({ status }) => {
    if (destroyed) return;
    socketConnected = status === "connected";
    if (status !== "connecting") everTried = true;
    report();
  });

  // A connection that synced did useful work: the next outage starts the backoff afresh.
  provider.on("sync", (synced) => {
    if (synced) attempt = 0;
  });

  const onOffline = () => report();
  const onOnline = () => {
    report();
    // Waiting out a long backoff is pointless once the network is back.
    if (timer !== undefined && !stopped) {
      clearTimeout(timer);
      void connectWithFreshTicket();
    }
  };
  if (typeof window !== "undefined") {
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
  }

  report();
  void connectWithFreshTicket();

  return {
    provider,
    reconnect() {
      if (destroyed) return;
      stopped = false;
      attempt = 0;
      clearTimeout(timer);
      void connectWithFreshTicket();
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      if (typeof window !== "undefined") {
        window.removeEventListener("offline", onOffline);
        window.removeEventListener("online", onOnline);
      }
      provider.destroy();
    },
  };
}
