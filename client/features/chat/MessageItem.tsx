import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { MESSAGE } from "../../../shared/limits";
import type { ChatMessage } from "../../../shared/schemas/chat";
import { formatDateTime } from "../../lib/dates";
import { currentLocale } from "../../lib/i18n";
import { chatErrorMessage } from "./chatApi";
import type { MentionMember } from "./mentions";
import { reactionSummary } from "./messages";
import { MessageText } from "./MessageText";
import type { ChatState } from "./useChat";

/** A small fixed set keeps reactions friendly and quick to reach with the keyboard. */
export const REACTIONS = ["👍", "❤️", "😄", "🎉", "🙏", "💡"] as const;

export function MessageTime({ iso }: { iso: string }) {
  const locale = currentLocale();
  return (
    <time dateTime={iso} className="chat-message__time">
      {formatDateTime(iso, locale, { dateStyle: "short", timeStyle: "short" })}
    </time>
  );
}

interface MessageItemProps {
  message: ChatMessage;
  chat: ChatState;
  members: readonly MentionMember[];
  namesById: ReadonlyMap<string, string>;
  canModerate: boolean;
  /** Opens this message's thread; absent inside a thread, where replies have no threads of their own. */
  onOpenThread?: (messageId: string, opener: HTMLElement) => void;
  /**
   * The conversation is kept for reading only: no actions are offered, as the server refuses every
   * change, and reactions are shown but not toggled. Replies can still be opened and read.
   */
  readOnly?: boolean;
}

