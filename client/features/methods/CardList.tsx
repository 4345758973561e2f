import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/locales";
import { METHOD_PHASES, type MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale } from "../../lib/i18n";
import { FavouriteButton } from "./MethodCardView";
import { cardText, cardTitle, methodPhaseLabel, rangeText } from "./text";

/**
 * One card in a list: its title (a link or plain text), purpose, the facts as short badges whose
 * words carry the meaning (colour only decorates), a favourite toggle and whatever `actions` adds.
 */
export function CardListItem({ card, title, actions, children }: { card: MethodCard; title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="method-item">
      <h3 className="method-item__title">{title}</h3>
      <p className="method-item__purpose">{cardText(card.purpose, locale)}</p>
      <p className="method-item__facts">
        <span className={`badge method-phase method-phase--${card.phase}`}>{methodPhaseLabel(t, card.phase)}</span>
        <span className="badge badge--plain">
          <span className="visually-hidden">{t("methods.duration")}: </span>
          {t("methods.minutes", { range: rangeText(card.durationMinutes) })}
        </span>
        <span className="badge badge--plain">
          <span className="visually-hidden">{t("methods.groupSize")}: </span>
          {t("methods.people", { range: rangeText(card.groupSize) })}
        </span>
        {card.virtualFriendly && <span className="badge badge--plain">{t("methods.virtualFriendly")}</span>}
        {card.scope === "group" && <span className="badge badge--strong">{t("methods.scopeGroup")}</span>}
        {card.scope === "programme" && <span className="badge badge--strong">{t("methods.scopeProgramme")}</span>}
      </p>
      <div className="method-item__actions">
        <FavouriteButton card={card} />
        {actions}
      </div>
      {children}
    </li>
  );
}

/** Cards in the order a meeting uses them (opening first, closing last), by title within a phase. */
export function sortCards(cards: readonly MethodCard[], locale: Locale): MethodCard[] {
  const collator = new Intl.Collator(locale);
  const phaseIndex = (card: MethodCard) => METHOD_PHASES.indexOf(card.phase);
  return [...cards].sort((a, b) => phaseIndex(a) - phaseIndex(b) || collator.compare(cardTitle(a, locale), cardTitle(b, locale)));
}
