import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GatheringSummary } from "../../../shared/schemas/gatherings";
import type { GroupSummary } from "../../../shared/schemas/groups";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { viewerTimeZone } from "../scheduling/time";
import { OrganiseGatheringDialog } from "./dialogs";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";
import { formatGatheringTime, isComing } from "./model";
import "./gatherings.css";

/** One gathering in a list: the way in, when (in my zone), where, and whether it was cancelled. */
export function GatheringRow({ gathering, viewerZone, extra }: { gathering: GatheringSummary; viewerZone: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={`gathering-row gathering-row--${gathering.status}`}>
      <p className="gathering-row__title">
        <Link to={`/gatherings/${gathering.id}`}>{gathering.title}</Link>
        {gathering.status !== "scheduled" && (
          <>
            {" "}
            <span className={`badge gathering-status gathering-status--${gathering.status}`}>{t(`gatherings.statuses.${gathering.status}`)}</span>
          </>
        )}
      </p>
      <p className="gathering-row__when">
        <time dateTime={gathering.startsAt}>{formatGatheringTime(gathering, locale, viewerZone)}</time>
      </p>
      {(gathering.location || gathering.videoUrl) && (
        <p className="gathering-row__where muted">
          {gathering.location}
          {gathering.location && gathering.videoUrl && " · "}
          {gathering.videoUrl && t("gatherings.videoAvailable")}
        </p>
      )}
      {extra}
    </li>
  );
}

/**
 * The programme page's gatherings, for its coordinators: the coming ones, the past and cancelled ones
 * on request, and the way to organise a new one for some or all of the programme's groups.
 */
export function GatheringsSection({ programmeId, groups }: { programmeId: string; groups: readonly GroupSummary[] }) {
  const { t } = useTranslation();
  const viewerZone = viewerTimeZone();
  const [organising, setOrganising] = useState(false);
  const query = useQuery({ queryKey: gatheringKeys.programme(programmeId), queryFn: () => gatheringsApi.forProgramme(programmeId) });
  const now = Date.now();
  const all = query.data?.gatherings ?? [];
  const coming = all.filter((gathering) => isComing(gathering, now));
  const earlier = all.filter((gathering) => !isComing(gathering, now)).reverse();

  return (
    <section className="card gatherings-section" aria-labelledby="programme-gatherings-heading">
      <div className="section-header">
        <h2 id="programme-gatherings-heading">{t("gatherings.section.title")}</h2>
        {groups.length > 0 && (
          <Button className="button button--primary" onPress={() => setOrganising(true)}>
            {t("gatherings.organise.open")}
          </Button>
        )}
      </div>
      <p className="muted">{groups.length > 0 ? t("gatherings.section.lead") : t("gatherings.section.noGroups")}</p>
      {query.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : query.isError ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, query.error)}
        </p>
      ) : (
        <>
          <h3 className="subsection-title">{t("gatherings.section.coming")}</h3>
          {coming.length === 0 ? (
            <p className="muted">{t("gatherings.section.noneComing")}</p>
          ) : (
            <ul className="gathering-list">
              {coming.map((gathering) => (
                <GatheringRow key={gathering.id} gathering={gathering} viewerZone={viewerZone} />
              ))}
            </ul>
          )}
          {earlier.length > 0 && (
            <details className="gatherings-section__earlier">
              <summary>{t("gatherings.section.earlier", { count: earlier.length })}</summary>
              <ul className="gathering-list">
                {earlier.map((gathering) => (
                  <GatheringRow key={gathering.id} gathering={gathering} viewerZone={viewerZone} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {organising && (
        <OrganiseGatheringDialog programmeId={programmeId} groups={groups} viewerZone={viewerZone} isOpen={organising} onOpenChange={setOrganising} />
      )}
    </section>
  );
}
