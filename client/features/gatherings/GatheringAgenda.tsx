import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { agendaStartTimes } from "../../../shared/meetingClock";
import type { Gathering } from "../../../shared/schemas/gatherings";
import type { MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale } from "../../lib/i18n";
import { formatClock } from "../meetings/format";
import { blockKindLabel, blockTitle, cardText } from "../meetings/labels";
import { methodKeys } from "../methods/cardsCache";
import { methodsApi } from "../methods/methodsApi";

/** The method cards the agenda refers to, each fetched once (in the method library's cache). */
function useAgendaCards(cardIds: readonly (string | null)[]): Map<string, MethodCard> {
  const ids = [...new Set(cardIds.filter((id): id is string => id !== null))];
  const results = useQueries({
    queries: ids.map((cardId) => ({ queryKey: methodKeys.card(cardId), queryFn: () => methodsApi.get(cardId), staleTime: 5 * 60_000 })),
  });
  const cards = new Map<string, MethodCard>();
  for (const result of results) if (result.data) cards.set(result.data.card.id, result.data.card);
  return cards;
}

/** The gathering's agenda as everyone sees it: each block with its planned start (in my zone), length and method. */
export function GatheringAgenda({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cards = useAgendaCards(gathering.agenda.map((block) => block.methodCardId));
  const starts = agendaStartTimes(
    new Date(gathering.startsAt),
    gathering.agenda.map((block) => block.minutes),
  );

  return (
    <section className="card" aria-labelledby="gathering-agenda-heading">
      <h2 id="gathering-agenda-heading">{t("gatherings.agenda.title")}</h2>
      {gathering.agenda.length === 0 ? (
        <p className="muted">{t("gatherings.agenda.empty")}</p>
      ) : (
        <ol className="agenda">
          {gathering.agenda.map((block, index) => {
            const card = block.methodCardId ? cards.get(block.methodCardId) : undefined;
            const start = starts[index]!;
            return (
              <li key={block.id} className="agenda__item">
                <span className="agenda__time">
                  <time dateTime={start.toISOString()}>{formatClock(start, locale)}</time>
                </span>
                <div className="agenda__body">
                  <p className="agenda__title">
                    {blockTitle(t, block, card, locale)}
                    <span className="agenda__meta">
                      {block.kind !== "other" && block.title.trim() !== "" ? `${blockKindLabel(t, block.kind)} · ` : ""}
                      {t("gatherings.minutes", { count: block.minutes })}
                    </span>
                  </p>
                  {card && (
                    <p className="agenda__card">
                      {block.title.trim() !== "" && `${t("gatherings.agenda.cardIs", { title: cardText(card.title, locale) })} `}
                      {cardText(card.purpose, locale)}
                    </p>
                  )}
                  {block.notes && <p className="agenda__notes">{block.notes}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
