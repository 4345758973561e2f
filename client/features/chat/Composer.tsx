import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { MESSAGE } from "../../../shared/limits";
import { completeMention, mentionQueryAt, suggestMembers, type MentionMember } from "./mentions";

/** The counter appears when this few characters are left, so it does not distract before that. */
const COUNTER_FROM_REMAINING = 500;

interface ComposerProps {
  label: string;
  members: readonly MentionMember[];
  myUserId: string;
  onSend: (body: string) => void;
  onTyping: (active: boolean) => void;
  /** Called with the textarea so a parent can focus it (opening a thread, say). */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  submitLabel?: string;
  /** Whether "@" mentions anyone here: only in a group's conversations, so the hint tells of it only there. */
  mentions?: boolean;
}

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line, "@" suggests group members. The
 * suggestion list follows the listbox pattern with `aria-activedescendant`, so focus stays in the text.
 */
export function Composer({ label, members, myUserId, onSend, onTyping, inputRef, submitLabel, mentions = true }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const textarea = inputRef ?? ownRef;
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Escape closes the list for the "@" it was opened at; typing a new "@" opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const mention = mentionQueryAt(text, caret);
  const suggestions = mention && mention.start !== dismissedAt ? suggestMembers(members, mention.query, myUserId) : [];
  const open = suggestions.length > 0;
  const active = open ? Math.min(activeIndex, suggestions.length - 1) : -1;

  const remaining = MESSAGE.maxLength - text.length;
  const showCounter = remaining <= COUNTER_FROM_REMAINING;

  function update(value: string, position: number) {
    setText(value);
    setCaret(position);
    setActiveIndex(0);
    if (problem) setProblem(null);
  }

  function choose(member: MentionMember) {
    if (!mention) return;
    const next = completeMention(text, mention.start, caret, member.displayName);
    update(next.text, next.caret);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function submit() {
    if (text.trim().length === 0) {
      setProblem(t("chat.emptyMessage"));
      return;
    }
    if (text.length > MESSAGE.maxLength) {
      setProblem(t("chat.tooLong", { max: MESSAGE.maxLength }));
      return;
    }
    onSend(text);
    onTyping(false);
    update("", 0);
    setDismissedAt(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveIndex((active + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(suggestions[active]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setDismissedAt(mention?.start ?? null);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;

  return (
    <form className="chat-composer" onSubmit={onSubmit}>
      <label htmlFor={`${id}-text`} className="chat-composer__label">
        {label}
      </label>
      <div className="chat-composer__field">
        <textarea
          id={`${id}-text`}
          ref={textarea}
          className="chat-composer__input"
          rows={2}
          value={text}
          aria-describedby={[hintId, showCounter ? counterId : null, problem ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={problem ? true : undefined}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(event) => {
            update(event.target.value, event.target.selectionStart);
            onTyping(event.target.value.length > 0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => onTyping(false)}
        />
        {open && (
          <ul id={listId} role="listbox" className="chat-mentions" aria-label={t("chat.mentionSuggestions")}>
            {suggestions.map((member, index) => (
              <li
                key={member.userId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? "chat-mentions__option chat-mentions__option--active" : "chat-mentions__option"}
                // Pointer users pick with a click; mousedown would move focus out of the textarea first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(member)}
              >
                {member.displayName}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="chat-composer__footer">
        <p id={hintId} className="chat-composer__hint">
          {mentions ? t("chat.composerHint") : t("chat.composerHintNoMentions")}
        </p>
        {showCounter && (
          <p id={counterId} className={remaining < 0 ? "chat-composer__counter chat-composer__counter--over" : "chat-composer__counter"}>
            {remaining >= 0 ? t("chat.charactersLeft", { count: remaining }) : t("chat.charactersOver", { count: -remaining })}
          </p>
        )}
        <button type="submit" className="button button--primary chat-composer__send">
          {submitLabel ?? t("chat.send")}
        </button>
      </div>
      <div role="alert" className="chat-composer__error">
        {problem && <p id={errorId}>{problem}</p>}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open ? t("chat.mentionCount", { count: suggestions.length }) : ""}
      </p>
    </form>
  );
}
