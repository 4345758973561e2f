import { useTranslation } from "react-i18next";
import { cursorColour, type NoteCursorUser } from "../../../shared/notes";
import { useUser } from "../../lib/auth";
import { NoteEditor } from "../notes/NoteEditor";
import { useNoteSession } from "../notes/useNoteSession";
import "../notes/notes.css";

/**
 * A gathering's shared page (the plenary's minutes or a breakout room's notes), edited together live
 * with the same editor as a group's notebook. Over or refused by its ticket, it is for reading only.
 */
export function GatheringNotes({ pageId, label, readOnly }: { pageId: string; label: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const session = useNoteSession(pageId, user.id);
  const me: NoteCursorUser = { id: user.id, name: user.displayName, color: cursorColour(user.id) };
  const stopped = session?.stopped ?? null;
  const locked = readOnly || (session?.readOnly ?? false) || stopped === "accessRevoked" || stopped === "pageDeleted";

  if (!session) return <p role="status">{t("common.loading")}</p>;
  return (
    <div className="gathering-notes">
      <p className={`notes-status notes-status--${session.status}`} role="status">
        <span className="notes-status__dot" aria-hidden="true" />
        {t(`notes.status.${session.status}`)}
      </p>
      {stopped && (
        <p className="banner banner--error" role="alert">
          {t(`notes.stopped.${stopped}`)}
        </p>
      )}
      {/* The editor names this notice as its description whenever it is read-only. */}
      {locked && (
        <p id="notes-readonly-notice" className="banner banner--info">
          {t("notes.readOnly")}
        </p>
      )}
      <NoteEditor key={pageId} doc={session.doc} provider={session.provider} user={me} readOnly={locked} label={label} />
    </div>
  );
}
