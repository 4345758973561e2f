import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection; resolves once connected, rejects with the connect_error. */
export function connectSocket(baseUrl: string, token: string | undefined): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, {
    auth: token === undefined ? {} : { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** Resolves with the next payload of `event` that satisfies `match`. */
export function nextEvent<E extends EventName>(socket: TestSocket, event: E, match: (payload: EventPayload<E>) => boolean = () => true): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const listener = (payload: EventPayload<E>) => {
      if (!match(payload)) return;
      (socket.off as (event: string, listener: unknown) => void)(event, listener);
      resolve(payload);
    };
    (socket.on as (event: string, listener: unknown) => void)(event, listener);
  });
}
