import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ChatMessage, UnreadState } from "../../../shared/schemas/chat";
import { useSocket, useUser } from "../../lib/auth";
import { listenTo } from "../../lib/socket";
import { chatApi, chatKeys } from "./chatApi";
import "./chat.css";

type UnreadData = { conversations: UnreadState[] };

/**
 * Unread state for all my conversations, kept live: a new message from someone else counts at once;
 * a read marker moving, an edit or removal, a membership change or a reconnect asks the server again,
 * since only it knows which of the unread messages remain.
 */
export function useUnread() {
  const socket = useSocket();
  const me = useUser();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: chatKeys.unread, queryFn: chatApi.unread });

  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetchSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: chatKeys.unread }), 300);
    };
    const onSent = ({ message }: { message: ChatMessage }) => {
      if (message.authorId === me.id) return;
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
              ? { ...state, unread: state.unread + 1, mentions: state.mentions + (message.mentions.includes(me.id) ? 1 : 0) }
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
  }, [socket, me.id, queryClient]);

  return query;
}

/**
 * A navigation badge with my unread messages: all conversations, or one when `conversationId` is given.
 * Shows nothing when all is read. The number is for the eye; the sentence is for screen readers.
 */
export function UnreadBadge({ conversationId }: { conversationId?: string }) {
  const { t } = useTranslation();
  const { data } = useUnread();
  const states = (data?.conversations ?? []).filter((state) => !conversationId || state.conversationId === conversationId);
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
