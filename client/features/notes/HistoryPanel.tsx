import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { NOTES } from "../../../shared/limits";
import type { NoteVersion } from "../../../shared/schemas/notes";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ConfirmDialog, FormAlert } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { NameForm } from "./NameForm";
import { notesApi, notesKeys } from "./notesApi";

function versionTitle(t: TFunction, version: NoteVersion): string {
  if (version.name) return version.name;
  return version.kind === "restore" ? t("notes.history.kind.restore") : t("notes.history.kind.auto");
}

function versionKind(t: TFunction, version: NoteVersion): string {
  return t(`notes.history.kindLabel.${version.kind}`);
}

function Preview({ pageId, version, onClose }: { pageId: string; version: NoteVersion; onClose(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({ queryKey: notesKeys.version(pageId, version.id), queryFn: () => notesApi.version(pageId, version.id) });

  useEffect(() => heading.current?.focus(), [version.id]);

  return (
    <section className="notes-preview" aria-labelledby="notes-preview-heading">
      <h4 id="notes-preview-heading" ref={heading} tabIndex={-1}>
        {t("notes.history.previewOf", { name: versionTitle(t, version) })}
      </h4>
      {query.isPending && <p role="status">{t("common.loading")}</p>}
      {query.error && <FormAlert problem={errorMessage(t, query.error)} />}
      {/* Markdown shown as text: whatever the page contained, nothing in it is ever run as HTML. */}
      {query.data && (
        <pre className="notes-preview__text" tabIndex={0} aria-label={t("notes.history.previewText")}>
          {query.data.markdown || t("notes.history.emptyVersion")}
        </pre>
      )}
      <Button className="button button--secondary" onPress={onClose}>
        {t("notes.history.closePreview")}
      </Button>
    </section>
  );
}

/** A page's saved versions: save one by name, look at one, bring one back. */
export function HistoryPanel({ pageId, readOnly }: { pageId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: notesKeys.versions(pageId), queryFn: () => notesApi.versions(pageId) });
  const [previewing, setPreviewing] = useState<NoteVersion | null>(null);
  const [restoring, setRestoring] = useState<NoteVersion | null>(null);
  const previewButtons = useRef(new Map<string, HTMLButtonElement>());

  async function save(name: string) {
    await notesApi.saveVersion(pageId, name);
    await queryClient.invalidateQueries({ queryKey: notesKeys.versions(pageId) });
    announce(t("notes.history.saved", { name }));
  }

  async function restore(version: NoteVersion) {
    await notesApi.restore(pageId, version.id);
    await queryClient.invalidateQueries({ queryKey: notesKeys.versions(pageId) });
    announce(t("notes.history.restored", { name: versionTitle(t, version) }));
  }

  function closePreview() {
    const id = previewing?.id;
    setPreviewing(null);
    if (id) previewButtons.current.get(id)?.focus();
  }

  const versions = query.data?.versions ?? [];

  return (
    <section className="notes-history" aria-labelledby="notes-history-heading">
      <h3 id="notes-history-heading">{t("notes.history.title")}</h3>
      {!readOnly && (
        <NameForm
          className="notes-history__save"
          label={t("notes.history.nameLabel")}
          maxLength={NOTES.versionNameMax}
          emptyMessage={t("notes.history.nameRequired")}
          submitLabel={t("notes.history.save")}
          onSubmit={save}
        />
      )}
      {query.isPending && <p role="status">{t("common.loading")}</p>}
      {query.error && <FormAlert problem={errorMessage(t, query.error)} />}
      {query.data && versions.length === 0 && <p className="muted">{t("notes.history.empty")}</p>}
      {versions.length > 0 && (
        <ol className="notes-history__list">
          {versions.map((version) => (
            <li key={version.id} className="notes-version">
              <div className="notes-version__text">
                <span className="notes-version__name">{versionTitle(t, version)}</span>
                <span className="notes-version__meta">
                  <span className={`notes-version__kind notes-version__kind--${version.kind}`}>{versionKind(t, version)}</span>{" "}
                  {t("notes.history.byAt", {
                    who: version.createdBy?.displayName ?? t("notes.history.automatic"),
                    when: formatDateTime(version.createdAt, locale),
                  })}
                </span>
              </div>
              <div className="notes-version__actions">
                <Button
                  ref={(element) => {
                    if (element) previewButtons.current.set(version.id, element);
                    else previewButtons.current.delete(version.id);
                  }}
                  className="button button--secondary button--small"
                  onPress={() => setPreviewing(version)}
                  aria-label={t("notes.history.previewNamed", { name: versionTitle(t, version) })}
                >
                  {t("notes.history.preview")}
                </Button>
                {!readOnly && (
                  <Button
                    className="button button--secondary button--small"
                    onPress={() => setRestoring(version)}
                    aria-label={t("notes.history.restoreNamed", { name: versionTitle(t, version) })}
                  >
                    {t("notes.history.restore")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {previewing && <Preview key={previewing.id} pageId={pageId} version={previewing} onClose={closePreview} />}
      <ConfirmDialog
        title={t("notes.history.restoreTitle")}
        message={restoring ? t("notes.history.restoreConfirm", { name: versionTitle(t, restoring) }) : ""}
        confirmLabel={t("notes.history.restore")}
        isOpen={restoring !== null}
        onOpenChange={(open) => !open && setRestoring(null)}
        onConfirm={() => (restoring ? restore(restoring) : Promise.resolve())}
      />
    </section>
  );
}
