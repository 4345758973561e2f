import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MEETING } from "../../../shared/limits";
import type { Locale } from "../../../shared/locales";
import { AGENDA_BLOCK_KINDS, type AgendaBlock, type AgendaBlockKind, type Meeting, type MethodCard } from "../../../shared/schemas/meetings";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { Field, FormAlert, TextAreaField } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { formatClock } from "./format";
import { blockKindLabel, blockTitle, cardText } from "./labels";
import { meetingKeys } from "./live";
import { meetingsApi } from "./meetingsApi";
import { MethodCardField, useMethodCards } from "./MethodCardField";
import { agendaTiming, blockProblem, DEFAULT_BLOCK_MINUTES, moveBlock, toAgendaInput, toDraft, type DraftBlock } from "./view";

/** "Total 95 min, the meeting is 90 min: 5 min over" — the sum the facilitator balances. */
function AgendaTotal({ totalMinutes, meetingMinutes }: { totalMinutes: number; meetingMinutes: number }) {
  const { t } = useTranslation();
  const over = totalMinutes - meetingMinutes;
  const balance =
    over > 0 ? t("meetings.agenda.over", { count: over }) : over < 0 ? t("meetings.agenda.spare", { count: -over }) : t("meetings.agenda.exact");
  return (
    <p className={over > 0 ? "agenda-total agenda-total--over" : "agenda-total"}>
      {t("meetings.agenda.total", { total: totalMinutes, duration: meetingMinutes })} <strong>{balance}</strong>
    </p>
  );
}

/** A block's planned start, name and what it holds, as everyone sees it (a meeting's or a gathering's). */
export function AgendaItem({ block, start, card, locale }: { block: AgendaBlock; start: Date; card: MethodCard | undefined; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <li className="agenda__item">
      <span className="agenda__time">
        <time dateTime={start.toISOString()}>{formatClock(start, locale)}</time>
      </span>
      <div className="agenda__body">
        <p className="agenda__title">
          {blockTitle(t, block, card, locale)}
          <span className="agenda__meta">
            {block.kind !== "other" && block.title.trim() !== "" ? `${blockKindLabel(t, block.kind)} · ` : ""}
            {t("meetings.minutes", { count: block.minutes })}
          </span>
        </p>
        {card && (
          <p className="agenda__card">
            {/* A block named after its card needs no "Method: …" to say which card it is. */}
            {block.title.trim() !== "" && `${t("meetings.agenda.cardIs", { title: cardText(card.title, locale) })} `}
            {cardText(card.purpose, locale)}
          </p>
        )}
        {block.notes && <p className="agenda__notes">{block.notes}</p>}
      </div>
    </li>
  );
}

