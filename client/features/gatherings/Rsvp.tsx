import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ToggleButton } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { RSVP_ANSWERS, type Gathering, type RsvpAnswer } from "../../../shared/schemas/gatherings";
import { errorMessage } from "../../lib/i18n";
import { FormAlert } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";
import { RSVP_SYMBOLS } from "./model";

/**
 * "Are you coming?" as three toggle buttons, the chosen one pressed. A press saves at once; my answer is
 * also written out below them, so the choice never rests on the pressed look alone.
 */
export function RsvpCard({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const sending = useRef(false);
  const mine = gathering.myRsvp;

  async function answer(value: RsvpAnswer) {
    if (value === mine || sending.current) return;
    sending.current = true;
    setProblem(null);
    try {
      const { gathering: saved } = await gatheringsApi.rsvp(gathering.id, value);
      queryClient.setQueryData(gatheringKeys.detail(gathering.id), { gathering: saved });
      void queryClient.invalidateQueries({ queryKey: gatheringKeys.mine });
      announce(t("gatherings.rsvp.saved", { answer: t(`gatherings.rsvp.answers.${value}`) }));
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      sending.current = false;
    }
  }

  return (
    <section className="card card--accent rsvp" aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading">{t("gatherings.rsvp.title")}</h2>
      <div className="rsvp__buttons" role="group" aria-labelledby="rsvp-heading" aria-describedby="rsvp-mine">
        {RSVP_ANSWERS.map((value) => (
          <ToggleButton
            key={value}
            className={`button rsvp-button rsvp-button--${value}`}
            isSelected={mine === value}
            onChange={() => void answer(value)}
          >
            <span className="rsvp-button__symbol" aria-hidden="true">
              {RSVP_SYMBOLS[value]}
            </span>
            {t(`gatherings.rsvp.answers.${value}`)}
          </ToggleButton>
        ))}
      </div>
      <p id="rsvp-mine" className="rsvp__mine">
        {mine ? t("gatherings.rsvp.mine", { answer: t(`gatherings.rsvp.answers.${mine}`) }) : t("gatherings.rsvp.none")}
      </p>
      <FormAlert problem={problem} />
    </section>
  );
}

/** How many answered what, and who is coming (yes or maybe) with their group: people plan whom they will meet. */
export function ComingList({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const { yes, maybe, no, coming } = gathering.rsvps;
  return (
    <section className="card" aria-labelledby="gathering-coming-heading">
      <h2 id="gathering-coming-heading">{t("gatherings.coming.title")}</h2>
      <p className="coming-counts">{t("gatherings.coming.counts", { yes, maybe, no })}</p>
      {coming.length === 0 ? (
        <p className="muted">{t("gatherings.coming.none")}</p>
      ) : (
        <ul className="coming-list">
          {coming.map((person) => (
            <li key={person.userId} className="coming-list__person">
              <span className="coming-list__name">{person.displayName}</span>
              <span className="muted"> · {person.groupName}</span>
              {person.answer === "maybe" && " "}
              {person.answer === "maybe" && (
                <span className="badge badge--plain coming-list__maybe">
                  <span aria-hidden="true">{RSVP_SYMBOLS.maybe} </span>
                  {t("gatherings.coming.maybe")}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
