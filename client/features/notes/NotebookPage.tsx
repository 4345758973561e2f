import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { NOTES } from "../../../shared/limits";
import { cursorColour, isNotebookReadOnly, type NoteCursorUser } from "../../../shared/notes";
import type { NotePage, NotePageList } from "../../../shared/schemas/notes";
import { ApiError, groupsApi } from "../../lib/api";
import { useSocket, useUser } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";
import { errorMessage } from "../../lib/i18n";
import { ConfirmDialog, DialogActions, FormAlert, ModalDialog, formText, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { HistoryPanel } from "./HistoryPanel";
import { NameForm } from "./NameForm";
import { NoteEditor } from "./NoteEditor";
import { notesApi, notesKeys } from "./notesApi";
import type { NoteLinkStatus, NoteStopReason } from "./noteConnection";
import { inNotebookOrder, movePage, pageAfterRemoval } from "./pageOrder";
import { useEditingNow, useNoteSession } from "./useNoteSession";
import "./notes.css";

const notebookPath = (groupId: string, pageId?: string) => `/groups/${groupId}/notes${pageId ? `/${pageId}` : ""}`;

/** The page list follows the server: pushes go straight into the cache, a reconnect refetches. */
function useNotebookLiveUpdates(groupId: string): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onUpdated = ({ groupId: changed, pages }: { groupId: string; pages: NotePage[] }) => {
      if (changed !== groupId) return;
      queryClient.setQueryData<NotePageList>(notesKeys.pages(groupId), (old) => (old ? { ...old, pages } : old));
    };
    return listenTo(socket, {
      "notes:updated": onUpdated,
      connect: onReconnect(socket, () => void queryClient.invalidateQueries({ queryKey: notesKeys.pages(groupId) })),
    });
  }, [socket, queryClient, groupId]);
}