export function AgendaList({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cards = useMethodCards(meeting.agenda.map((block) => block.methodCardId));
  const timing = agendaTiming(meeting.startsAt, meeting.agenda, meeting.durationMinutes);
  if (meeting.agenda.length === 0) return <p className="muted">{t("meetings.agenda.empty")}</p>;
  return (
    <>
      <ol className="agenda">
        {meeting.agenda.map((block, index) => (
          <AgendaItem
            key={block.id}
            block={block}
            start={timing.starts[index]!}
            card={block.methodCardId ? cards.get(block.methodCardId) : undefined}
            locale={locale}
          />
        ))}
      </ol>
      <AgendaTotal totalMinutes={timing.totalMinutes} meetingMinutes={meeting.durationMinutes} />
    </>
  );
}

const kindSelectId = (key: string) => `agenda-kind-${key}`;
const moveButtonId = (key: string, step: -1 | 1) => `agenda-move-${step < 0 ? "up" : "down"}-${key}`;

function BlockFields({
  block,
  index,
  count,
  start,
  groupId,
  card,
  showProblems,
  onChange,
  onMove,
  onRemove,
}: {
  block: DraftBlock;
  index: number;
  count: number;
  start: Date | undefined;
  groupId: string;
  card: MethodCard | undefined;
  showProblems: boolean;
  onChange: (patch: Partial<DraftBlock>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const legendId = useId();
  const problem = showProblems ? blockProblem(block, MEETING.durationMaxMinutes) : null;
  const named = block.kind === "method" || block.kind === "break" || block.kind === "other";

  return (
    <li className="agenda-editor__block">
      <fieldset className="agenda-editor__fieldset" aria-labelledby={legendId}>
        <legend id={legendId} className="agenda-editor__legend">
          <span className="agenda-editor__number">{index + 1}.</span> {blockTitle(t, block, card, locale)}
          {start && <span className="agenda-editor__start">{t("meetings.agenda.startsAt", { time: formatClock(start, locale) })}</span>}
        </legend>
        <div className="agenda-editor__row">
          <div className="field">
            <label className="field__label" htmlFor={kindSelectId(block.key)}>
              {t("meetings.agenda.kind")}
            </label>
            <select id={kindSelectId(block.key)} value={block.kind} onChange={(event) => onChange({ kind: event.target.value as AgendaBlockKind })}>
              {AGENDA_BLOCK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {blockKindLabel(t, kind)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t("meetings.agenda.minutesLabel")}
            type="number"
            inputMode="numeric"
            value={Number.isNaN(block.minutes) ? "" : String(block.minutes)}
            onChange={(value) => onChange({ minutes: value.trim() === "" ? Number.NaN : Number(value) })}
            validationBehavior="aria"
            validate={() => (problem === "minutes" ? t("meetings.agenda.invalid.minutes", { max: MEETING.durationMaxMinutes }) : null)}
          />
        </div>
        {named && (
          <Field
            label={t("meetings.agenda.titleLabel")}
            description={block.kind === "other" ? undefined : t("meetings.agenda.titleOptional")}
            value={block.title}
            maxLength={MEETING.titleMax}
            onChange={(title) => onChange({ title })}
            validationBehavior="aria"
            validate={() => (problem === "title" ? t("meetings.agenda.invalid.title") : null)}
          />
        )}
        {block.kind === "method" && (
          <MethodCardField
            groupId={groupId}
            cardId={block.methodCardId}
            card={card}
            describedBy={legendId}
            onChange={(chosen) => {
              // A fresh method block takes the card's own shortest length.
              const minutes = chosen && block.minutes === DEFAULT_BLOCK_MINUTES.method ? chosen.durationMinutes.min : block.minutes;
              onChange({ methodCardId: chosen?.id ?? null, minutes });
            }}
          />
        )}
        <TextAreaField
          label={t("meetings.agenda.notesLabel")}
          description={t("meetings.agenda.notesHint")}
          value={block.notes}
          maxLength={MEETING.notesMax}
          rows={2}
          onChange={(notes) => onChange({ notes })}
        />
        <div className="button-row button-row--tight">
          <Button id={moveButtonId(block.key, -1)} className="button button--secondary button--small" isDisabled={index === 0} onPress={() => onMove(-1)} aria-describedby={legendId}>
            {t("meetings.agenda.moveUp")}
          </Button>
          <Button
            id={moveButtonId(block.key, 1)}
            className="button button--secondary button--small"
            isDisabled={index === count - 1}
            onPress={() => onMove(1)}
            aria-describedby={legendId}
          >
            {t("meetings.agenda.moveDown")}
          </Button>
          <Button className="button button--danger-quiet button--small" isDisabled={count === 1} onPress={onRemove} aria-describedby={legendId}>
            {t("meetings.agenda.remove")}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * The agenda as a list of timed blocks the facilitator reorders, adds to and removes from; start
 * times follow from the lengths. Nothing is sent until "Save agenda".
 */
export function AgendaEditor({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<DraftBlock[]>(() => toDraft(meeting.agenda));
  const [newKind, setNewKind] = useState<AgendaBlockKind>("method");
  const [showProblems, setShowProblems] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const nextKey = useRef(0);
  const focusAfter = useRef<string | null>(null);
  const newKindId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cards = useMethodCards(draft.map((block) => block.methodCardId));
  const timing = agendaTiming(meeting.startsAt, draft, meeting.durationMinutes);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Focus goes where the last change left it, once the list has re-rendered.
  useEffect(() => {
    const wanted = focusAfter.current;
    focusAfter.current = null;
    if (!wanted) return;
    const element = document.getElementById(wanted);
    if (element instanceof HTMLButtonElement && element.disabled) {
      // A block moved to either end: its other move button is the one still usable.
      const other = wanted.includes("-up-") ? wanted.replace("-up-", "-down-") : wanted.replace("-down-", "-up-");
      document.getElementById(other)?.focus();
    } else {
      element?.focus();
    }
  }, [draft]);

  function change(key: string, patch: Partial<DraftBlock>) {
    setDraft((blocks) => blocks.map((block) => (block.key === key ? { ...block, ...patch } : block)));
  }

  function move(index: number, step: -1 | 1) {
    const block = draft[index]!;
    focusAfter.current = moveButtonId(block.key, step);
    setDraft(moveBlock(draft, index, step));
    announce(t("meetings.agenda.moved", { title: blockTitle(t, block, cards.get(block.methodCardId ?? ""), currentLocale()), position: index + step + 1 }));
  }

  function remove(index: number) {
    const rest = draft.filter((_, at) => at !== index);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    focusAfter.current = neighbour ? kindSelectId(neighbour.key) : newKindId;
    setDraft(rest);
    announce(t("meetings.agenda.removed"));
  }

  function add() {
    if (draft.length >= MEETING.agendaBlocksMax) return;
    const key = `new-${nextKey.current++}`;
    focusAfter.current = kindSelectId(key);
    setDraft([...draft, { key, kind: newKind, title: "", minutes: DEFAULT_BLOCK_MINUTES[newKind], methodCardId: null, notes: "" }]);
  }

  async function save() {
    setShowProblems(true);
    const firstInvalid = draft.find((block) => blockProblem(block, MEETING.durationMaxMinutes) !== null);
    if (firstInvalid) {
      setProblem(t("meetings.agenda.fixProblems"));
      document.getElementById(kindSelectId(firstInvalid.key))?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const { meeting: saved } = await meetingsApi.replaceAgenda(meeting.id, toAgendaInput(draft));
      queryClient.setQueryData(meetingKeys.detail(meeting.id), { meeting: saved });
      announce(t("meetings.agenda.saved"));
      onDone();
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="agenda-editor">
      <h3 ref={headingRef} tabIndex={-1} className="agenda-editor__heading">
        {t("meetings.agenda.editTitle")}
      </h3>
      <p className="muted">{t("meetings.agenda.editLead")}</p>
      <ol className="agenda-editor__list">
        {draft.map((block, index) => (
          <BlockFields
            key={block.key}
            block={block}
            index={index}
            count={draft.length}
            start={timing.starts[index]}
            groupId={meeting.groupId}
            card={block.methodCardId ? cards.get(block.methodCardId) : undefined}
            showProblems={showProblems}
            onChange={(patch) => change(block.key, patch)}
            onMove={(step) => move(index, step)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <div className="agenda-editor__add">
        <div className="field">
          <label className="field__label" htmlFor={newKindId}>
            {t("meetings.agenda.newKind")}
          </label>
          <select id={newKindId} value={newKind} onChange={(event) => setNewKind(event.target.value as AgendaBlockKind)}>
            {AGENDA_BLOCK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {blockKindLabel(t, kind)}
              </option>
            ))}
          </select>
        </div>
        <Button className="button button--secondary" onPress={add} isDisabled={draft.length >= MEETING.agendaBlocksMax}>
          {t("meetings.agenda.add")}
        </Button>
      </div>
      <AgendaTotal totalMinutes={timing.totalMinutes} meetingMinutes={meeting.durationMinutes} />
      <FormAlert problem={problem} />
      <div className="button-row">
        <Button className="button button--secondary" onPress={onDone}>
          {t("common.cancel")}
        </Button>
        <Button className="button button--primary" isPending={pending} onPress={() => void save()}>
          {t("meetings.agenda.save")}
        </Button>
      </div>
    </div>
  );
}

/** The agenda card of the meeting page: the agenda for everyone, the editor for those who plan the meeting. */
export function AgendaSection({ meeting, canPlan }: { meeting: Meeting; canPlan: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const editable = canPlan && (meeting.status === "scheduled" || meeting.status === "live");

  function done() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <section className="card" aria-labelledby="agenda-heading" id="agenda">
      <div className="section-header">
        <h2 id="agenda-heading">{t("meetings.agenda.title")}</h2>
        {editable && !editing && (
          <Button ref={editButton} className="button button--secondary button--small" onPress={() => setEditing(true)}>
            {t("meetings.agenda.edit")}
          </Button>
        )}
      </div>
      {editing ? <AgendaEditor meeting={meeting} onDone={done} /> : <AgendaList meeting={meeting} />}
    </section>
  );
}
