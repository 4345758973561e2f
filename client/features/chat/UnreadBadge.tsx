import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ChatMessage, UnreadState } from "../../../shared/schemas/chat";
import { useSocket, useUser } from "../../lib/auth";
import { listenTo, type PiiriSocket } from "../../lib/socket";
import { chatApi, chatKeys } from "./chatApi";
import "./chat.css";

type UnreadData = { conversations: UnreadState[] };
type QueryClient = ReturnType<typeof useQueryClient>;

/**
 * Keeps the unread state live: a new message from someone else counts at once; a read marker moving,
 * an edit or removal, a membership change or a reconnect asks the server again, since only it knows
 * which of the unread messages remain. Returns a function that stops listening.
 */
function listenForUnread(socket: PiiriSocket, myUserId: string, queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refetchSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: chatKeys.unread }), 300);
  };
  const onSent = ({ message }: { message: ChatMessage }) => {
    if (message.authorId === myUserId) return;
    queryClient.setQueryData<UnreadData>(chatKeys.unread, (data) => {
      if (!data) return data;
      const known = data.conversations.some((state) => state.conversationId === message.conversationId);
      if (!known) {
        refetchSoon();
        return data;
      }
      return {
        conversations: data.conversations.map((state) =>
          state.conversationId === message.conversationId && message.seq > state.lastReadSeq
            ? { ...state, unread: state.unread + 1, mentions: state.mentions + (message.mentions.includes(myUserId) ? 1 : 0) }
            : state,
        ),
      };
    });
  };
  const stopListening = listenTo(socket, {
    "message:sent": onSent,
    "conversation:read": refetchSoon,
    "message:updated": refetchSoon,
    "membership:started": refetchSoon,
    "membership:ended": refetchSoon,
    connect: refetchSoon,
  });
  return () => {
    clearTimeout(timer);
    stopListening();
  };
}

/**
 * One listener per socket however many badges are on screen (the navigation's, each group card's, the
 * chat heading's): each badge counting a message itself would count it several times over.
 */
const unreadListeners = new WeakMap<PiiriSocket, { users: number; stop: () => void }>();

function useUnreadListener(socket: PiiriSocket | null, myUserId: string, queryClient: QueryClient): void {
  useEffect(() => {
    if (!socket) return;
    let listener = unreadListeners.get(socket);
    if (!listener) {
      listener = { users: 0, stop: listenForUnread(socket, myUserId, queryClient) };
      unreadListeners.set(socket, listener);
    }
    listener.users += 1;
    const held = listener;
    return () => {
      held.users -= 1;
      if (held.users > 0) return;
      held.stop();
      if (unreadListeners.get(socket) === held) unreadListeners.delete(socket);
    };
  }, [socket, myUserId, queryClient]);
}

/** Unread state for all my conversations, kept live. */
export function useUnread() {
  const socket = useSocket();
  const me = useUser();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: chatKeys.unread, queryFn: chatApi.unread });
  useUnreadListener(socket, me.id, queryClient);
  return query;
}

/**
 * A badge with my unread messages: in all conversations, in one (`conversationId`), or in those of one
 * group (`groupId`). Shows nothing when all is read. The number is for the eye; the sentence is for
 * screen readers.
 */
export function UnreadBadge({ conversationId, groupId }: { conversationId?: string; groupId?: string }) {
  const { t } = useTranslation();
  const { data } = useUnread();
  const states = (data?.conversations ?? []).filter(
    (state) => (!conversationId || state.conversationId === conversationId) && (!groupId || state.groupId === groupId),
  );
  const unread = states.reduce((sum, state) => sum + state.unread, 0);
  const mentions = states.reduce((sum, state) => sum + state.mentions, 0);
  if (unread === 0) return null;
  const label = mentions > 0 ? t("chat.unreadWithMentions", { count: unread, mentions }) : t("chat.unreadLabel", { count: unread });
  return (
    <span className={mentions > 0 ? "unread-badge unread-badge--mention" : "unread-badge"} data-testid="unread-badge">
      <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export default UnreadBadge;
