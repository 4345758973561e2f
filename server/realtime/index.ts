import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "../../shared/events";
import { rooms } from "../../shared/events";
import { SOCKET_FRAME_MAX_BYTES } from "../../shared/limits";
import { eq } from "drizzle-orm";
import { isSessionActive } from "../commands/accounts";
import type { Db } from "../db/database";
import { memberships } from "../db/schema";
import { findUserById, presentUser } from "../db/users";
import type { ServerDeps, SessionNotifier } from "../deps";
import { AppError } from "../domain/appError";
import { authenticateToken } from "../http/authenticate";
import { toAppError } from "../http/errorHandler";
import { createGroupLive, joinGroupRooms, type GroupLive } from "./groupLive";
import { registerGoalHandlers } from "./goals";
import { broadcastPresence, createChatRuntime, registerChatHandlers } from "./chat";
import { createMeetingLive, type MeetingLive } from "./meetingLive";
import { registerMeetingHandlers } from "./meetings";
import { createGatheringRoomLive, registerGatheringHandlers } from "./gatherings";

export type PiiriIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PiiriSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime extends SessionNotifier {
  io: PiiriIo;
  live: GroupLive;
  meetings: MeetingLive;
  close(): Promise<void>;
}

/**
 * Socket.IO on the default path. The handshake carries `auth: { token }`; a refused handshake answers
 * `connect_error` whose message is the error code (`auth_required`, `token_expired`, ...).
 */
/** A Socket.IO adapter factory (the Redis streams adapter when several nodes run). */
export type SocketAdapter = NonNullable<ConstructorParameters<typeof Server>[1]>["adapter"];

export function createRealtime(httpServer: HttpServer, deps: ServerDeps, options: { adapter?: SocketAdapter } = {}): Realtime {
  const io: PiiriIo = new Server(httpServer, {
    ...(options.adapter && { adapter: options.adapter }),
    maxHttpBufferSize: SOCKET_FRAME_MAX_BYTES,
    // Same-origin only: the client is served by this server.
    cors: { origin: false },
    // Upgrades on other paths (the notes socket) are answered by their own handler, which may take
    // longer than engine.io's one-second grace while it checks a ticket; nobody else may destroy them.
    destroyUpgrade: false,
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

  guardRecovery(io, db);
  const chat = createChatRuntime();
  const gatheringRooms = createGatheringRoomLive(io, db);

  io.on("connection", (socket: PiiriSocket) => {
    registerGoalHandlers(socket, deps);
    registerChatHandlers(io, socket, deps, chat);
    registerMeetingHandlers(socket, deps);
    registerGatheringHandlers(io, socket, deps, gatheringRooms);

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
    meetings: createMeetingLive(io, db, deps.logger),
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

/** The rooms a user's socket may be in right now (the same rooms the handshake and `joinGroupRooms` join). */
async function allowedRooms(db: Db, userId: string, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .select({ groupId: memberships.groupId, accepted: memberships.agreementAcceptedAt })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return new Set([
    rooms.user(userId),
    rooms.session(sessionId),
    ...rows.flatMap((row) => (row.accepted ? [rooms.group(row.groupId), rooms.groupContent(row.groupId)] : [rooms.group(row.groupId)])),
  ]);
}

type Session = Awaited<ReturnType<PiiriIo["sockets"]["adapter"]["restoreSession"]>>;

/**
 * Connection-state recovery puts a returning socket back into the rooms it had when it dropped and
 * replays what those rooms missed — before any middleware runs. Someone removed from a group, or
 * signed out, while disconnected must get neither, so such a session is not recovered: the client
 * connects afresh (the handshake checks the token and joins today's rooms) and catches up from the
 * database, which it does after every disconnect anyway.
 */
function guardRecovery(io: PiiriIo, db: Db): void {
  const adapter = io.of("/").adapter;
  // Typed as always finding a session, but the adapters answer null for an unknown or expired one.
  const restore = adapter.restoreSession.bind(adapter) as (pid: string, offset: string) => Promise<Session | null>;
  adapter.restoreSession = (async (pid: string, offset: string): Promise<Session | null> => {
    const session = await restore(pid, offset);
    if (!session) return session;
    const { userId, sessionId } = (session.data ?? {}) as Partial<SocketData>;
    if (typeof userId !== "string" || typeof sessionId !== "string") return null;
    if (!(await isSessionActive(db, sessionId, userId))) return null;
    const allowed = await allowedRooms(db, userId, sessionId);
    allowed.add(session.sid);
    return [...session.rooms].every((room) => allowed.has(room)) ? session : null;
  }) as typeof adapter.restoreSession;
}
