import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Logger } from "pino";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { ERROR_STATUS } from "../../shared/errors";
import { NOTES } from "../../shared/limits";
import { NOTE_CLOSE, NOTES_SOCKET_PATH, pageIdOfDocName, type NoteCursorUser } from "../../shared/notes";
import { AppError } from "../domain/appError";
import type { NoteDocument, NoteDocuments } from "./noteDocuments";

/** Who a notes connection belongs to, settled before the upgrade completes. */
export interface NoteConnectionAccess {
  userId: string;
  sessionId: string;
  /** The group of a notebook page; null for a gathering's page. */
  groupId: string | null;
  pageId: string;
  readOnly: boolean;
  user: NoteCursorUser;
}

export interface NoteSocketServer {
  /** Takes the upgrade when its path is the notes socket's; returns false to leave it to others. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes the connections whose access matches, e.g. a removed member's or an ended session's. */
  closeWhere(matches: (access: NoteConnectionAccess) => boolean, code: number, reason: string): void;
  /** Switches the connections of a group to read-only or back (the group ended or was reopened). */
  setReadOnly(matches: (access: NoteConnectionAccess) => boolean, readOnly: boolean): void;
  close(): Promise<void>;
}

// y-websocket's message types (y-websocket/src/y-websocket.js).
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

const PING_INTERVAL_MS = 30_000;

interface Connection {
  ws: WebSocket;
  access: NoteConnectionAccess;
  /** Awareness client ids this connection has spoken for; nobody else may use them. */
  clientIds: Set<number>;
  alive: boolean;
}

interface Room {
  pageId: string;
  connections: Set<Connection>;
  ready: Promise<NoteDocument>;
  detach: () => void;
}

function send(connection: Connection, message: Uint8Array): void {
  if (connection.ws.readyState !== WebSocket.OPEN) return;
  connection.ws.send(message, (error) => {
    if (error) connection.ws.terminate();
  });
}

function refuseUpgrade(socket: Duplex, status: number): void {
  const reason = status === 401 ? "Unauthorized" : status === 403 ? "Forbidden" : status === 404 ? "Not Found" : "Service Unavailable";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Rewrites an awareness update so each state carries the authenticated person under `user`, and drops
 * states for client ids that another connection already speaks for. Returns null when nothing is left.
 */
function stampAwareness(update: Uint8Array, connection: Connection, owners: Map<number, Connection>): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const owner = owners.get(clientId);
    if (owner && owner !== connection) continue;
    let state: unknown = null;
    try {
      state = JSON.parse(raw);
    } catch {
      continue;
    }
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) continue;
    const stamped = state === null ? null : { ...(state as Record<string, unknown>), user: connection.access.user };
    owners.set(clientId, connection);
    connection.clientIds.add(clientId);
    kept.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The notes socket: the y-websocket protocol (sync and awareness from y-protocols) on
 * `/yjs/<docName>?ticket=…`, with the ticket redeemed before the upgrade completes. What a
 * connection may do is decided once by `authorize`, and changed only by the server.
 */
