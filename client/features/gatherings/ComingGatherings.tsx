import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GatheringSummary } from "../../../shared/schemas/gatherings";
import { programmesApi } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { groupKeys } from "../groups/live";
import { viewerTimeZone } from "../scheduling/time";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";
import { GatheringRow } from "./GatheringsSection";
import { RSVP_SYMBOLS } from "./model";
import "./gatherings.css";

const SHOWN = 5;
/** Only the latest few: the list is a way back to what was said, not an archive. */
const PAST_SHOWN = 3;

/** My answer in words (with its symbol, so colour is never the only sign), or that I host it. */
function MyAnswer({ gathering, hosting }: { gathering: GatheringSummary; hosting: boolean }) {
  const { t } = useTranslation();
  const answer = gathering.myRsvp;
  return (
    <p className="gathering-row__answer">
      <span className="muted">{gathering.programmeName} · </span>
      {answer ? (
        <span className={`rsvp-answer rsvp-answer--${answer}`}>
          <span aria-hidden="true">{RSVP_SYMBOLS[answer]} </span>
          {t("gatherings.rsvp.mine", { answer: t(`gatherings.rsvp.answers.${answer}`) })}
        </span>
      ) : hosting ? (
        t("gatherings.home.hosting")
      ) : (
        <strong>{t("gatherings.rsvp.none")}</strong>
      )}
    </p>
  );
}

/** The home page's coming gatherings I am invited to or host, with my answer; nothing when none is coming. */
export function ComingGatherings() {
  const { t } = useTranslation();
  const viewerZone = viewerTimeZone();
  const query = useQuery({ queryKey: gatheringKeys.mine, queryFn: gatheringsApi.mine });
  // The programmes I coordinate (the home page lists them too): their gatherings are mine to host.
  const programmes = useQuery({ queryKey: groupKeys.programmes, queryFn: programmesApi.list });
  const hosted = new Set(programmes.data?.programmes.map((programme) => programme.id) ?? []);
  const gatherings = query.data?.gatherings.slice(0, SHOWN) ?? [];
  if (query.isPending || (query.isSuccess && gatherings.length === 0)) return null;

  return (
    <section className="card" aria-labelledby="coming-gatherings-heading">
      <h2 id="coming-gatherings-heading">{t("gatherings.home.title")}</h2>
      {query.isError ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, query.error)}
        </p>
      ) : (
        <ul className="gathering-list">
          {gatherings.map((gathering) => (
            <GatheringRow
              key={gathering.id}
              gathering={gathering}
              viewerZone={viewerZone}
              extra={<MyAnswer gathering={gathering} hosting={hosted.has(gathering.programmeId)} />}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The latest gatherings that were held, one line each, so their chats, minutes and report-back stay
 * easy to find once they are no longer coming. Nothing while loading, on failure or when none was held:
 * the coming gatherings above already say when something is wrong.
 */
export function PastGatherings() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const viewerZone = viewerTimeZone();
  const query = useQuery({ queryKey: gatheringKeys.minePast, queryFn: gatheringsApi.minePast });
  const gatherings = query.data?.gatherings.slice(0, PAST_SHOWN) ?? [];
  if (gatherings.length === 0) return null;

  return (
    <section className="card" aria-labelledby="past-gatherings-heading">
      <h2 id="past-gatherings-heading">{t("gatherings.home.pastTitle")}</h2>
      <ul className="link-list">
        {gatherings.map((gathering) => (
          <li key={gathering.id}>
            <Link to={`/gatherings/${gathering.id}`}>{gathering.title}</Link>
            <span className="muted">
              {" · "}
              <time dateTime={gathering.startsAt}>{formatDateTime(gathering.startsAt, locale, { timeZone: viewerZone })}</time>
              {` · ${gathering.programmeName}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
