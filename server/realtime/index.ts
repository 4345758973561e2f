import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "../../shared/events";
import { rooms } from "../../shared/events";
import { SOCKET_FRAME_MAX_BYTES } from "../../shared/limits";
import { findUserById, presentUser } from "../db/users";
import type { ServerDeps, SessionNotifier } from "../deps";
import { AppError } from "../domain/appError";
import { authenticateToken } from "../http/authenticate";
import { toAppError } from "../http/errorHandler";
import { createGroupLive, joinGroupRooms, type GroupLive } from "./groupLive";
import { registerGoalHandlers } from "./goals";
import { broadcastPresence, createMessageRateLimiter, registerChatHandlers } from "./chat";

export type PiiriIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PiiriSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime extends SessionNotifier {
  io: PiiriIo;
  live: GroupLive;
  close(): Promise<void>;
}

/**
 * Socket.IO on the default path. The handshake carries `auth: { token }`; a refused handshake answers
 * `connect_error` whose message is the error code (`auth_required`, `token_expired`, ...).
 */
export function createRealtime(httpServer: HttpServer, deps: ServerDeps): Realtime {
  const io: PiiriIo = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_FRAME_MAX_BYTES,
    // Same-origin only: the client is served by this server.
    cors: { origin: false },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const { db } = deps.database;

  io.use(async (socket, next) => {
    try {
      const token: unknown = socket.handshake.auth["token"];
      const claims = await authenticateToken(db, deps.jwtSecret, typeof token === "string" ? token : undefined);
      socket.data.userId = claims.userId;
      socket.data.sessionId = claims.sessionId;
      // Joined before "connect" reaches the client, so no update sent after connecting can be missed.
      await socket.join([rooms.user(claims.userId), rooms.session(claims.sessionId)]);
      await joinGroupRooms(db, socket);
      next();
    } catch (error) {
      const appError = toAppError(error);
      next(Object.assign(new Error(appError.code), { data: appError.toBody() }));
    }
  });

  const messageRateLimiter = createMessageRateLimiter();

  io.on("connection", (socket: PiiriSocket) => {
    registerGoalHandlers(socket, deps);
    registerChatHandlers(io, socket, deps, messageRateLimiter);

    const groupsOf = (roomNames: Iterable<string>) => [...roomNames].flatMap((room) => rooms.groupIdOf(room) ?? []);
    void broadcastPresence(io, groupsOf(socket.rooms)).catch(() => undefined);
    socket.on("disconnecting", () => {
      const groupIds = groupsOf(socket.rooms);
      // After the socket has left its rooms, the others see it gone.
      setImmediate(() => void broadcastPresence(io, groupIds).catch(() => undefined));
    });

    socket.on("me:get", async (ack) => {
      if (typeof ack !== "function") return;
      try {
        const user = await findUserById(db, socket.data.userId);
        if (!user) throw new AppError("session_ended", "This account no longer exists");
        ack({ ok: true, user: presentUser(user) });
      } catch (error) {
        ack({ ok: false, error: toAppError(error).toBody() });
      }
    });
  });

  return {
    io,
    live: createGroupLive(io, db, deps.logger),
    sessionsEnded(sessionIds) {
      for (const sessionId of sessionIds) {
        const room = rooms.session(sessionId);
        io.to(room).emit("session:ended");
        io.in(room).disconnectSockets(true);
      }
    },
    async close() {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}
