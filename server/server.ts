import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createApp } from "./app";
import type { Database } from "./db/database";
import type { ServerDeps } from "./deps";
import { createAuthRateLimiters } from "./http/rateLimit";
import { rooms } from "../shared/events";
import { NOTE_CLOSE } from "../shared/notes";
import { listPages, purgeTickets, redeemTicket, saveVersion } from "./commands/notes";
import { notebookReaders } from "./policies/notes";
import { liveGatheringPageIds } from "./db/gatheringLive";
import { createRealtime, type Realtime, type SocketAdapter } from "./realtime";
import { createNoteDocuments, type NoteRelay } from "./realtime/noteDocuments";
import { createNoteSocketServer, type NoteSocketServer } from "./realtime/noteSocket";

export interface PiiriServerOptions {
  database: Database;
  jwtSecret: string;
  logger: Logger;
  clientDistDir?: string;
  trustProxy?: boolean;
  publicUrl?: string;
  /** Shares notes edits with other server nodes on the same database (see NoteRelay). */
  noteRelay?: NoteRelay;
  /** Shares Socket.IO rooms and emits with other server nodes (see realtime/scaleOut). */
  socketAdapter?: SocketAdapter;
}

export interface PiiriServer {
  httpServer: HttpServer;
  realtime: Realtime;
  /** Starts listening; resolves with the base URL, e.g. `http://127.0.0.1:41234`. */
  listen(port: number, host?: string): Promise<string>;
  /** Writes every pending note edit to the database now. */
  flushNotes(): Promise<void>;
  /** Stops accepting, closes sockets and waits for requests in flight. Does not close the database. */
  close(): Promise<void>;
}

const TICKET_PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** Wires HTTP, Socket.IO and the notes websocket around one database; knows nothing of env or signals. */
export function createPiiriServer(options: PiiriServerOptions): PiiriServer {
  const { db } = options.database;
  const noteDocuments = createNoteDocuments(db, options.logger, { relay: options.noteRelay });
  noteDocuments.onAutoVersionDue(async (pageId, state) => {
    await saveVersion(db, pageId, state, { name: null, kind: "auto", createdBy: null });
  });
  const noteSocket: NoteSocketServer = createNoteSocketServer({
    documents: noteDocuments,
    authorize: (ticket, pageId) => redeemTicket(db, ticket, pageId),
    logger: options.logger,
  });
  /** Switches a group's open notes connections to what their members may do now. */
  async function refreshNotesAccess(groupId: string): Promise<void> {
    const readers = await notebookReaders(db, groupId);
    noteSocket.setReadOnly((access) => access.groupId === groupId && readers.has(access.userId), true);
    noteSocket.setReadOnly((access) => access.groupId === groupId && !readers.has(access.userId), false);
  }

  // Socket.IO must attach after Express owns the request listener (it wraps the existing one), yet
  // routes need to reach the sockets; the notifier forwards to the realtime layer once it exists.
  let realtime: Realtime | undefined;
  const deps: ServerDeps = {
    database: options.database,
    jwtSecret: options.jwtSecret,
    logger: options.logger,
    limiters: createAuthRateLimiters(),
    clientDistDir: options.clientDistDir,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
    sessions: {
      sessionsEnded: (sessionIds) => {
        realtime?.sessionsEnded(sessionIds);
        noteSocket.closeWhere((access) => sessionIds.includes(access.sessionId), NOTE_CLOSE.accessRevoked, "session_ended");
      },
    },
    live: {
      groupChanged: async (groupId) => {
        await realtime!.live.groupChanged(groupId);
        // An ended group's notes become read-only at once for editors who have them open.
        await refreshNotesAccess(groupId);
      },
      membersChanged: async (groupId) => {
        await realtime!.live.membersChanged(groupId);
        // So does a member's notebook when a facilitator gives them read access only (and back).
        await refreshNotesAccess(groupId);
      },
      goalsChanged: (groupId) => realtime!.live.goalsChanged(groupId),
      assessmentsChanged: (groupId) => realtime!.live.assessmentsChanged(groupId),
      invitationsChanged: (groupId) => realtime!.live.invitationsChanged(groupId),
      memberJoined: (groupId, userId, contentAccess) => realtime!.live.memberJoined(groupId, userId, contentAccess),
      contentAccessGranted: (groupId, userId) => realtime!.live.contentAccessGranted(groupId, userId),
      memberLeft: (groupId, userId) => {
        realtime!.live.memberLeft(groupId, userId);
        void realtime!.meetings.memberLeft(groupId, userId);
        noteSocket.closeWhere((access) => access.groupId === groupId && access.userId === userId, NOTE_CLOSE.accessRevoked, "access_revoked");
        // So do the pages of the live gatherings the group was invited to (whose group is none).
        void liveGatheringPageIds(db, groupId).then(
          (pageIds) => deps.notes.accessEnded(userId, pageIds),
          (error: unknown) => options.logger.warn({ err: error }, "closing gathering notes failed"),
        );
      },
    },
    meetings: {
      meetingsChanged: (groupId) => realtime!.meetings.meetingsChanged(groupId),
      pollChanged: (pollId) => realtime!.meetings.pollChanged(pollId),
      roomChanged: (meeting) => realtime!.meetings.roomChanged(meeting),
      presence: (meetingId) => realtime!.meetings.presence(meetingId),
      memberLeft: (groupId, userId) => realtime!.meetings.memberLeft(groupId, userId),
      gatheringChanged: (gatheringId) => realtime!.meetings.gatheringChanged(gatheringId),
    },
    notes: {
      documents: noteDocuments,
      async pagesChanged(groupId) {
        realtime!.io.to(rooms.groupContent(groupId)).emit("notes:updated", { groupId, pages: await listPages(db, groupId) });
      },
      pageDeleted(pageId) {
        noteSocket.closeWhere((access) => access.pageId === pageId, NOTE_CLOSE.pageDeleted, "page_deleted");
      },
      setPagesReadOnly(pageIds, readOnly) {
        const pages = new Set(pageIds);
        noteSocket.setReadOnly((access) => pages.has(access.pageId), readOnly);
      },
      accessEnded(userId, pageIds) {
        const pages = new Set(pageIds);
        noteSocket.closeWhere((access) => access.userId === userId && pages.has(access.pageId), NOTE_CLOSE.accessRevoked, "access_revoked");
      },
    },
  };
  const httpServer = createServer(createApp(deps));
  realtime = createRealtime(httpServer, deps, { adapter: options.socketAdapter });
  httpServer.on("upgrade", (request, socket, head) => {
    if (noteSocket.handleUpgrade(request, socket, head)) return;
    // Socket.IO takes its own path; an upgrade anywhere else has no one to answer it.
    if (!request.url?.startsWith("/socket.io/")) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  const ticketPurge = setInterval(() => {
    purgeTickets(db).catch((error: unknown) => options.logger.warn({ err: error }, "purging notes tickets failed"));
  }, TICKET_PURGE_INTERVAL_MS);
  ticketPurge.unref();

  return {
    httpServer,
    realtime,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost === "0.0.0.0" ? "localhost" : shownHost}:${address.port}`);
        });
      });
    },
    flushNotes: () => noteDocuments.flushAll(),
    async close() {
      clearInterval(ticketPurge);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Pending note edits are written before the database goes away.
      await noteSocket.close();
      await realtime.close();
      httpServer.closeIdleConnections();
      await closed;
    },
  };
}
