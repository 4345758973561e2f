import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MESSAGE } from "../../../shared/limits";
import type { ChatMessage } from "../../../shared/schemas/chat";
import { ApiError } from "../../lib/api";
import { useSocket, useUser } from "../../lib/auth";
import { listenTo } from "../../lib/socket";
import { chatApi, emitWithAck } from "./chatApi";
import { acknowledgedClientIds, firstUnreadSeq, lastSeq, mergeMessages } from "./messages";
import { browserStorage, isTransientFailure, newClientId, Outbox, type OutboxEntry } from "./outbox";

/** How many messages a page of history holds, on first load and when scrolling back. */
export const PAGE_SIZE = 50;
/** A waiting message is tried again this often while connected (after a timeout or a rate limit). */
const RESEND_DELAY_MS = 4_000;
/** Typing is sent at most this often while typing, and cleared after this long without a key. */
const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
/** Someone else's typing note disappears if its "stopped" never arrives. */
const TYPING_EXPIRES_MS = 6_000;

export interface TypingPerson {
  userId: string;
  displayName: string;
}

export type ChatStatus = "loading" | "ready" | "error";

function browserOnline(): boolean {
  return typeof navigator === "undefined" || navigator.onLine !== false;
}

/**
 * A conversation's live state: messages in seq order, my unsent messages (from the outbox), read marker,
 * typing and presence, and the actions on them. After every (re)connect it catches up from the last seq
 * it saw and resends what is waiting; nothing depends on socket.io's own recovery. Presence is a group's:
 * a conversation outside any group (a gathering's, a breakout room's) has none.
 *
 * A gathering's messages (the plenary's or a breakout room's) reach this socket only once its room has
 * been entered, which happens apart from (and possibly after) the chat's own catch-up. `entries` counts
 * those entries: each new one catches up again, so nothing sent in between is missed.
 */
