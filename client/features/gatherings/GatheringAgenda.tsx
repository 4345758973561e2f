import { useTranslation } from "react-i18next";
import { agendaStartTimes } from "../../../shared/meetingClock";
import type { Gathering } from "../../../shared/schemas/gatherings";
import { currentLocale } from "../../lib/i18n";
import { AgendaItem } from "../meetings/AgendaEditor";
import { useMethodCards } from "../meetings/MethodCardField";

/** The gathering's agenda as everyone sees it: each block with its planned start (in my zone), length and method. */
export function GatheringAgenda({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cards = useMethodCards(gathering.agenda.map((block) => block.methodCardId));
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
          {gathering.agenda.map((block, index) => (
            <AgendaItem key={block.id} block={block} start={starts[index]!} card={block.methodCardId ? cards.get(block.methodCardId) : undefined} locale={locale} />
          ))}
        </ol>
      )}
    </section>
  );
}