export function createNoteSocketServer(options: {
  documents: NoteDocuments;
  /** Redeems the single-use ticket for the page, or throws an AppError (401/403/404). */
  authorize: (ticket: string, pageId: string) => Promise<NoteConnectionAccess>;
  logger: Logger;
}): NoteSocketServer {
  const { documents, logger } = options;
  // Frames above the limit are refused by ws itself with close code 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: NOTES.maxUpdateBytes });
  const rooms = new Map<string, Room>();
  const awarenessOwners = new Map<string, Map<number, Connection>>();

  function openRoom(pageId: string): Room {
    const existing = rooms.get(pageId);
    if (existing) return existing;
    const connections = new Set<Connection>();
    const owners = new Map<number, Connection>();
    awarenessOwners.set(pageId, owners);
    let detachDocument = () => {};
    const room: Room = {
      pageId,
      connections,
      ready: documents.acquire(pageId).then((document) => {
        const onUpdate = (update: Uint8Array, origin: unknown) => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeUpdate(encoder, update);
          const message = encoding.toUint8Array(encoder);
          for (const connection of connections) if (connection !== origin) send(connection, message);
        };
        const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
          const changed = [...added, ...updated, ...removed];
          if (changed.length === 0) return;
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(document.awareness, changed));
          const message = encoding.toUint8Array(encoder);
          for (const connection of connections) send(connection, message);
        };
        document.doc.on("update", onUpdate);
        document.awareness.on("update", onAwareness);
        detachDocument = () => {
          document.doc.off("update", onUpdate);
          document.awareness.off("update", onAwareness);
        };
        return document;
      }),
      detach: () => detachDocument(),
    };
    room.ready.catch(() => undefined);
    rooms.set(pageId, room);
    return room;
  }

  function leave(room: Room, connection: Connection): void {
    if (!room.connections.delete(connection)) return;
    const owners = awarenessOwners.get(room.pageId);
    void room.ready.then((document) => {
      for (const clientId of connection.clientIds) owners?.delete(clientId);
      awarenessProtocol.removeAwarenessStates(document.awareness, [...connection.clientIds], null);
      if (room.connections.size > 0 || rooms.get(room.pageId) !== room) return;
      rooms.delete(room.pageId);
      awarenessOwners.delete(room.pageId);
      room.detach();
      documents.release(room.pageId);
    }, () => {
      if (room.connections.size === 0 && rooms.get(room.pageId) === room) rooms.delete(room.pageId);
    });
  }

  function handleMessage(room: Room, document: NoteDocument, connection: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.peekVarUint(decoder);
        if (syncType !== syncProtocol.messageYjsSyncStep1) {
          // Step 2 and updates change the document: dropped for a read-only reader.
          if (connection.access.readOnly) return;
          if (document.approximateBytes + data.byteLength > NOTES.maxDocumentBytes) {
            connection.ws.close(NOTE_CLOSE.documentTooLarge, "document_too_large");
            return;
          }
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        // y-protocols reports a broken update to this handler instead of throwing; treat it as malformed.
        syncProtocol.readSyncMessage(decoder, encoder, document.doc, connection, (error) => {
          throw error;
        });
        if (encoding.length(encoder) > 1) send(connection, encoding.toUint8Array(encoder));
        return;
      }
      case MESSAGE_AWARENESS: {
        const owners = awarenessOwners.get(room.pageId);
        if (!owners) return;
        const stamped = stampAwareness(decoding.readVarUint8Array(decoder), connection, owners);
        if (stamped) awarenessProtocol.applyAwarenessUpdate(document.awareness, stamped, connection);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(document.awareness, [...document.awareness.getStates().keys()]));
        send(connection, encoding.toUint8Array(encoder));
        return;
      }
      default:
        // Unknown message types (y-websocket's auth message among them) carry nothing we act on.
        return;
    }
  }

  function accept(ws: WebSocket, access: NoteConnectionAccess): void {
    const connection: Connection = { ws, access, clientIds: new Set(), alive: true };
    const room = openRoom(access.pageId);
    room.connections.add(connection);
    // The provider speaks first (sync step 1) — possibly before the document has loaded — so
    // messages wait in order until it has.
    const queue: Uint8Array[] = [];
    let document: NoteDocument | null = null;
    const process = (data: Uint8Array) => {
      try {
        handleMessage(room, document!, connection, data);
      } catch (error) {
        logger.warn({ err: error, pageId: access.pageId }, "malformed notes message; closing the connection");
        ws.close(1007, "malformed_message");
      }
    };
    ws.on("message", (data: RawData) => {
      const bytes = data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data as ArrayBuffer);
      if (document) process(bytes);
      else queue.push(bytes);
    });
    ws.on("pong", () => {
      connection.alive = true;
    });
    ws.on("close", () => leave(room, connection));
    ws.on("error", () => ws.terminate());
    room.ready.then(
      (loaded) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        document = loaded;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, loaded.doc);
        send(connection, encoding.toUint8Array(encoder));
        const states = [...loaded.awareness.getStates().keys()];
        if (states.length > 0) {
          const awarenessEncoder = encoding.createEncoder();
          encoding.writeVarUint(awarenessEncoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(awarenessEncoder, awarenessProtocol.encodeAwarenessUpdate(loaded.awareness, states));
          send(connection, encoding.toUint8Array(awarenessEncoder));
        }
        for (const data of queue.splice(0)) process(data);
      },
      (error: unknown) => {
        logger.error({ err: error, pageId: access.pageId }, "loading a note failed");
        ws.close(1011, "load_failed");
      },
    );
  }

  const heartbeat = setInterval(() => {
    for (const room of rooms.values()) {
      for (const connection of room.connections) {
        // A connection that did not answer the last ping is gone (sleeping laptop, dropped network).
        if (!connection.alive) {
          connection.ws.terminate();
          continue;
        }
        connection.alive = false;
        connection.ws.ping();
      }
    }
  }, PING_INTERVAL_MS);
  heartbeat.unref();

  function allConnections(): Connection[] {
    return [...rooms.values()].flatMap((room) => [...room.connections]);
  }

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith(`${NOTES_SOCKET_PATH}/`)) return false;
      const pageId = pageIdOfDocName(decodeURIComponent(url.pathname.slice(NOTES_SOCKET_PATH.length + 1)));
      const ticket = url.searchParams.get("ticket");
      if (!pageId) {
        refuseUpgrade(socket, 404);
        return true;
      }
      if (!ticket) {
        refuseUpgrade(socket, 401);
        return true;
      }
      options.authorize(ticket, pageId).then(
        (access) => {
          if (socket.destroyed) return;
          wss.handleUpgrade(request, socket, head, (ws) => accept(ws, access));
        },
        (error: unknown) => {
          if (!(error instanceof AppError)) logger.error({ err: error }, "authorizing a notes connection failed");
          refuseUpgrade(socket, error instanceof AppError ? ERROR_STATUS[error.code] : 503);
        },
      );
      return true;
    },
    closeWhere(matches, code, reason) {
      for (const connection of allConnections()) if (matches(connection.access)) connection.ws.close(code, reason);
    },
    setReadOnly(matches, readOnly) {
      for (const connection of allConnections()) if (matches(connection.access)) connection.access.readOnly = readOnly;
    },
    async close() {
      clearInterval(heartbeat);
      for (const connection of allConnections()) connection.ws.close(NOTE_CLOSE.goingAway, "server_shutdown");
      await documents.close();
      wss.close();
    },
  };
}
