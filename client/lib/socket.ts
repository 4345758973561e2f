import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";

// Types and listener helpers only, so features may import this module anywhere without pulling
// socket.io-client into the first page load; the connection itself is opened by ./connectSocket.

export type PiiriSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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
