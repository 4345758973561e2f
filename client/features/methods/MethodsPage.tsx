import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { groupsApi } from "../../lib/api";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { CardFilters } from "./CardFilters";
import { CardListItem, sortCards } from "./CardList";
import { methodKeys } from "./cardsCache";
import { filtersFromSearch } from "./filters";
import { methodCardQuery, methodsApi, type MethodCardFilters } from "./methodsApi";
import { NewCardDialog } from "./NewCardDialog";
import { SelectField } from "./SelectField";
import { cardTitle } from "./text";
import "./methods.css";

/**
 * The method card library: built-in cards plus, with a group chosen, that group's and its programme's
 * own. The filters are written to the address bar so a view can be bookmarked, shared and returned
 * to, but without a router navigation: that would count as a new page and move focus to the heading
 * while someone is typing a search.
 */
export default function MethodsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const [filters, setFilters] = useState(() => filtersFromSearch(searchParams));
  const query = methodCardQuery(filters);

  // A real navigation to the library (the menu link, say) brings its own filters.
  const [navigationKey, setNavigationKey] = useState(location.key);
  if (navigationKey !== location.key) {
    setNavigationKey(location.key);
    setFilters(filtersFromSearch(searchParams));
  }
  const [creating, setCreating] = useState(false);
  const groups = useQuery({ queryKey: groupKeys.mine, queryFn: groupsApi.list });
  const cards = useQuery({ queryKey: methodKeys.list(query), queryFn: () => methodsApi.list(filters), placeholderData: keepPreviousData });

  const changeFilters = useCallback((next: MethodCardFilters) => {
    setFilters(next);
    const search = methodCardQuery(next);
    // The router's own entry state stays, so Back and Forward keep working.
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }, []);

  const myGroups = groups.data?.groups.filter((group) => group.phase !== "ended") ?? [];
  const facilitated = myGroups.filter((group) => group.myRole === "facilitator");
  const listed = cards.data ? sortCards(cards.data.cards, locale) : [];

  return (
    <Page title={t("methods.title")} className="methods-page">
      <p className="page__lead">{t("methods.lead")}</p>
      <section className="card" aria-labelledby="methods-filters-heading">
        <div className="section-header">
          <h2 id="methods-filters-heading">{t("methods.filtersTitle")}</h2>
          {facilitated.length > 0 && (
            <Button className="button button--primary" onPress={() => setCreating(true)}>
              {t("methods.create.open")}
            </Button>
          )}
        </div>
        {myGroups.length > 0 && (
          <SelectField
            className="methods-page__group"
            label={t("methods.groupCards")}
            description={t("methods.groupCardsHint")}
            value={filters.groupId ?? "none"}
            onChange={(id) => changeFilters({ ...filters, groupId: id === "none" ? undefined : id })}
            options={[{ id: "none", label: t("methods.builtInOnly") }, ...myGroups.map((group) => ({ id: group.id, label: group.name }))]}
          />
        )}
        <CardFilters filters={filters} onChange={changeFilters} />
      </section>
      <section aria-labelledby="methods-results-heading" className="methods-results">
        <h2 id="methods-results-heading" className="visually-hidden">
          {t("methods.resultsTitle")}
        </h2>
        <p role="status" className="methods-results__count">
          {cards.isPending ? t("common.loading") : cards.isError ? "" : t("methods.count", { count: listed.length })}
        </p>
        {cards.isError && (
          <p role="alert" className="form-alert">
            {errorMessage(t, cards.error)}
          </p>
        )}
        {cards.data && listed.length === 0 && (
          <div className="empty-state">
            <p className="empty-state__title">{t("methods.emptyTitle")}</p>
            <p>{filters.favourites ? t("methods.emptyFavourites") : t("methods.emptyText")}</p>
          </div>
        )}
        <ul className="method-list" aria-busy={cards.isFetching}>
          {listed.map((card) => (
            <CardListItem
              key={card.id}
              card={card}
              title={
                <Link to={`/methods/${card.id}`} state={{ search: query }}>
                  {cardTitle(card, locale)}
                </Link>
              }
            />
          ))}
        </ul>
      </section>
      {creating && (
        <NewCardDialog
          groups={facilitated}
          initialGroupId={filters.groupId}
          isOpen={creating}
          onOpenChange={setCreating}
          onCreated={(card) => {
            // Show the new card: its group's cards must be in the list.
            if (card.groupId && card.groupId !== filters.groupId) changeFilters({ ...filters, groupId: card.groupId });
          }}
        />
      )}
    </Page>
  );
}
