import { randomUUID } from "node:crypto";
import type { ServerToClientEvents } from "../../shared/events";
import type { ChatMessage } from "../../shared/schemas/chat";
import type { GroupDetail } from "../../shared/schemas/groups";
import { expectStatus, type ApiClient } from "./groups";
import type { TestSocket } from "./sockets";

type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

type Listen = (event: string, listener: unknown) => void;

/** Resolves with the next payload of `event` that satisfies `match`. */
export function nextEvent<E extends EventName>(
  socket: TestSocket,
  event: E,
  match: (payload: EventPayload<E>) => boolean = () => true,
): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const listener = (payload: EventPayload<E>) => {
      if (!match(payload)) return;
      (socket.off as Listen)(event, listener);
      resolve(payload);
    };
    (socket.on as Listen)(event, listener);
  });
}

/** Records every payload of `event`, so a test can show what arrived and that nothing else did. */
export function recordEvents<E extends EventName>(socket: TestSocket, event: E): EventPayload<E>[] {
  const seen: EventPayload<E>[] = [];
  (socket.on as Listen)(event, (payload: EventPayload<E>) => seen.push(payload));
  return seen;
}

/** Resolves once `count` messages of a conversation have arrived on `socket` (counting from now). */
export function collectMessages(socket: TestSocket, conversationId: string, count: number): Promise<ChatMessage[]> {
  const seen: ChatMessage[] = [];
  return new Promise((resolve) => {
    const listener = ({ message }: { message: ChatMessage }) => {
      if (message.conversationId !== conversationId) return;
      seen.push(message);
      if (seen.length === count) {
        socket.off("message:sent", listener);
        resolve(seen);
      }
    };
    socket.on("message:sent", listener);
  });
}

export async function conversationOf(client: ApiClient, groupId: string): Promise<string> {
  const { group } = await expectStatus(client.get<{ group: GroupDetail }>(`/api/groups/${groupId}`), 200);
  return group.conversationId;
}

/** Sends a message and returns the stored one, failing the test on an error ack. */
export async function send(socket: TestSocket, conversationId: string, body: string, extra: { clientId?: string; parentId?: string } = {}): Promise<ChatMessage> {
  const ack = await socket.emitWithAck("message:send", { conversationId, clientId: extra.clientId ?? randomUUID(), body, parentId: extra.parentId });
  if (!ack.ok) throw new Error(`message:send failed: ${JSON.stringify(ack.error)}`);
  return ack.message;
}

export async function history(socket: TestSocket, query: { conversationId: string; afterSeq?: number; beforeSeq?: number; threadOf?: string; limit?: number }) {
  const ack = await socket.emitWithAck("message:history", query);
  if (!ack.ok) throw new Error(`message:history failed: ${JSON.stringify(ack.error)}`);
  return ack.messages;
}

/**
 * Sends a message and waits until it has arrived on every socket in `seenBy`. The listeners are in
 * place before the send, since the broadcast can overtake the sender's own ack.
 */
export async function sendSeen(socket: TestSocket, conversationId: string, body: string, seenBy: TestSocket[]): Promise<ChatMessage> {
  const clientId = randomUUID();
  const arrivals = seenBy.map((watcher) => nextEvent(watcher, "message:sent", ({ message }) => message.clientId === clientId));
  const message = await send(socket, conversationId, body, { clientId });
  await Promise.all(arrivals);
  return message;
}
