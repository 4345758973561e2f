import type { QueryClient } from "@tanstack/react-query";
import type { MethodCard } from "../../../shared/schemas/meetings";

/** Query keys of the method card library; every list of cards sits under "methods", "list". */
export const methodKeys = {
  all: ["methods"] as const,
  lists: ["methods", "list"] as const,
  list: (query: string) => ["methods", "list", query] as const,
  card: (cardId: string) => ["methods", "card", cardId] as const,
};

/**
 * Writes a changed card (a favourite marked, say) into every cached list and its own entry, so all
 * open views agree without a refetch. Lists filtered by favourites are refetched, as the card may
 * now belong there or not.
 */
export function applyCard(queryClient: QueryClient, card: MethodCard): void {
  queryClient.setQueryData<{ card: MethodCard }>(methodKeys.card(card.id), { card });
  queryClient.setQueriesData<{ cards: MethodCard[] }>({ queryKey: methodKeys.lists }, (old) =>
    old ? { cards: old.cards.map((listed) => (listed.id === card.id ? card : listed)) } : old,
  );
  void queryClient.invalidateQueries({
    queryKey: methodKeys.lists,
    predicate: (query) => String(query.queryKey[2] ?? "").includes("favourites=true"),
  });
}
