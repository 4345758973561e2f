import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { GATHERING } from "../../../shared/limits";
import type { Gathering, LearningDigest } from "../../../shared/schemas/gatherings";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { FormAlert, TextAreaField } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { viewerTimeZone } from "../scheduling/time";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";

/** Who published a digest and when, in my zone. */
function publishedText(t: ReturnType<typeof useTranslation>["t"], digest: LearningDigest): string {
  const time = formatDateTime(digest.publishedAt, currentLocale(), { timeZone: viewerTimeZone() });
  return digest.publishedByName ? t("gatherings.digest.publishedBy", { name: digest.publishedByName, time }) : t("gatherings.digest.publishedAt", { time });
}

/**
 * A facilitator's form for their group's digest. It says plainly that this text is what leaves the
 * group, and that the group agrees on it first; publishing again replaces it, and it can be withdrawn.
 */
function DigestEditor({ gathering, groupId, groupName, digest }: { gathering: Gathering; groupId: string; groupName: string; digest: LearningDigest | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const headingId = useId();
  const noteId = useId();
  const fieldArea = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(digest?.text ?? "");
  const [pending, setPending] = useState<"publish" | "withdraw" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: "publish" | "withdraw", work: () => Promise<void>) {
    setPending(action);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(null);
    }
  }

  function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === "") {
      setProblem(t("gatherings.digest.required"));
      fieldArea.current?.querySelector("textarea")?.focus();
      return;
    }
    void run("publish", async () => {
      const { gathering: saved } = await gatheringsApi.publishDigest(gathering.id, groupId, text.trim());
      queryClient.setQueryData(gatheringKeys.detail(gathering.id), { gathering: saved });
      announce(t(digest ? "gatherings.digest.updated" : "gatherings.digest.published", { group: groupName }));
    });
  }

  function withdraw() {
    void run("withdraw", async () => {
      await gatheringsApi.withdrawDigest(gathering.id, groupId);
      queryClient.setQueryData<{ gathering: Gathering }>(gatheringKeys.detail(gathering.id), (old) =>
        old ? { gathering: { ...old.gathering, digests: old.gathering.digests.filter((entry) => entry.groupId !== groupId) } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: gatheringKeys.detail(gathering.id) });
      announce(t("gatherings.digest.withdrawn", { group: groupName }));
      // The withdraw button goes away with the digest: focus stays in the form, on the text kept for later.
      requestAnimationFrame(() => fieldArea.current?.querySelector("textarea")?.focus());
    });
  }

  return (
    <div className="digest-editor" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="digest-editor__title">
        {t("gatherings.digest.editTitle", { group: groupName })}
      </h3>
      <div id={noteId} className="digest-editor__note">
        <p>
          <strong>{t("gatherings.digest.noteLeaves")}</strong> {t("gatherings.digest.noteWho")}
        </p>
        <p>{t("gatherings.digest.noteAgree")}</p>
      </div>
      <p className="digest-editor__state">
        {digest ? (
          <>
            <span className="badge badge--strong">{t("gatherings.digest.isPublished")}</span> {publishedText(t, digest)}
          </>
        ) : (
          <span className="badge badge--plain">{t("gatherings.digest.notPublished")}</span>
        )}
      </p>
      <Form className="form" onSubmit={publish}>
        <FormAlert problem={problem} />
        <div ref={fieldArea}>
          <TextAreaField
            name="digest"
            label={t("gatherings.digest.field", { group: groupName })}
            description={t("gatherings.digest.fieldHint", { max: GATHERING.digestMax })}
            value={text}
            onChange={setText}
            maxLength={GATHERING.digestMax}
            rows={6}
            aria-describedby={noteId}
          />
        </div>
        <div className="button-row button-row--tight">
          <Button type="submit" className="button button--primary" isPending={pending === "publish"}>
            {digest ? t("gatherings.digest.update") : t("gatherings.digest.publish")}
          </Button>
          {digest && (
            <Button className="button button--danger-quiet" isPending={pending === "withdraw"} onPress={withdraw}>
              {t("gatherings.digest.withdraw")}
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
}

/**
 * What the groups have learnt: each published digest under its group's name, and for a facilitator of an
 * invited group the form to publish theirs.
 */
export function DigestsSection({ gathering, canPublish }: { gathering: Gathering; canPublish: boolean }) {
  const { t } = useTranslation();
  const names = new Map(gathering.groups.map((group) => [group.id, group.name]));
  const editable = canPublish ? gathering.digestGroupIds.filter((groupId) => names.has(groupId)) : [];

  return (
    <section className="card digests" aria-labelledby="digests-heading" id="digests">
      <h2 id="digests-heading">{t("gatherings.digest.title")}</h2>
      <p className="muted">{t("gatherings.digest.lead")}</p>
      {gathering.digests.length === 0 ? (
        <p>{t("gatherings.digest.none")}</p>
      ) : (
        <ul className="digest-list">
          {gathering.digests.map((digest) => (
            <li key={digest.groupId}>
              <article className="digest" aria-labelledby={`digest-${digest.groupId}`}>
                <h3 id={`digest-${digest.groupId}`} className="digest__group">
                  {digest.groupName}
                </h3>
                <p className="digest__text">{digest.text}</p>
                <p className="digest__meta muted">{publishedText(t, digest)}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
      {editable.map((groupId) => (
        <DigestEditor
          key={groupId}
          gathering={gathering}
          groupId={groupId}
          groupName={names.get(groupId)!}
          digest={gathering.digests.find((digest) => digest.groupId === groupId)}
        />
      ))}
    </section>
  );
}
