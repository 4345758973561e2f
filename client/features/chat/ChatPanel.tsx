import { useQuery } from "@tanstack/react-query";
import { Fragment, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatMessage } from "../../../shared/schemas/chat";
import { groupsApi } from "../../lib/api";
import { chatErrorMessage, chatKeys } from "./chatApi";
import { Composer } from "./Composer";
import type { MentionMember } from "./mentions";
import { MessageItem, MessageTime } from "./MessageItem";
import type { OutboxEntry } from "./outbox";
import { useChat, type ChatState } from "./useChat";
import "./chat.css";

/** Within this many pixels of the end the list counts as "at the latest" and follows new messages. */
const STICK_TO_END_PX = 48;

function PendingItem({ entry, chat }: { entry: OutboxEntry; chat: ChatState }) {
  const { t } = useTranslation();
  return (
    <li className={entry.failed ? "chat-message chat-message--mine chat-message--failed" : "chat-message chat-message--mine chat-message--pending"}>
      <p className="chat-message__meta">
        <span className="chat-message__author">{chat.me.displayName}</span>
        <MessageTime iso={entry.createdAt} />
        <span className="chat-message__status">{entry.failed ? t("chat.notSent") : t("chat.sending")}</span>
      </p>
      <p className="chat-message__body">{entry.body}</p>
      {entry.failed && (
        <>
          <p className="chat-message__failure">{chatErrorMessage(t, entry.failed)}</p>
          <div className="chat-message__row">
            <button type="button" className="button button--secondary button--small" onClick={() => chat.retry(entry.clientId)}>
              {t("chat.retry")}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => chat.discard(entry.clientId)}>
              {t("chat.discard")}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

interface ThreadViewProps {
  parent: ChatMessage;
  readOnly: boolean;
  mentions: boolean;
  chat: ChatState;
  members: readonly MentionMember[];
  namesById: ReadonlyMap<string, string>;
  canModerate: boolean;
  onClose: () => void;
}

function ThreadView({ parent, readOnly, mentions, chat, members, namesById, canModerate, onClose }: ThreadViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { loadThread } = chat;

  useEffect(() => {
    heading.current?.focus();
    loadThread(parent.id).catch(setProblem);
  }, [parent.id, loadThread]);

  const replies = chat.messages.filter((message) => message.parentId === parent.id);
  const pending = chat.pending.filter((entry) => entry.parentId === parent.id);

  return (
    <section className="chat-thread" aria-labelledby={headingId}>
      <div className="chat-thread__header">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {t("chat.threadTitle", { name: parent.authorName })}
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t("chat.closeThread")}
        </button>
      </div>
      <ol className="chat-messages chat-thread__messages" aria-label={t("chat.threadMessages")}>
        <MessageItem message={parent} chat={chat} members={members} namesById={namesById} canModerate={canModerate} readOnly={readOnly} />
        {replies.map((message) => (
          <MessageItem key={message.id} message={message} chat={chat} members={members} namesById={namesById} canModerate={canModerate} readOnly={readOnly} />
        ))}
        {pending.map((entry) => (
          <PendingItem key={entry.clientId} entry={entry} chat={chat} />
        ))}
      </ol>
      {problem !== null && (
        <p role="alert" className="chat-panel__error">
          {chatErrorMessage(t, problem)}
        </p>
      )}
      {!parent.deleted && !parent.hidden && !readOnly && (
        <Composer
          label={t("chat.replyLabel")}
          submitLabel={t("chat.sendReply")}
          members={members}
          mentions={mentions}
          myUserId={chat.me.id}
          onSend={(body) => chat.send(body, parent.id)}
          onTyping={chat.setMyTyping}
        />
      )}
    </section>
  );
}

function TypingNote({ chat }: { chat: ChatState }) {
  const { t } = useTranslation();
  const names = chat.typing.map((person) => person.displayName);
  return (
    <p className="chat-panel__typing">
      {names.length === 0 ? "" : names.length === 1 ? t("chat.typingOne", { name: names[0] }) : t("chat.typingMany", { names: names.join(", ") })}
    </p>
  );
}

interface ChatPanelProps {
  conversationId: string;
  /** The group the conversation belongs to: its members are mentioned and named, its facilitators moderate. */
  groupId?: string;
  /**
   * Outside a group: the people whose names the conversation shows (reactions). Nobody is mentioned
   * there, as mentions notify a group's members only.
   */
  members?: readonly MentionMember[];
  /** Outside a group: whether I may hide messages (a gathering's hosts). */
  canModerate?: boolean;
  /** The conversation is kept for reading only (its gathering is over): no composer, and no actions on its messages. */
  readOnly?: boolean;
  /**
   * A gathering's chat (the plenary's or a breakout room's): how many times its room has been entered.
   * Its messages reach this socket only once the room is entered, so each entry is followed by a
   * catch-up (see `useChat`).
   */
  roomEntries?: number;
  /**
   * The id of a heading the host page already shows for the chat. The panel then renders no heading or
   * frame of its own and is named by that one.
   */
  labelledBy?: string;
}

const NO_MEMBERS: readonly MentionMember[] = [];

/**
 * A conversation: the message log, a composer, threads, reactions, mentions, typing and presence. Used
 * on a group's page and in a meeting room, where everything it needs comes from the two ids and the
 * socket, and in a gathering, whose conversations belong to no group: there the page says who takes
 * part and who moderates.
 */
export function ChatPanel({
  conversationId,
  groupId,
  members: outsideMembers = NO_MEMBERS,
  canModerate: outsideModerator = false,
  readOnly = false,
  roomEntries = 0,
  labelledBy,
}: ChatPanelProps) {
  const { t } = useTranslation();
  const chat = useChat(conversationId, groupId, roomEntries);
  const ownHeadingId = useId();
  const headingId = labelledBy ?? ownHeadingId;
  // The same cache entry as the group page, so members (names, roles) are fetched once and kept live there.
  const group = useQuery({ queryKey: chatKeys.group(groupId ?? ""), queryFn: () => groupsApi.get(groupId!), enabled: Boolean(groupId) });

  const groupMembers = useMemo<MentionMember[]>(
    () => (group.data?.group.members ?? []).map((member) => ({ userId: member.userId, displayName: member.displayName })),
    [group.data],
  );
  const known = groupId ? groupMembers : outsideMembers;
  const namesById = useMemo(() => new Map(known.map((member) => [member.userId, member.displayName])), [known]);
  // Only a group's members can be mentioned: elsewhere nobody would be notified.
  const members = groupId ? groupMembers : NO_MEMBERS;
  const canModerate = groupId ? group.data?.group.myMembership.role === "facilitator" : outsideModerator;

  const [threadId, setThreadId] = useState<string | null>(null);
  const threadOpener = useRef<HTMLElement | null>(null);
  const threadParent = threadId ? chat.messages.find((message) => message.id === threadId) : undefined;
  const openThread = useCallback((messageId: string, opener: HTMLElement) => {
    threadOpener.current = opener;
    setThreadId(messageId);
  }, []);
  const closeThread = useCallback(() => {
    setThreadId(null);
    // Back to where the thread was opened from, if it is still there.
    requestAnimationFrame(() => threadOpener.current?.isConnected && threadOpener.current.focus());
  }, []);

  // ── Scrolling: follow new messages at the end, keep the place when earlier ones load above ─────────
  const scroller = useRef<HTMLDivElement>(null);
  const endMarker = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const heightBefore = useRef<number | null>(null);
  const didInitialScroll = useRef(false);

  const topLevel = chat.messages.filter((message) => message.parentId === null);
  const topPending = chat.pending.filter((entry) => !entry.parentId);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || chat.status !== "ready") return;
    if (!didInitialScroll.current) {
      didInitialScroll.current = true;
      const divider = element.querySelector<HTMLElement>(".chat-divider");
      if (divider) element.scrollTop = divider.offsetTop - element.offsetTop - 16;
      else element.scrollTop = element.scrollHeight;
      return;
    }
    if (heightBefore.current !== null) {
      element.scrollTop += element.scrollHeight - heightBefore.current;
      heightBefore.current = null;
    } else if (atEnd.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [chat.messages, chat.pending, chat.status]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_END_PX;
  }

  async function loadEarlier() {
    heightBefore.current = scroller.current?.scrollHeight ?? null;
    await chat.loadEarlier();
  }

  // ── Reading: the marker moves when the end of the log is on screen in a visible tab ───────────────
  const [endVisible, setEndVisible] = useState(false);
  useEffect(() => {
    const marker = endMarker.current;
    if (!marker || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => setEndVisible(entries.some((entry) => entry.isIntersecting)));
    observer.observe(marker);
    return () => observer.disconnect();
  }, [chat.status]);

  const newestSeq = chat.messages.at(-1)?.seq ?? 0;
  const { markReadUpTo } = chat;
  useEffect(() => {
    const tryMark = () => {
      if (endVisible && document.visibilityState === "visible" && newestSeq > 0) markReadUpTo(newestSeq);
    };
    tryMark();
    document.addEventListener("visibilitychange", tryMark);
    return () => document.removeEventListener("visibilitychange", tryMark);
  }, [endVisible, newestSeq, markReadUpTo, chat.connected]);

  const onlineMembers = members.filter((member) => chat.onlineUserIds.includes(member.userId));

  return (
    <section className={labelledBy ? "chat-panel chat-panel--embedded" : "chat-panel"} aria-labelledby={headingId}>
      <div className="chat-panel__header">
        {!labelledBy && <h2 id={headingId}>{t("chat.title")}</h2>}
        {groupId && (
          <div className="chat-panel__presence">
            <span className="chat-panel__presence-label">{t("chat.onlineNow", { count: onlineMembers.length })}</span>
            {onlineMembers.length > 0 && (
              <ul className="chat-presence" aria-label={t("chat.onlineList")}>
                {onlineMembers.map((member) => (
                  <li key={member.userId} className="chat-presence__person">
                    <span className="chat-presence__dot" aria-hidden="true" />
                    {member.userId === chat.me.id ? t("chat.youOnline", { name: member.displayName }) : member.displayName}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <p role="status" className={chat.connected ? "chat-panel__connection" : "chat-panel__connection chat-panel__connection--offline"}>
        {chat.connected || chat.status === "loading" ? "" : t("chat.offline")}
      </p>

      <div className={threadParent ? "chat-panel__body chat-panel__body--thread" : "chat-panel__body"}>
        <div className="chat-panel__main">
          {/*
            The log is named and navigable but not itself live: loading earlier messages or a new
            reaction must not be read out. New messages from others are announced through the polite
            region below instead.
          */}
          <div ref={scroller} className="chat-panel__log" role="log" aria-live="off" aria-label={t("chat.messages")} tabIndex={0} onScroll={onScroll}>
            {chat.status === "loading" && <p className="chat-panel__note">{t("common.loading")}</p>}
            {chat.status === "error" && (
              <p role="alert" className="chat-panel__error">
                {chatErrorMessage(t, chat.loadError)}
              </p>
            )}
            {chat.status === "ready" && chat.hasEarlier && (
              <div className="chat-panel__earlier">
                <button type="button" className="button button--secondary button--small" onClick={() => void loadEarlier()} disabled={chat.loadingEarlier}>
                  {chat.loadingEarlier ? t("common.loading") : t("chat.loadEarlier")}
                </button>
              </div>
            )}
            {chat.status === "ready" && topLevel.length === 0 && topPending.length === 0 && <p className="chat-panel__note">{t("chat.empty")}</p>}
            <ol className="chat-messages">
              {topLevel.map((message) => (
                <Fragment key={message.id}>
                  {message.seq === chat.dividerSeq && (
                    <li className="chat-divider">
                      <span>{t("chat.newMessages")}</span>
                    </li>
                  )}
                  <MessageItem
                    message={message}
                    chat={chat}
                    members={members}
                    namesById={namesById}
                    canModerate={canModerate}
                    onOpenThread={openThread}
                    readOnly={readOnly}
                  />
                </Fragment>
              ))}
              {topPending.map((entry) => (
                <PendingItem key={entry.clientId} entry={entry} chat={chat} />
              ))}
            </ol>
            <div ref={endMarker} className="chat-panel__end" />
          </div>
          <TypingNote chat={chat} />
          {readOnly ? (
            <p className="chat-panel__note">{t("chat.readOnly")}</p>
          ) : (
            <Composer
              label={t("chat.messageLabel")}
              members={members}
              mentions={Boolean(groupId)}
              myUserId={chat.me.id}
              onSend={(body) => {
                atEnd.current = true;
                chat.send(body);
              }}
              onTyping={chat.setMyTyping}
            />
          )}
        </div>
        {threadParent && (
          <ThreadView
            parent={threadParent}
            readOnly={readOnly}
            mentions={Boolean(groupId)}
            chat={chat}
            members={members}
            namesById={namesById}
            canModerate={canModerate}
            onClose={closeThread}
          />
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {chat.announcement}
      </p>
    </section>
  );
}

export default ChatPanel;
