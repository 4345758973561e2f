import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Gathering } from "../../../shared/schemas/gatherings";
import { ApiError } from "../../lib/api";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { Page } from "../layout/Page";
import { safeWebUrl } from "../meetings/format";
import { IcsDownload } from "../scheduling/IcsDownload";
import { viewerTimeZone } from "../scheduling/time";
import { CancelGatheringDialog } from "./CancelGatheringDialog";
import { EditGatheringDialog } from "./dialogs";
import { DigestsSection } from "./Digests";
import { GatheringAgenda } from "./GatheringAgenda";
import { GatheringLiveRoom } from "./GatheringLiveRoom";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";
import { canAnswer, formatGatheringTime, gatheringEnd } from "./model";
import { ComingList, RsvpCard } from "./Rsvp";
import "../meetings/meetings.css";
import "./gatherings.css";

const STATUS_NOTE_ID = "gathering-status-note";

/** When and where, which groups are invited, the calendar file, and for hosts the ways to change or cancel it. */
function GatheringFacts({ gathering, viewerZone, onCancelled }: { gathering: Gathering; viewerZone: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const videoUrl = safeWebUrl(gathering.videoUrl);
  const [dialog, setDialog] = useState<"edit" | "cancel" | null>(null);
  const cancelledHere = useRef(false);
  const changeable = gathering.isHost && gathering.status === "scheduled";

  // Only once the confirm dialog is gone (it keeps focus inside while open) can focus move on.
  useEffect(() => {
    if (dialog !== null || !cancelledHere.current) return;
    cancelledHere.current = false;
    onCancelled();
  }, [dialog, onCancelled]);

  return (
    <section className="card gathering-facts" aria-labelledby="gathering-facts-heading">
      <h2 id="gathering-facts-heading">{t("gatherings.facts.title")}</h2>
      <dl className="meeting-facts__list">
        <div>
          <dt>{t("gatherings.facts.when")}</dt>
          <dd>
            <time dateTime={gathering.startsAt}>{formatGatheringTime(gathering, locale, viewerZone)}</time>
          </dd>
        </div>
        <div>
          <dt>{t("gatherings.facts.duration")}</dt>
          <dd>{t("gatherings.minutes", { count: gathering.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t("gatherings.facts.place")}</dt>
          <dd>
            {gathering.location && <span>{gathering.location}</span>}
            {videoUrl && (
              <a href={videoUrl} target="_blank" rel="noopener noreferrer">
                {t("gatherings.facts.videoLink")}
                <span className="visually-hidden"> ({t("gatherings.facts.opensInNewTab")})</span>
              </a>
            )}
            {!gathering.location && !videoUrl && t("gatherings.facts.noPlace")}
          </dd>
        </div>
        <div>
          <dt>{t("gatherings.facts.programme")}</dt>
          <dd>{gathering.isHost ? <Link to={`/programmes/${gathering.programmeId}`}>{gathering.programmeName}</Link> : gathering.programmeName}</dd>
        </div>
        <div>
          <dt>{t("gatherings.facts.groups", { count: gathering.groups.length })}</dt>
          <dd>
            <ul className="gathering-facts__groups">
              {gathering.groups.map((group) => (
                <li key={group.id}>{group.name}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {gathering.status !== "cancelled" && <IcsDownload title={gathering.title} fetchFile={() => gatheringsApi.ics(gathering.id)} />}
      {changeable && (
        <div className="button-row">
          <Button className="button button--secondary button--small" onPress={() => setDialog("edit")}>
            {t("gatherings.edit.open")}
          </Button>
          <Button className="button button--danger-quiet button--small" onPress={() => setDialog("cancel")}>
            {t("gatherings.cancel.open")}
          </Button>
        </div>
      )}
      {dialog === "edit" && <EditGatheringDialog gathering={gathering} viewerZone={viewerZone} isOpen onOpenChange={(open) => setDialog(open ? "edit" : null)} />}
      {dialog === "cancel" && (
        <CancelGatheringDialog
          gathering={gathering}
          isOpen
          onOpenChange={(open) => setDialog(open ? "cancel" : null)}
          onCancelled={() => {
            cancelledHere.current = true;
          }}
        />
      )}
    </section>
  );
}

function GatheringContent({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const viewerZone = viewerTimeZone();
  const statusNote = useRef<HTMLParagraphElement>(null);
  // A plenary still running past the planned end is not over until a host ends it.
  const over =
    gathering.status === "ended" || gathering.status === "cancelled" || (gathering.status !== "live" && gatheringEnd(gathering).getTime() < Date.now());
  // Whether I come is asked only before it starts: once it runs, has ended or is cancelled, nothing is left to answer.
  const answering = canAnswer(gathering) && gathering.status === "scheduled" && !over;

  // The cancel button is gone with the dialog: focus goes to the note saying the gathering is cancelled.
  function focusStatusNote() {
    requestAnimationFrame(() => statusNote.current?.focus());
  }

  return (
    <>
      <p className="gathering-page__kind">
        <span className="badge badge--kind">{t("gatherings.page.kind")}</span> <span className="muted">{gathering.programmeName}</span>
      </p>
      {gathering.status === "cancelled" ? (
        <p id={STATUS_NOTE_ID} ref={statusNote} tabIndex={-1} className="gathering-note gathering-note--cancelled">
          <strong>{t("gatherings.statuses.cancelled")}.</strong> {t("gatherings.page.cancelledText")}
        </p>
      ) : (
        over && (
          <p id={STATUS_NOTE_ID} className="gathering-note">
            {t("gatherings.page.overText")}
          </p>
        )
      )}
      {gathering.purpose && <p className="page__lead gathering-page__purpose">{gathering.purpose}</p>}
      <GatheringLiveRoom gathering={gathering} />
      <div className="group-layout">
        <div className="group-layout__main">
          {answering && <RsvpCard gathering={gathering} />}
          {/* While the plenary runs, its own agenda shows where it is. */}
          {gathering.status !== "live" && <GatheringAgenda gathering={gathering} />}
          <DigestsSection gathering={gathering} canPublish={gathering.status !== "cancelled"} />
        </div>
        <div className="group-layout__side">
          <GatheringFacts gathering={gathering} viewerZone={viewerZone} onCancelled={focusStatusNote} />
          <ComingList gathering={gathering} />
        </div>
      </div>
    </>
  );
}

/** A cross-group gathering: when and where, whether I come, its agenda, who is coming, and the groups' learning digests. */
export default function GatheringPage() {
  const { t } = useTranslation();
  const { gatheringId = "" } = useParams();
  const query = useQuery({ queryKey: gatheringKeys.detail(gatheringId), queryFn: () => gatheringsApi.get(gatheringId) });
  const gathering = query.data?.gathering;

  if (query.isPending) {
    return (
      <Page title={t("gatherings.page.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!gathering) {
    const gone = query.error instanceof ApiError && (query.error.code === "not_found" || query.error.code === "forbidden");
    return (
      <Page title={gone ? t("gatherings.page.notFoundTitle") : t("gatherings.page.errorTitle")}>
        <p>{gone ? t("gatherings.page.notFoundText") : errorMessage(t, query.error)}</p>
        <p>
          <Link to="/">{t("groups.backHome")}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={gathering.title} className="gathering-page">
      <GatheringContent gathering={gathering} />
    </Page>
  );
}
