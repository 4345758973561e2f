import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { rooms } from "../../shared/events";
import { MESSAGE_RATE } from "../../shared/limits";
import {
  type ChatMessage,
  ConversationReadPayload,
  MessageEditPayload,
  MessageHidePayload,
  MessageHistoryPayload,
  MessageIdPayload,
  MessageReactPayload,
  MessageSendPayload,
  TypingPayload,
} from "../../shared/schemas/chat";
import {
  conversationOfMessage,
  deleteMessage,
  editMessage,
  hideMessage,
  markRead,
  messageHistory,
  reactToMessage,
  postMessage,
} from "../commands/chat";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { authorizeConversation } from "../policies/conversations";
import { authorizeGroup } from "../policies/groups";
import { handleWithAck, parsePayload } from "./ack";
import type { PiiriIo, PiiriSocket } from "./index";

export function createMessageRateLimiter(): BurstyRateLimiter {
  return new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: "chat", points: MESSAGE_RATE.perSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: "chat_burst", points: MESSAGE_RATE.burst, duration: MESSAGE_RATE.burstWindowSeconds }),
  );
}

/**
 * Runs tasks with the same key one after another. A conversation's sends go through it so that
 * `message:sent` leaves this node in seq order: the row lock orders the commits, but the reads and
 * emits after each commit would otherwise race, and a client that saw seq 6 before seq 5 and then
 * dropped would catch up from 6 and never see 5. (Across nodes order is not guaranteed; a client
 * that sees a gap fills it with `afterSeq`.)
 */
export function createKeyedQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return (key, task) => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    // Idle conversations leave nothing behind.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}

/** What every chat socket on this node shares: the flood guard and the per-conversation send order. */
export interface ChatRuntime {
  limiter: BurstyRateLimiter;
  inConversationOrder: <T>(conversationId: string, task: () => Promise<T>) => Promise<T>;
}

export function createChatRuntime(): ChatRuntime {
  return { limiter: createMessageRateLimiter(), inConversationOrder: createKeyedQueue() };
}

async function consumeMessageRate(limiter: BurstyRateLimiter, userId: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError("rate_limited", `Slow down: at most ${MESSAGE_RATE.perSecond} messages a second`);
    }
    throw rejection;
  }
}

/** Who in a group has a socket open, across every node (fetchSockets asks the adapter). */
export async function onlineUserIds(io: PiiriIo, groupId: string): Promise<string[]> {
  const sockets = await io.in(rooms.group(groupId)).fetchSockets();
  return [...new Set(sockets.map((socket) => socket.data.userId))];
}

export async function broadcastPresence(io: PiiriIo, groupIds: string[]): Promise<void> {
  for (const groupId of groupIds) {
    io.to(rooms.group(groupId)).emit("presence:updated", { groupId, onlineUserIds: await onlineUserIds(io, groupId) });
  }
}

export function registerChatHandlers(io: PiiriIo, socket: PiiriSocket, deps: ServerDeps, runtime: ChatRuntime): void {
  const { db } = deps.database;
  const { logger } = deps;
  const userId = socket.data.userId;

  socket.on(
    "message:send",
    handleWithAck(
      MessageSendPayload,
      async (payload) => {
        await consumeMessageRate(runtime.limiter, userId);
        return runtime.inConversationOrder(payload.conversationId, async () => {
          // postMessage resolves after the commit, so nothing below announces a message that could still vanish.
          const { message, created, room } = await postMessage(db, userId, payload);
          // A resend of a stored message is answered but not broadcast again.
          if (created) {
            io.to(room).emit("message:sent", { message });
            // Sending marked the conversation read up to this message; my other devices move their marker too.
            io.to(rooms.user(userId)).emit("conversation:read", { conversationId: message.conversationId, lastReadSeq: message.seq });
          }
          return { message };
        });
      },
      logger,
    ),
  );

  socket.on(
    "message:history",
    handleWithAck(
      MessageHistoryPayload,
      async (payload) => {
        await authorizeConversation(db, userId, payload.conversationId, "read");
        return { messages: await messageHistory(db, payload) };
      },
      logger,
    ),
  );

  /** Authorizes a change to an existing message through its conversation, then pushes the result. */
  const changeMessage = <S extends z.ZodType<{ messageId: string }>>(
    schema: S,
    action: "post" | "moderate",
    change: (payload: z.infer<S>, groupId: string | null) => Promise<ChatMessage>,
  ) =>
    handleWithAck(
      schema,
      async (payload) => {
        // An outsider gets the same answer for another group's message as for one that does not exist.
        const notFound = () => new AppError("not_found", "No such message, or you are not part of its conversation");
        const conversationId = await conversationOfMessage(db, payload.messageId).catch((error: unknown) => {
          throw error instanceof AppError && error.code === "not_found" ? notFound() : error;
        });
        const { room, groupId } = await authorizeConversation(db, userId, conversationId, action).catch((error: unknown) => {
          throw error instanceof AppError && error.code === "not_found" ? notFound() : error;
        });
        const message = await change(payload, groupId);
        io.to(room).emit("message:updated", { message });
        return { message };
      },
      logger,
    );

  socket.on("message:edit", changeMessage(MessageEditPayload, "post", (payload, groupId) => editMessage(db, payload.messageId, userId, payload.body, groupId)));
  socket.on("message:delete", changeMessage(MessageIdPayload, "post", (payload) => deleteMessage(db, payload.messageId, userId)));
  socket.on("message:hide", changeMessage(MessageHidePayload, "moderate", (payload) => hideMessage(db, payload.messageId, userId, payload.hidden)));
  socket.on("message:react", changeMessage(MessageReactPayload, "post", (payload) => reactToMessage(db, payload.messageId, userId, payload.emoji, payload.on)));

  socket.on(
    "conversation:read",
    handleWithAck(
      ConversationReadPayload,
      async (payload) => {
        const { conversation } = await authorizeConversation(db, userId, payload.conversationId, "read");
        const lastReadSeq = await markRead(db, conversation.id, userId, Math.min(payload.seq, conversation.lastSeq));
        // Every device of mine moves its marker too.
        io.to(rooms.user(userId)).emit("conversation:read", { conversationId: conversation.id, lastReadSeq });
        return { lastReadSeq };
      },
      logger,
    ),
  );

  socket.on("typing:set", async (payload: unknown) => {
    try {
      const { conversationId, typing } = parsePayload(TypingPayload, payload);
      const { room, displayName } = await authorizeConversation(db, userId, conversationId, "post");
      socket.to(room).emit("typing:updated", { conversationId, userId, displayName, typing });
    } catch {
      // Typing is a hint; a bad or unauthorised one is simply not passed on.
    }
  });

  socket.on(
    "presence:get",
    handleWithAck(
      z.object({ groupId: z.uuid() }),
      async ({ groupId }) => {
        await authorizeGroup(db, userId, groupId, "view");
        return { onlineUserIds: await onlineUserIds(io, groupId) };
      },
      logger,
    ),
  );
}
