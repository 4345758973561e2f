import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/locales";
import type { LocalizedCardText, MethodCard, MethodPhase } from "../../../shared/schemas/meetings";

/** A card's text in the interface language; Finnish when that language's text is missing. */
export function cardText(text: LocalizedCardText, locale: Locale): string {
  return text[locale].trim() || text.fi;
}

/** The card's title in the interface language, for lists and agenda blocks. */
export function cardTitle(card: Pick<MethodCard, "title">, locale: Locale): string {
  return cardText(card.title, locale);
}

/** Every phase has a name in fi, sv and en under `methods.phases`. */
export const methodPhaseLabel = (t: TFunction, phase: MethodPhase) => t(`methods.phases.${phase}`);

/** "10–20 min" or "15 min". */
export function rangeText(range: { min: number; max: number }): string {
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}
