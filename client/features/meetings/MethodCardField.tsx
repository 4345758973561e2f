import { useQueries } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale } from "../../lib/i18n";
import { ModalDialog } from "../../lib/ui";
import { methodKeys } from "../methods/cardsCache";
import { MethodCardPicker } from "../methods/MethodCardPicker";
import { methodsApi } from "../methods/methodsApi";
import { cardText } from "./labels";

/** The method cards an agenda refers to, by id, each fetched once (in the method library's cache). */
export function useMethodCards(cardIds: readonly (string | null)[]): Map<string, MethodCard> {
  const ids = [...new Set(cardIds.filter((id): id is string => id !== null))];
  const results = useQueries({
    queries: ids.map((cardId) => ({
      queryKey: methodKeys.card(cardId),
      queryFn: () => methodsApi.get(cardId),
      staleTime: 5 * 60_000,
    })),
  });
  const cards = new Map<string, MethodCard>();
  for (const result of results) if (result.data) cards.set(result.data.card.id, result.data.card);
  return cards;
}

/**
 * A block's method card: its name, and the method library's picker in a dialog to choose or change it.
 * Picking closes the dialog and focus returns to the button that opened it.
 */
export function MethodCardField({
  groupId,
  card,
  cardId,
  maxMinutes,
  describedBy,
  onChange,
}: {
  groupId: string;
  cardId: string | null;
  /** The chosen card once loaded. */
  card: MethodCard | undefined;
  /** Starts the picker at cards that fit this block. */
  maxMinutes?: number;
  /** The block's legend, so "Choose a card" says for which block. */
  describedBy: string;
  onChange: (card: MethodCard | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labelId = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  }

  return (
    <div className="field method-card-field" role="group" aria-labelledby={labelId}>
      <span className="field__label" id={labelId}>
        {t("meetings.agenda.card")}
      </span>
      <p className="method-card-field__value">
        {cardId ? (card ? cardText(card.title, locale) : t("common.loading")) : t("meetings.agenda.noCard")}
      </p>
      <div className="button-row button-row--tight">
        <Button ref={opener} className="button button--secondary button--small" onPress={() => setOpen(true)} aria-describedby={describedBy}>
          {cardId ? t("meetings.agenda.changeCard") : t("meetings.agenda.chooseCard")}
        </Button>
        {cardId && (
          <Button className="button button--secondary button--small" onPress={() => onChange(null)} aria-describedby={describedBy}>
            {t("meetings.agenda.removeCard")}
          </Button>
        )}
      </div>
      <ModalDialog title={t("meetings.agenda.pickerTitle")} isOpen={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
        <MethodCardPicker
          groupId={groupId}
          maxMinutes={maxMinutes}
          pickLabel={t("meetings.agenda.pick")}
          onPick={(picked) => {
            onChange(picked);
            close();
          }}
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close}>
            {t("common.cancel")}
          </Button>
        </div>
      </ModalDialog>
    </div>
  );
}