function NewPageForm({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function create(title: string) {
    const { page } = await notesApi.create(groupId, title);
    queryClient.setQueryData<NotePageList>(notesKeys.pages(groupId), (old) =>
      old && !old.pages.some((listed) => listed.id === page.id) ? { ...old, pages: [...old.pages, page] } : old,
    );
    void navigate(notebookPath(groupId, page.id));
  }

  return (
    <NameForm
      className="notes-new-page"
      label={t("notes.pages.newTitle")}
      maxLength={NOTES.titleMax}
      emptyMessage={t("notes.pages.titleRequired")}
      submitLabel={t("notes.pages.add")}
      onSubmit={create}
    />
  );
}

function PageList({
  groupId,
  pages,
  currentPageId,
  readOnly,
}: {
  groupId: string;
  pages: NotePage[];
  currentPageId: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const focusAfterMove = useRef<{ pageId: string; step: -1 | 1 } | null>(null);

  // The moved item's button keeps focus; at either end the other arrow takes it.
  useEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted) return;
    focusAfterMove.current = null;
    const same = document.getElementById(`notes-move-${wanted.step < 0 ? "up" : "down"}-${wanted.pageId}`);
    const other = document.getElementById(`notes-move-${wanted.step < 0 ? "down" : "up"}-${wanted.pageId}`);
    (same && !same.hasAttribute("disabled") ? same : other)?.focus();
  }, [pages]);

  async function move(page: NotePage, step: -1 | 1) {
    const planned = movePage(pages, page.id, step);
    if (!planned) return;
    setProblem(null);
    const key = notesKeys.pages(groupId);
    const before = queryClient.getQueryData<NotePageList>(key);
    focusAfterMove.current = { pageId: page.id, step };
    queryClient.setQueryData<NotePageList>(key, (old) => (old ? { ...old, pages: planned.pages } : old));
    try {
      await notesApi.update(page.id, { position: planned.position });
      announce(t("notes.pages.moved", { title: page.title, position: planned.position + 1, count: pages.length }));
    } catch (error) {
      if (before) queryClient.setQueryData(key, before);
      setProblem(errorMessage(t, error));
    }
  }

  return (
    <nav className="notes-pages" aria-labelledby="notes-pages-heading">
      <h2 id="notes-pages-heading">{t("notes.pages.title")}</h2>
      <FormAlert problem={problem} />
      {pages.length === 0 ? (
        <p className="muted">{t("notes.pages.empty")}</p>
      ) : (
        <ol className="notes-pages__list">
          {pages.map((page, index) => (
            <li key={page.id} className={page.id === currentPageId ? "notes-pages__item notes-pages__item--current" : "notes-pages__item"}>
              <Link to={notebookPath(groupId, page.id)} aria-current={page.id === currentPageId ? "page" : undefined} className="notes-pages__link">
                {page.title}
              </Link>
              {!readOnly && pages.length > 1 && (
                <span className="notes-pages__move">
                  <Button
                    id={`notes-move-up-${page.id}`}
                    className="notes-icon-button"
                    isDisabled={index === 0}
                    onPress={() => void move(page, -1)}
                    aria-label={t("notes.pages.moveUp", { title: page.title })}
                  >
                    <span aria-hidden="true">↑</span>
                  </Button>
                  <Button
                    id={`notes-move-down-${page.id}`}
                    className="notes-icon-button"
                    isDisabled={index === pages.length - 1}
                    onPress={() => void move(page, 1)}
                    aria-label={t("notes.pages.moveDown", { title: page.title })}
                  >
                    <span aria-hidden="true">↓</span>
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <NewPageForm groupId={groupId} />}
    </nav>
  );
}

function RenameDialog({ page, isOpen, onOpenChange }: { page: NotePage; isOpen: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const { pending, problem, setProblem, submit } = useSubmission();

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = formText(new FormData(event.currentTarget), "title");
    if (!title) {
      setProblem(t("notes.pages.titleRequired"));
      return;
    }
    await submit(async () => {
      const { page: renamed } = await notesApi.update(page.id, { title });
      queryClient.setQueryData<NotePageList>(notesKeys.pages(page.groupId), (old) =>
        old ? { ...old, pages: old.pages.map((listed) => (listed.id === renamed.id ? renamed : listed)) } : old,
      );
      onOpenChange(false);
      announce(t("notes.pages.renamed", { title }));
    });
  }

  return (
    <ModalDialog
      title={t("notes.pages.renameTitle")}
      isOpen={isOpen}
      onOpenChange={(open) => {
        setProblem(null);
        onOpenChange(open);
      }}
    >
      <Form className="form" onSubmit={(event) => void rename(event)} validationErrors={problem ? { title: problem } : undefined}>
        <TextField name="title" defaultValue={page.title} maxLength={NOTES.titleMax} className="field" autoFocus>
          <Label className="field__label">{t("notes.pages.titleLabel")}</Label>
          <Input className="field__input" />
          <FieldError className="field-error">{problem}</FieldError>
        </TextField>
        <DialogActions onCancel={() => onOpenChange(false)}>
          <Button type="submit" className="button button--primary" isPending={pending}>
            {t("notes.pages.rename")}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  );
}

function ConnectionStatus({ status }: { status: NoteLinkStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`notes-status notes-status--${status}`} role="status" aria-live="polite">
      <span className="notes-status__dot" aria-hidden="true" />
      {t(`notes.status.${status}`)}
    </p>
  );
}

function EditingNow({ people, myId }: { people: NoteCursorUser[]; myId: string }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <div className="notes-presence">
      <span id="notes-presence-label" className="notes-presence__label">
        {t("notes.presence.label")}
      </span>
      <ul className="notes-presence__list" aria-labelledby="notes-presence-label">
        {people.map((person) => (
          <li key={person.id} className="notes-presence__person">
            <span className="notes-presence__swatch" aria-hidden="true" ref={(element) => element?.style.setProperty("background-color", person.color)} />
            {person.id === myId ? t("notes.presence.you", { name: person.name }) : person.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function StoppedNotice({ reason, onRetry }: { reason: NoteStopReason; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--error notes-stopped" role="alert">
      <p>{t(`notes.stopped.${reason}`)}</p>
      {reason === "tooLarge" && (
        <Button className="button button--secondary" onPress={onRetry}>
          {t("notes.stopped.retry")}
        </Button>
      )}
    </div>
  );
}

function PageEditor({
  page,
  notebookReadOnly,
  canDelete,
  pagesBefore,
}: {
  page: NotePage;
  notebookReadOnly: boolean;
  canDelete: boolean;
  pagesBefore: NotePage[];
}) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const session = useNoteSession(page.id, user.id);
  const people = useEditingNow(session?.provider ?? null);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { pending: exporting, problem: exportProblem, submit: runExport } = useSubmission();
  const readOnly = notebookReadOnly || (session?.readOnly ?? false) || session?.stopped === "accessRevoked" || session?.stopped === "pageDeleted";
  const me: NoteCursorUser = { id: user.id, name: user.displayName, color: cursorColour(user.id) };

  async function remove() {
    await notesApi.remove(page.id);
    const next = pageAfterRemoval(pagesBefore, page.id);
    queryClient.setQueryData<NotePageList>(notesKeys.pages(page.groupId), (old) =>
      old ? { ...old, pages: old.pages.filter((listed) => listed.id !== page.id) } : old,
    );
    announce(t("notes.pages.deleted", { title: page.title }));
    void navigate(notebookPath(page.groupId, next?.id), { replace: true });
  }

  async function exportMarkdown() {
    await runExport(async () => {
      const { blob, fileName } = await notesApi.markdown(page.id);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = fileName ?? `${page.title}.md`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  return (
    <section className="notes-page" aria-labelledby="notes-page-heading">
      <h2 id="notes-page-heading" className="visually-hidden">
        {t("notes.editor.sectionTitle", { title: page.title })}
      </h2>
      <div className="notes-page__bar">
        {session ? <ConnectionStatus status={session.status} /> : <p role="status">{t("common.loading")}</p>}
        <EditingNow people={people} myId={user.id} />
      </div>
      <div className="notes-page__actions">
        {!readOnly && (
          <Button className="button button--secondary button--small" onPress={() => setRenaming(true)}>
            {t("notes.pages.rename")}
          </Button>
        )}
        <Button
          className="button button--secondary button--small"
          onPress={() => setHistoryOpen((open) => !open)}
          aria-expanded={historyOpen}
          aria-controls={historyOpen ? "notes-history" : undefined}
        >
          {t("notes.history.toggle")}
        </Button>
        <Button className="button button--secondary button--small" onPress={() => void exportMarkdown()} isPending={exporting}>
          {t("notes.export")}
        </Button>
        {canDelete && !readOnly && (
          <Button className="button button--danger button--small" onPress={() => setDeleting(true)}>
            {t("notes.pages.delete")}
          </Button>
        )}
      </div>
      <FormAlert problem={exportProblem} />
      {session?.stopped && <StoppedNotice reason={session.stopped} onRetry={session.reconnect} />}
      {readOnly && !session?.stopped && (
        <p id="notes-readonly-notice" className="banner banner--info notes-readonly">
          {t("notes.readOnly")}
        </p>
      )}
      <div className={historyOpen ? "notes-page__body notes-page__body--with-history" : "notes-page__body"}>
        <div className="notes-page__editor">
          {session ? (
            <NoteEditor
              key={page.id}
              doc={session.doc}
              provider={session.provider}
              user={me}
              readOnly={readOnly}
              label={t("notes.editor.label", { title: page.title })}
            />
          ) : null}
        </div>
        {historyOpen && (
          <div id="notes-history" className="notes-page__history">
            <HistoryPanel pageId={page.id} readOnly={readOnly} />
          </div>
        )}
      </div>
      <RenameDialog page={page} isOpen={renaming} onOpenChange={setRenaming} />
      <ConfirmDialog
        title={t("notes.pages.deleteTitle")}
        message={t("notes.pages.deleteConfirm", { title: page.title })}
        confirmLabel={t("notes.pages.delete")}
        isOpen={deleting}
        onOpenChange={setDeleting}
        onConfirm={remove}
        danger
      />
    </section>
  );
}

/** A group's shared notebook: the list of pages and the selected page, edited together live. */
export default function NotebookPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { groupId = "", pageId } = useParams();
  useNotebookLiveUpdates(groupId);
  const notebook = useQuery({ queryKey: notesKeys.pages(groupId), queryFn: () => notesApi.pages(groupId) });
  const group = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId) });
  const groupName = group.data?.group.name;

  if (notebook.isPending) {
    return (
      <Page title={t("notes.title")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!notebook.data) {
    const gone = notebook.error instanceof ApiError && (notebook.error.code === "not_found" || notebook.error.code === "forbidden");
    return (
      <Page title={t("notes.title")}>
        <p>{gone ? t("notes.notAvailable") : errorMessage(t, notebook.error)}</p>
        <p>
          <Link to="/">{t("notes.backHome")}</Link>
        </p>
      </Page>
    );
  }

  const pages = inNotebookOrder(notebook.data.pages);
  // The group detail is kept live, so a facilitator's "read only in notes" (or the group ending)
  // applies at once; the notebook's own answer covers the moment before it has loaded.
  const live = group.data?.group;
  const readOnly = live ? isNotebookReadOnly(live.phase, live.myMembership) : notebook.data.readOnly;
  if (!pageId && pages[0]) return <Navigate to={notebookPath(groupId, pages[0].id)} replace />;
  const page = pageId ? pages.find((candidate) => candidate.id === pageId) : undefined;
  const facilitator = group.data?.group.myMembership.role === "facilitator";
  const title = page?.title ?? t("notes.title");

  return (
    <Page title={title} documentTitle={page ? t("notes.documentTitle", { title: page.title }) : t("notes.title")} className="notebook">
      <p className="notebook__context">
        {t("notes.title")}
        {groupName && (
          <>
            {" · "}
            <Link to={`/groups/${groupId}`}>{groupName}</Link>
          </>
        )}
      </p>
      <div className="notebook__layout">
        <PageList groupId={groupId} pages={pages} currentPageId={page?.id} readOnly={readOnly} />
        <div className="notebook__main">
          {page ? (
            <PageEditor
              key={page.id}
              page={page}
              notebookReadOnly={readOnly}
              canDelete={facilitator || page.createdBy?.id === user.id}
              pagesBefore={pages}
            />
          ) : pageId ? (
            <div className="banner banner--info" role="status">
              <p>{t("notes.pageGone")}</p>
            </div>
          ) : (
            <p className="muted">{readOnly ? t("notes.pages.empty") : t("notes.pages.startHint")}</p>
          )}
        </div>
      </div>
    </Page>
  );
}
