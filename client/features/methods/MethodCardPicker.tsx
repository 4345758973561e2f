import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { CardFilters } from "./CardFilters";
import { CardListItem, sortCards } from "./CardList";
import { methodKeys } from "./cardsCache";
import { methodCardQuery, methodsApi, type MethodCardFilters } from "./methodsApi";
import { MethodCardDetail } from "./MethodCardView";
import { cardTitle } from "./text";
import "./methods.css";

function PickerItem({ card, onPick, pickLabel }: { card: MethodCard; onPick: (card: MethodCard) => void; pickLabel: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const title = cardTitle(card, currentLocale());
  return (
    <CardListItem
      card={card}
      title={title}
      actions={
        <>
          <Button
            className="button button--secondary button--small"
            aria-expanded={open}
            aria-controls={detailId}
            aria-label={`${open ? t("methods.picker.hide") : t("methods.picker.show")}: ${title}`}
            onPress={() => setOpen(!open)}
          >
            {open ? t("methods.picker.hide") : t("methods.picker.show")}
          </Button>
          {/* The name says which card; the hidden text keeps the title in the button's own text too. */}
          <Button className="button button--primary button--small" aria-label={`${pickLabel}: ${title}`} onPress={() => onPick(card)}>
            {pickLabel}
            <span className="visually-hidden">: {title}</span>
          </Button>
        </>
      }
    >
      <div id={detailId} hidden={!open} className="method-item__detail">
        {open && <MethodCardDetail card={card} headingLevel={4} />}
      </div>
    </CardListItem>
  );
}

/**
 * Search the method card library and pick one card, e.g. for an agenda block. Lists the built-in
 * cards plus the group's and its programme's own; `maxMinutes` starts the list at cards that fit the
 * time left. It draws no frame or heading of its own, so it fits in a dialog or a panel.
 */
export function MethodCardPicker({
  groupId,
  onPick,
  pickLabel,
  maxMinutes,
}: {
  groupId?: string;
  onPick: (card: MethodCard) => void;
  /** The pick button's text; "Choose" when not given. */
  pickLabel?: string;
  maxMinutes?: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [filters, setFilters] = useState<MethodCardFilters>({ groupId, maxMinutes });
  const effective = { ...filters, groupId };
  const query = methodCardQuery(effective);
  const cards = useQuery({ queryKey: methodKeys.list(query), queryFn: () => methodsApi.list(effective), placeholderData: keepPreviousData });
  const listed = cards.data ? sortCards(cards.data.cards, locale) : [];

  return (
    <div className="method-picker">
      <CardFilters filters={effective} onChange={setFilters} compact />
      <p role="status" className="methods-results__count">
        {cards.isPending ? t("common.loading") : cards.isError ? "" : t("methods.count", { count: listed.length })}
      </p>
      {cards.isError && (
        <p role="alert" className="form-alert">
          {errorMessage(t, cards.error)}
        </p>
      )}
      <ul className="method-list method-list--picker" aria-busy={cards.isFetching}>
        {listed.map((card) => (
          <PickerItem key={card.id} card={card} onPick={onPick} pickLabel={pickLabel ?? t("methods.picker.pick")} />
        ))}
      </ul>
    </div>
  );
}
