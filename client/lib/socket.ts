import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";
import { getAccessToken, refreshAccessToken } from "./api";

export type PiiriSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the signed-in user's socket. The handshake reads the current access token on every (re)connect;
 * a handshake refused with `token_expired` refreshes the token once and tries again. `onSessionEnded`
 * runs when the server ends this session (signed out or ended from another device).
 */
export function connectSocket(onSessionEnded: () => void): PiiriSocket {
  const socket: PiiriSocket = io({
    auth: (callback) => callback({ token: getAccessToken() ?? "" }),
    transports: ["websocket", "polling"],
  });

  socket.on("session:ended", () => {
    socket.disconnect();
    onSessionEnded();
  });

  socket.on("connect_error", (error) => {
    // A refused handshake is not retried by socket.io itself (socket.active is false).
    if (socket.active) return;
    if (error.message === "token_expired") {
      refreshAccessToken().then(
        () => socket.connect(),
        () => undefined, // refreshAccessToken already reported a lost session
      );
    } else if (error.message === "session_ended" || error.message === "token_invalid") {
      onSessionEnded();
    }
  });

  return socket;
}

/** Listeners for the server's events and the socket's own `connect` and `disconnect`. */
export type SocketListeners = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & {
  connect?: () => void;
  disconnect?: (reason: Socket.DisconnectReason) => void;
};

/**
 * Adds all `listeners` to the socket and returns what removes them again, for an effect's cleanup,
 * so a hook names each event once instead of once in `on` and again in `off`.
 */
export function listenTo(socket: PiiriSocket, listeners: SocketListeners): () => void {
  // socket.io types `on`/`off` one event name at a time; the mapped type above already ties each
  // listener to its event, so the loop can use the untyped emitter underneath.
  const emitter = socket as unknown as { on(event: string, listener: unknown): void; off(event: string, listener: unknown): void };
  const entries = Object.entries(listeners);
  for (const [event, listener] of entries) emitter.on(event, listener);
  return () => {
    for (const [event, listener] of entries) emitter.off(event, listener);
  };
}

/**
 * A `connect` listener that runs `refetch` on every connect but the first the socket makes while it is
 * listened to: pushes sent while the socket was away are lost, whereas pages fetch on mount anyway.
 */
export function onReconnect(socket: PiiriSocket, refetch: () => void): () => void {
  let connectedBefore = socket.connected;
  return () => {
    if (connectedBefore) refetch();
    connectedBefore = true;
  };
}
