import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ToggleButton } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { useAnnounce } from "../groups/announcer";
import { applyCard } from "./cardsCache";
import { methodsApi } from "./methodsApi";
import { cardText, cardTitle, methodPhaseLabel, rangeText } from "./text";

/** Marks a card as a favourite of mine or unmarks it; a toggle button whose pressed state is announced. */
export function FavouriteButton({ card, className = "" }: { card: MethodCard; className?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = cardTitle(card, currentLocale());

  async function toggle(favourite: boolean) {
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      const { card: saved } = await methodsApi.setFavourite(card.id, favourite);
      applyCard(queryClient, saved);
      announce(t(favourite ? "methods.favouriteAdded" : "methods.favouriteRemoved", { title }));
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  return (
    <span className={`favourite ${className}`}>
      <ToggleButton
        className="button button--secondary button--small favourite__button"
        isSelected={card.favourite}
        onChange={(favourite) => void toggle(favourite)}
        aria-label={t("methods.favouriteOf", { title })}
      >
        <span aria-hidden="true" className="favourite__star">
          {card.favourite ? "★" : "☆"}
        </span>{" "}
        {t("methods.favourite")}
      </ToggleButton>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The short facts of a card: phase, duration, group size, virtual use, whose card it is. */
export function CardFacts({ card }: { card: MethodCard }) {
  const { t } = useTranslation();
  return (
    <dl className="method-facts">
      <div>
        <dt>{t("methods.phase")}</dt>
        <dd>
          <span className={`badge method-phase method-phase--${card.phase}`}>{methodPhaseLabel(t, card.phase)}</span>
        </dd>
      </div>
      <div>
        <dt>{t("methods.duration")}</dt>
        <dd>{t("methods.minutes", { range: rangeText(card.durationMinutes) })}</dd>
      </div>
      <div>
        <dt>{t("methods.groupSize")}</dt>
        <dd>{t("methods.people", { range: rangeText(card.groupSize) })}</dd>
      </div>
      <div>
        <dt>{t("methods.virtual")}</dt>
        <dd>{card.virtualFriendly ? t("methods.virtualYes") : t("methods.virtualNo")}</dd>
      </div>
      {card.scope !== "built_in" && (
        <div>
          <dt>{t("methods.source")}</dt>
          <dd>{card.scope === "group" ? t("methods.scopeGroup") : t("methods.scopeProgramme")}</dd>
        </div>
      )}
    </dl>
  );
}

/**
 * Everything a facilitator needs to run the method: purpose, when to use it, facts, the numbered steps
 * with their minutes, tips for running it online and the materials. `headingLevel` lets it sit under
 * a page's h1 or inside a list item's h3.
 */
export function MethodCardDetail({ card, headingLevel = 2 }: { card: MethodCard; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const whenToUse = cardText(card.whenToUse, locale);
  const virtualTips = cardText(card.virtualTips, locale);
  const materials = cardText(card.materials, locale);
  const totalMinutes = card.steps.reduce((sum, step) => sum + step.minutes, 0);

  return (
    <div className="method-detail">
      <p className="method-detail__purpose">{cardText(card.purpose, locale)}</p>
      <CardFacts card={card} />
      {whenToUse && (
        <>
          <Heading className="method-detail__heading">{t("methods.whenToUse")}</Heading>
          <p className="method-detail__text">{whenToUse}</p>
        </>
      )}
      <Heading className="method-detail__heading">{t("methods.steps")}</Heading>
      <ol className="method-steps">
        {card.steps.map((step, index) => (
          <li key={index} className="method-steps__step">
            <div className="method-steps__row">
              <span className="method-steps__minutes">{t("methods.stepMinutes", { count: step.minutes })}</span>
              <span className="method-steps__text">{cardText(step.text, locale)}</span>
            </div>
          </li>
        ))}
      </ol>
      {totalMinutes > 0 && <p className="muted">{t("methods.stepsTotal", { count: totalMinutes })}</p>}
      {virtualTips && (
        <>
          <Heading className="method-detail__heading">{t("methods.virtualTips")}</Heading>
          <p className="method-detail__text">{virtualTips}</p>
        </>
      )}
      {materials && (
        <>
          <Heading className="method-detail__heading">{t("methods.materials")}</Heading>
          <p className="method-detail__text">{materials}</p>
        </>
      )}
    </div>
  );
}