export function MessageItem({ message, chat, members, namesById, canModerate, onOpenThread, readOnly = false }: MessageItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const [actionsOpen, setActionsOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mine = message.authorId === chat.me.id;
  const mentionsMe = message.mentions.includes(chat.me.id);
  const removed = message.deleted || message.hidden;
  const canChange = mine && !removed;

  async function run(action: () => Promise<unknown>, after?: () => void) {
    setBusy(true);
    setProblem(null);
    const error = await action();
    setBusy(false);
    if (error) setProblem(chatErrorMessage(t, error));
    else after?.();
  }

  function nameOf(userId: string): string {
    return userId === chat.me.id ? t("chat.you") : (namesById.get(userId) ?? t("chat.formerMember"));
  }

  function saveEdit() {
    const body = draft;
    if (body.trim().length === 0 || body.length > MESSAGE.maxLength) {
      setProblem(body.trim().length === 0 ? t("chat.emptyMessage") : t("chat.tooLong", { max: MESSAGE.maxLength }));
      return;
    }
    void run(
      () => chat.edit(message.id, body),
      () => {
        setEditing(false);
        setActionsOpen(false);
        itemRef.current?.focus();
      },
    );
  }

  function onEditKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      saveEdit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setEditing(false);
      itemRef.current?.focus();
    }
  }

  const classes = ["chat-message"];
  if (mine) classes.push("chat-message--mine");
  if (mentionsMe && !removed) classes.push("chat-message--mentions-me");
  if (removed) classes.push("chat-message--removed");

  const reactions = message.reactions.filter((reaction) => reaction.userIds.length > 0);
  const actionsId = `${id}-actions`;

  return (
    <li ref={itemRef} className={classes.join(" ")} tabIndex={-1} aria-labelledby={`${id}-author ${id}-time`} data-seq={message.seq}>
      <p className="chat-message__meta">
        <span id={`${id}-author`} className="chat-message__author">
          {message.authorName}
        </span>
        <span id={`${id}-time`}>
          <MessageTime iso={message.createdAt} />
        </span>
        {message.editedAt && !removed && <span className="chat-message__edited">{t("chat.edited")}</span>}
        {mentionsMe && !removed && <span className="chat-message__badge">{t("chat.mentionsYou")}</span>}
      </p>

      {message.deleted ? (
        <p className="chat-message__placeholder">{t("chat.deleted")}</p>
      ) : message.hidden ? (
        <p className="chat-message__placeholder">{t("chat.hidden")}</p>
      ) : editing ? (
        <div className="chat-message__edit">
          <label htmlFor={`${id}-edit`} className="visually-hidden">
            {t("chat.editLabel")}
          </label>
          <textarea
            id={`${id}-edit`}
            ref={editRef}
            className="chat-composer__input"
            rows={2}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEditKeyDown}
          />
          <div className="chat-message__row">
            <button type="button" className="button button--primary button--small" onClick={saveEdit} disabled={busy}>
              {t("chat.save")}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setEditing(false);
                itemRef.current?.focus();
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <p className="chat-message__body">
          <MessageText body={message.body} members={members} myUserId={chat.me.id} />
        </p>
      )}

      {(reactions.length > 0 || (onOpenThread && message.replyCount > 0)) && (
        <div className="chat-message__row">
          {reactions.length > 0 && (
            <ul className="chat-reactions" aria-label={t("chat.reactions")}>
              {reactions.map((reaction) => {
                const summary = reactionSummary(message, reaction.emoji, chat.me.id);
                const names = summary.userIds.map(nameOf).join(", ");
                const label = t("chat.reactionLabel", { emoji: reaction.emoji, count: summary.count, names });
                if (readOnly) {
                  return (
                    <li key={reaction.emoji}>
                      <span className={summary.mine ? "chat-reaction chat-reaction--static chat-reaction--mine" : "chat-reaction chat-reaction--static"}>
                        <span aria-hidden="true">
                          {reaction.emoji} {summary.count}
                        </span>
                        <span className="visually-hidden">{label}</span>
                      </span>
                    </li>
                  );
                }
                return (
                  <li key={reaction.emoji}>
                    <button
                      type="button"
                      className={summary.mine ? "chat-reaction chat-reaction--mine" : "chat-reaction"}
                      aria-pressed={summary.mine}
                      aria-label={label}
                      disabled={removed || busy}
                      onClick={() => void run(() => chat.react(message.id, reaction.emoji, !summary.mine))}
                    >
                      <span aria-hidden="true">{reaction.emoji}</span> {summary.count}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {onOpenThread && message.replyCount > 0 && (
            <button type="button" className="chat-link-button" onClick={(event) => onOpenThread(message.id, event.currentTarget)}>
              {t("chat.replies", { count: message.replyCount })}
            </button>
          )}
        </div>
      )}

      {!readOnly && (!removed || (canModerate && message.hidden)) ? (
        <div className="chat-message__actions">
          <button
            type="button"
            className="chat-link-button chat-message__toggle"
            aria-expanded={actionsOpen}
            aria-controls={actionsId}
            aria-label={t("chat.actionsFor", { name: message.authorName })}
            onClick={() => {
              setActionsOpen(!actionsOpen);
              setConfirmingDelete(false);
            }}
          >
            {t("chat.actions")}
          </button>
          <div id={actionsId} hidden={!actionsOpen} className="chat-message__action-panel">
            {!removed && (
              <div className="chat-reaction-picker" role="group" aria-label={t("chat.addReaction")}>
                {REACTIONS.map((emoji) => {
                  const summary = reactionSummary(message, emoji, chat.me.id);
                  return (
                    <button
                      key={emoji}
                      type="button"
                      className={summary.mine ? "chat-reaction chat-reaction--mine" : "chat-reaction"}
                      aria-pressed={summary.mine}
                      aria-label={t("chat.reactWith", { emoji })}
                      disabled={busy}
                      onClick={() => void run(() => chat.react(message.id, emoji, !summary.mine), () => setActionsOpen(false))}
                    >
                      {emoji}
                    </button>
                  );
                })}
              </div>
            )}
            <div className="chat-message__row">
              {onOpenThread && !removed && (
                <button type="button" className="button button--secondary button--small" onClick={(event) => onOpenThread(message.id, event.currentTarget)}>
                  {t("chat.replyInThread")}
                </button>
              )}
              {canChange && !editing && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setDraft(message.body);
                    setEditing(true);
                    requestAnimationFrame(() => editRef.current?.focus());
                  }}
                >
                  {t("chat.edit")}
                </button>
              )}
              {canChange && !confirmingDelete && (
                <button type="button" className="button button--secondary button--small" onClick={() => setConfirmingDelete(true)}>
                  {t("chat.delete")}
                </button>
              )}
              {canModerate && !mine && !message.deleted && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={busy}
                  onClick={() => void run(() => chat.hide(message.id, !message.hidden), () => setActionsOpen(false))}
                >
                  {message.hidden ? t("chat.unhide") : t("chat.hide")}
                </button>
              )}
            </div>
            {confirmingDelete && (
              <div className="chat-message__confirm" role="group" aria-label={t("chat.confirmDelete")}>
                <p>{t("chat.confirmDelete")}</p>
                <div className="chat-message__row">
                  <button
                    type="button"
                    className="button button--danger button--small"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => chat.remove(message.id),
                        () => {
                          setConfirmingDelete(false);
                          setActionsOpen(false);
                          itemRef.current?.focus();
                        },
                      )
                    }
                  >
                    {t("chat.deleteConfirmed")}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setConfirmingDelete(false)}>
                    {t("common.cancel")}
                  </button>
                </div>
              </div>
            )}
          </div>
        </div>
      ) : null}

      <div role="alert" className="chat-message__error">
        {problem && <p>{problem}</p>}
      </div>
    </li>
  );
}