export function useChat(conversationId: string, groupId: string | undefined, entries = 0) {
  const { t } = useTranslation();
  const socket = useSocket();
  const me = useUser();
  const outbox = useMemo(() => new Outbox(browserStorage(), me.id), [me.id]);

  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const messagesRef = useRef<ChatMessage[]>([]);
  const [pending, setPending] = useState<OutboxEntry[]>(() => outbox.list(conversationId));
  const [status, setStatus] = useState<ChatStatus>("loading");
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hasEarlier, setHasEarlier] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [connected, setConnected] = useState(() => Boolean(socket?.connected) && browserOnline());
  const [lastReadSeq, setLastReadSeq] = useState(0);
  const lastReadRef = useRef(0);
  const [dividerSeq, setDividerSeq] = useState<number | undefined>(undefined);
  const [typing, setTyping] = useState<Map<string, TypingPerson & { until: number }>>(new Map());
  const [onlineUserIds, setOnlineUserIds] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const loadedRef = useRef(false);

  const apply = useCallback(
    (incoming: readonly ChatMessage[], options: { countNewReplies?: boolean } = {}) => {
      const mine = incoming.filter((message) => message.conversationId === conversationId);
      if (mine.length === 0) return;
      messagesRef.current = mergeMessages(messagesRef.current, mine, options);
      setMessages(messagesRef.current);
      // A message of mine that the server holds needs no resending, however it reached us.
      const done = acknowledgedClientIds(mine, me.id);
      if (done.length > 0) {
        outbox.remove(done);
        setPending(outbox.list(conversationId));
      }
    },
    [conversationId, me.id, outbox],
  );

  const refreshPending = useCallback(() => setPending(outbox.list(conversationId)), [outbox, conversationId]);

  // ── Sending ────────────────────────────────────────────────────────────────────────────────────────
  const flushing = useRef(false);
  const flushAgain = useRef(false);
  const resendTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (!socket) return;
    if (flushing.current) {
      flushAgain.current = true;
      return;
    }
    flushing.current = true;
    clearTimeout(resendTimer.current);
    let retryLater = false;
    try {
      do {
        flushAgain.current = false;
        // One at a time and in order, so the conversation keeps the order they were written in.
        for (const entry of outbox.list(conversationId)) {
          if (entry.failed) continue;
          if (!socket.connected || !browserOnline()) {
            retryLater = false;
            return;
          }
          try {
            const { message } = await emitWithAck(socket, "message:send", {
              conversationId: entry.conversationId,
              clientId: entry.clientId,
              body: entry.body,
              ...(entry.parentId ? { parentId: entry.parentId } : {}),
            });
            apply([message], { countNewReplies: true });
          } catch (error) {
            const code = error instanceof ApiError ? error.code : "internal_error";
            if (isTransientFailure(code)) {
              retryLater = true;
              break;
            }
            outbox.setFailed(entry.clientId, code);
            refreshPending();
          }
        }
      } while (flushAgain.current);
    } finally {
      flushing.current = false;
      if (retryLater) resendTimer.current = setTimeout(() => void flush(), RESEND_DELAY_MS);
    }
  }, [socket, outbox, conversationId, apply, refreshPending]);

  const send = useCallback(
    (body: string, parentId?: string) => {
      const entry: OutboxEntry = {
        clientId: newClientId(),
        conversationId,
        body,
        ...(parentId ? { parentId } : {}),
        createdAt: new Date().toISOString(),
      };
      outbox.add(entry);
      refreshPending();
      void flush();
    },
    [conversationId, outbox, refreshPending, flush],
  );

  const retry = useCallback(
    (clientId: string) => {
      outbox.setFailed(clientId, undefined);
      refreshPending();
      void flush();
    },
    [outbox, refreshPending, flush],
  );

  const discard = useCallback(
    (clientId: string) => {
      outbox.remove([clientId]);
      refreshPending();
    },
    [outbox, refreshPending],
  );

  // ── Loading and catching up ────────────────────────────────────────────────────────────────────────
  const catchUp = useCallback(async () => {
    if (!socket) return;
    if (!loadedRef.current) {
      const [{ messages: latest }, unread] = await Promise.all([
        emitWithAck(socket, "message:history", { conversationId, limit: PAGE_SIZE }),
        chatApi.unread().catch(() => null),
      ]);
      const readSeq = unread?.conversations.find((state) => state.conversationId === conversationId)?.lastReadSeq ?? 0;
      lastReadRef.current = Math.max(lastReadRef.current, readSeq);
      setLastReadSeq(lastReadRef.current);
      apply(latest);
      setHasEarlier(latest.length === PAGE_SIZE);
      // The divider stays where the marker was when the conversation was opened, while reading moves it.
      setDividerSeq(firstUnreadSeq(messagesRef.current, readSeq, me.id));
      loadedRef.current = true;
      setStatus("ready");
      return;
    }
    // Everything after the last seq seen, page by page, whether or not socket.io replayed it already.
    let after = lastSeq(messagesRef.current);
    for (;;) {
      const { messages: page } = await emitWithAck(socket, "message:history", { conversationId, afterSeq: after, limit: MESSAGE.historyPageMax });
      apply(page, { countNewReplies: true });
      if (page.length < MESSAGE.historyPageMax) break;
      after = lastSeq(page);
    }
  }, [socket, conversationId, apply, me.id]);

  // One catch-up at a time: one asked for while another runs (a reconnect and a room entry close
  // together) runs again after it, from whatever seq the first reached.
  const catchingUp = useRef(false);
  const catchUpAgain = useRef(false);
  const sync = useCallback(async () => {
    if (!socket?.connected) return;
    if (catchingUp.current) {
      catchUpAgain.current = true;
      return;
    }
    catchingUp.current = true;
    try {
      do {
        catchUpAgain.current = false;
        try {
          await catchUp();
          setLoadError(null);
        } catch (error) {
          if (!loadedRef.current) setStatus("error");
          setLoadError(error);
        }
      } while (catchUpAgain.current && socket.connected);
    } finally {
      catchingUp.current = false;
    }
    void flush();
    if (!groupId) return;
    emitWithAck(socket, "presence:get", { groupId }).then(
      (result) => setOnlineUserIds(result.onlineUserIds),
      () => undefined,
    );
  }, [socket, catchUp, flush, groupId]);

  const loadEarlier = useCallback(async () => {
    const oldest = messagesRef.current[0]?.seq;
    if (!socket || oldest === undefined) return;
    setLoadingEarlier(true);
    try {
      const { messages: page } = await emitWithAck(socket, "message:history", { conversationId, beforeSeq: oldest, limit: PAGE_SIZE });
      apply(page);
      setHasEarlier(page.length === PAGE_SIZE);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoadingEarlier(false);
    }
  }, [socket, conversationId, apply]);

  const loadThread = useCallback(
    async (parentId: string) => {
      if (!socket) return;
      const { messages: replies } = await emitWithAck(socket, "message:history", {
        conversationId,
        threadOf: parentId,
        limit: MESSAGE.historyPageMax,
      });
      apply(replies);
    },
    [socket, conversationId, apply],
  );

  // ── Live events ────────────────────────────────────────────────────────────────────────────────────
  useEffect(() => {
    if (!socket) return;
    const onSent = ({ message }: { message: ChatMessage }) => {
      if (message.conversationId !== conversationId) return;
      const known = messagesRef.current.some((held) => held.id === message.id);
      apply([message], { countNewReplies: true });
      if (!known && message.authorId !== me.id) {
        const text = message.body.length > 200 ? `${message.body.slice(0, 200)}…` : message.body;
        const key = message.parentId ? "chat.announceReply" : "chat.announceMessage";
        setAnnouncement(t(key, { name: message.authorName, text }));
      }
    };
    const onUpdated = ({ message }: { message: ChatMessage }) => apply([message]);
    const onRead = (payload: { conversationId: string; lastReadSeq: number }) => {
      if (payload.conversationId !== conversationId) return;
      lastReadRef.current = Math.max(lastReadRef.current, payload.lastReadSeq);
      setLastReadSeq(lastReadRef.current);
    };
    const onTyping = (payload: { conversationId: string; userId: string; displayName: string; typing: boolean }) => {
      if (payload.conversationId !== conversationId || payload.userId === me.id) return;
      setTyping((current) => {
        const next = new Map(current);
        if (payload.typing) next.set(payload.userId, { userId: payload.userId, displayName: payload.displayName, until: Date.now() + TYPING_EXPIRES_MS });
        else next.delete(payload.userId);
        return next;
      });
    };
    const onPresence = (payload: { groupId: string; onlineUserIds: string[] }) => {
      if (groupId && payload.groupId === groupId) setOnlineUserIds(payload.onlineUserIds);
    };
    const onConnect = () => {
      setConnected(browserOnline());
      void sync();
    };
    const onDisconnect = () => setConnected(false);

    const stopListening = listenTo(socket, {
      "message:sent": onSent,
      "message:updated": onUpdated,
      "conversation:read": onRead,
      "typing:updated": onTyping,
      "presence:updated": onPresence,
      connect: onConnect,
      disconnect: onDisconnect,
    });
    if (socket.connected) onConnect();
    return () => {
      stopListening();
      clearTimeout(resendTimer.current);
    };
  }, [socket, conversationId, groupId, apply, sync, me.id, t]);

  // Entering the conversation's room again (after a reconnect) catches up once more, from the last seq seen.
  const entriesSeen = useRef(entries);
  useEffect(() => {
    if (entries === entriesSeen.current) return;
    entriesSeen.current = entries;
    void sync();
  }, [entries, sync]);

  // The browser knows it is offline before the socket notices; wait for it to come back, then catch up.
  useEffect(() => {
    const onOnline = () => {
      setConnected(Boolean(socket?.connected));
      void sync();
    };
    const onOffline = () => setConnected(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [socket, sync]);

  // Another tab of mine may have written or delivered messages of this outbox.
  useEffect(() => {
    const onStorage = () => refreshPending();
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [refreshPending]);

  // Typing notes whose "stopped" was lost expire on their own.
  useEffect(() => {
    if (typing.size === 0) return;
    const timer = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const next = new Map([...current].filter(([, person]) => person.until > now));
        return next.size === current.size ? current : next;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [typing.size]);

  // ── Reading, typing and changing messages ──────────────────────────────────────────────────────────
  const markReadUpTo = useCallback(
    (seq: number) => {
      if (!socket?.connected || seq <= lastReadRef.current) return;
      lastReadRef.current = seq;
      setLastReadSeq(seq);
      emitWithAck(socket, "conversation:read", { conversationId, seq }).catch(() => {
        // Not fatal: the marker moves with the next read.
        lastReadRef.current = 0;
      });
    },
    [socket, conversationId],
  );

  const typingSentAt = useRef(0);
  const typingIdle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const setMyTyping = useCallback(
    (active: boolean) => {
      if (!socket?.connected) return;
      clearTimeout(typingIdle.current);
      if (active) {
        if (Date.now() - typingSentAt.current > TYPING_REFRESH_MS) {
          typingSentAt.current = Date.now();
          socket.emit("typing:set", { conversationId, typing: true });
        }
        typingIdle.current = setTimeout(() => {
          typingSentAt.current = 0;
          socket.emit("typing:set", { conversationId, typing: false });
        }, TYPING_IDLE_MS);
      } else if (typingSentAt.current > 0) {
        typingSentAt.current = 0;
        socket.emit("typing:set", { conversationId, typing: false });
      }
    },
    [socket, conversationId],
  );
  useEffect(() => () => clearTimeout(typingIdle.current), []);

  /** Runs a change on an existing message; resolves with an error to show, or null when it worked. */
  const change = useCallback(
    async (run: () => Promise<{ message: ChatMessage }>): Promise<unknown> => {
      if (!socket?.connected) return new ApiError("network_error", "Offline", 0);
      try {
        const { message } = await run();
        apply([message]);
        return null;
      } catch (error) {
        return error;
      }
    },
    [socket, apply],
  );

  const actions = useMemo(
    () => ({
      edit: (messageId: string, body: string) => change(() => emitWithAck(socket!, "message:edit", { messageId, body })),
      remove: (messageId: string) => change(() => emitWithAck(socket!, "message:delete", { messageId })),
      hide: (messageId: string, hidden: boolean) => change(() => emitWithAck(socket!, "message:hide", { messageId, hidden })),
      react: (messageId: string, emoji: string, on: boolean) => change(() => emitWithAck(socket!, "message:react", { messageId, emoji, on })),
    }),
    [change, socket],
  );

  return {
    me,
    status,
    loadError,
    messages,
    pending,
    hasEarlier,
    loadingEarlier,
    connected,
    lastReadSeq,
    dividerSeq,
    typing: [...typing.values()],
    onlineUserIds,
    announcement,
    send,
    retry,
    discard,
    loadEarlier,
    loadThread,
    markReadUpTo,
    setMyTyping,
    ...actions,
  };
}

export type ChatState = ReturnType<typeof useChat>;
