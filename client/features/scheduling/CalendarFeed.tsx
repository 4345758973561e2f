import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/i18n";
import { ConfirmDialog, FormAlert, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { schedulingKeys } from "./live";
import { schedulingApi } from "./schedulingApi";
import "./scheduling.css";

/** The feed's secret address, read-only and selectable, with a copy button. */
function FeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard access (an insecure origin, say): leave the text selected for Ctrl+C.
      input.current?.select();
    }
    setCopied(true);
    announce(t("scheduling.feed.copied"));
  }

  return (
    <div className="created-link">
      <label htmlFor={id} className="field__label">
        {t("scheduling.feed.urlLabel")}
      </label>
      <div className="created-link__row">
        <input
          ref={input}
          id={id}
          className="field__input created-link__input"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button className="button button--primary" onPress={() => void copy()}>
          {copied ? t("scheduling.feed.copiedButton") : t("scheduling.feed.copy")}
        </Button>
      </div>
      <p id={`${id}-hint`} className="field__description">
        {t("scheduling.feed.urlHint")}
      </p>
    </div>
  );
}

/**
 * My personal calendar feed: one secret address with all my groups' meetings, to subscribe to in a
 * calendar app. Renewing makes a new address and stops the old one; revoking stops it altogether.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const feed = useQuery({ queryKey: schedulingKeys.calendarFeed, queryFn: schedulingApi.calendarFeed });
  const { pending, problem, submit } = useSubmission();
  const [confirming, setConfirming] = useState<"renew" | "revoke" | null>(null);
  const url = feed.data?.url ?? null;

  async function renew() {
    const next = await schedulingApi.renewCalendarFeed();
    queryClient.setQueryData(schedulingKeys.calendarFeed, next);
    announce(url ? t("scheduling.feed.renewed") : t("scheduling.feed.created"));
  }

  async function revoke() {
    await schedulingApi.revokeCalendarFeed();
    queryClient.setQueryData(schedulingKeys.calendarFeed, { url: null });
    announce(t("scheduling.feed.revoked"));
  }

  return (
    <section className="card" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t("scheduling.feed.title")}</h2>
      <p>{t("scheduling.feed.lead")}</p>
      <p className="banner banner--info">{t("scheduling.feed.privacy")}</p>
      {feed.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : feed.isError ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, feed.error)}
        </p>
      ) : url ? (
        <>
          <FeedUrl key={url} url={url} />
          <div className="button-row">
            <Button className="button button--secondary" onPress={() => setConfirming("renew")}>
              {t("scheduling.feed.renew")}
            </Button>
            <Button className="button button--danger-quiet" onPress={() => setConfirming("revoke")}>
              {t("scheduling.feed.revoke")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <FormAlert problem={problem} />
          <Button className="button button--primary" isPending={pending} onPress={() => void submit(renew)}>
            {t("scheduling.feed.create")}
          </Button>
        </>
      )}
      {confirming === "renew" && (
        <ConfirmDialog
          title={t("scheduling.feed.renewTitle")}
          message={t("scheduling.feed.renewText")}
          confirmLabel={t("scheduling.feed.renew")}
          isOpen
          onOpenChange={(open) => setConfirming(open ? "renew" : null)}
          onConfirm={renew}
        />
      )}
      {confirming === "revoke" && (
        <ConfirmDialog
          title={t("scheduling.feed.revokeTitle")}
          message={t("scheduling.feed.revokeText")}
          confirmLabel={t("scheduling.feed.revoke")}
          isOpen
          onOpenChange={(open) => setConfirming(open ? "revoke" : null)}
          onConfirm={revoke}
          danger
        />
      )}
    </section>
  );
}
