import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Locale } from "../../../shared/locales";
import type { GroupDetail } from "../../../shared/schemas/groups";
import type { Meeting, MeetingControl, MethodCard, TimerState } from "../../../shared/schemas/meetings";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ConfirmDialog, FormAlert } from "../../lib/ui";
import { ChatPanel } from "../chat/ChatPanel";
import { useAnnounce } from "../groups/announcer";
import type { TimerMoment } from "./clock";
import { timerIsIdle, timerIsRunning } from "./clock";
import { formatClock } from "./format";
import { GoalReview } from "./GoalReview";
import { blockKindLabel, blockTitle, cardText } from "./labels";
import type { LiveRoom as LiveRoomConnection } from "./live";
import { useMethodCards } from "./MethodCardField";
import { RoomTimer } from "./RoomTimer";
import { agendaTiming, currentTurn, FOLLOWING, lookAt, roomChanges, viewedBlockIndex, type AgendaView, type RoomSnapshot } from "./view";

interface RoomContext {
  meeting: Meeting;
  group: GroupDetail;
  live: LiveRoomConnection;
  myUserId: string;
  /** I hold the meeting's facilitator role: the controls are mine. */
  runsRoom: boolean;
  nameOf: (userId: string | null) => string;
  cards: Map<string, MethodCard>;
  locale: Locale;
}

type Control = (control: MeetingControl) => Promise<boolean>;

/** Speaks the room's changes (block, step, turn, facilitator, end) through the page's polite live region. */
function useRoomAnnouncements({ meeting, myUserId, runsRoom, nameOf, cards, locale }: RoomContext) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef<RoomSnapshot | null>(null);
  const snapshot: RoomSnapshot = { status: meeting.status, facilitatorId: meeting.facilitatorId, room: meeting.room };

  useEffect(() => {
    const before = previous.current;
    previous.current = snapshot;
    if (!before) return;
    const sentences = roomChanges(before, snapshot, runsRoom).map((change) => {
      switch (change.type) {
        case "ended":
          return t("meetings.room.announce.ended");
        case "started":
          return t("meetings.room.announce.started");
        case "block": {
          const block = meeting.agenda[change.blockIndex];
          return block ? t("meetings.room.announce.block", { title: blockTitle(t, block, cards.get(block.methodCardId ?? ""), locale) }) : "";
        }
        case "step":
          return t("meetings.room.announce.step", { step: change.step + 1 });
        case "turn":
          return change.speakerId === myUserId ? t("meetings.room.announce.myTurn") : t("meetings.room.announce.turn", { name: nameOf(change.speakerId) });
        case "roundEnded":
          return t("meetings.room.announce.roundEnded");
        case "facilitator":
          return change.userId === myUserId ? t("meetings.room.announce.youFacilitate") : t("meetings.room.announce.facilitator", { name: nameOf(change.userId) });
        case "hand":
          return t("meetings.room.announce.hand", { name: nameOf(change.userId) });
      }
    });
    const text = sentences.filter(Boolean).join(" ");
    if (text) announce(text);
    // The snapshot's parts are what matter; the object itself is new on every render.
  }, [meeting.status, meeting.facilitatorId, meeting.room]);
}

// ── The room's head: current block, timer and the facilitator's clock controls ───────────────────

/** The clock buttons of a room's timer; a gathering's plenary runs on the same controls. */
export function TimerControls({ timer, control }: { timer: TimerState; control: Control }) {
  const { t } = useTranslation();
  const running = timerIsRunning(timer);
  const idle = timerIsIdle(timer);
  return (
    <div className="room-controls" role="group" aria-label={t("meetings.controls.timerGroup")}>
      {idle && (
        <Button className="button button--primary button--small" onPress={() => void control({ type: "timer", op: "start" })}>
          {t("meetings.controls.timerStart")}
        </Button>
      )}
      {running && (
        <Button className="button button--secondary button--small" onPress={() => void control({ type: "timer", op: "pause" })}>
          {t("meetings.controls.timerPause")}
        </Button>
      )}
      {!idle && !running && (
        <Button className="button button--primary button--small" onPress={() => void control({ type: "timer", op: "resume" })}>
          {t("meetings.controls.timerResume")}
        </Button>
      )}
      <Button className="button button--secondary button--small" isDisabled={idle} onPress={() => void control({ type: "timer", op: "reset" })}>
        {t("meetings.controls.timerReset")}
      </Button>
      <Button className="button button--secondary button--small" onPress={() => void control({ type: "extend", minutes: 1 })}>
        {t("meetings.controls.plusOne")}
      </Button>
      <Button className="button button--secondary button--small" onPress={() => void control({ type: "extend", minutes: 5 })}>
        {t("meetings.controls.plusFive")}
      </Button>
      <Button className="button button--secondary button--small" onPress={() => void control({ type: "extend", minutes: -1 })}>
        {t("meetings.controls.minusOne")}
      </Button>
    </div>
  );
}

function RoomHead({ context, onTimerMoment }: { context: RoomContext; onTimerMoment: (moment: TimerMoment) => void }) {
  const { t } = useTranslation();
  const { meeting, live, runsRoom, cards, locale } = context;
  const { blockIndex } = meeting.room;
  const block = meeting.agenda[blockIndex];

  if (meeting.status === "ended") {
    return (
      <div className="room-head room-head--ended">
        <p className="room-head__now">{t("meetings.room.endedText")}</p>
        <Link className="button button--primary" to={`/meetings/${meeting.id}/summary`}>
          {t("meetings.room.toSummary")}
        </Link>
      </div>
    );
  }
  if (blockIndex < 0 || !block) {
    return (
      <div className="room-head">
        <p className="room-head__now">{runsRoom ? t("meetings.room.notStartedFacilitator") : t("meetings.room.notStarted")}</p>
        {runsRoom && (
          <Button className="button button--primary" isDisabled={meeting.agenda.length === 0} onPress={() => void live.control({ type: "start" })}>
            {t("meetings.controls.start")}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="room-head">
      <p className="room-head__now">
        <span className="room-head__label">{t("meetings.room.nowLabel", { position: blockIndex + 1, count: meeting.agenda.length })}</span>
        <strong className="room-head__block">{blockTitle(t, block, cards.get(block.methodCardId ?? ""), locale)}</strong>
      </p>
      <RoomTimer timer={meeting.room.timer} clock={live.clock} blockIndex={blockIndex} onMoment={onTimerMoment} />
      {runsRoom && <TimerControls timer={meeting.room.timer} control={live.control} />}
    </div>
  );
}

// ── Speaking turns and raised hands ──────────────────────────────────────────────────────────────

function SpeakingTurns({ context }: { context: RoomContext }) {
  const { t } = useTranslation();
  const { meeting, live, myUserId, runsRoom, nameOf } = context;
  const { round, hands, present } = meeting.room;
  const turn = currentTurn(round);
  const handRaised = hands.includes(myUserId);
  const isLive = meeting.status === "live";
  const youOr = (userId: string | null) => (userId === myUserId ? t("meetings.round.you", { name: nameOf(userId) }) : nameOf(userId));

  return (
    <section className="card room-turns" aria-labelledby="room-turns-heading">
      <h2 id="room-turns-heading">{t("meetings.round.title")}</h2>
      {turn && round ? (
        <div className="room-turns__round">
          <p className={turn.speakerId === myUserId ? "room-turns__now room-turns__now--me" : "room-turns__now"}>
            {turn.speakerId ? t("meetings.round.now", { name: youOr(turn.speakerId), position: turn.position, count: turn.total }) : t("meetings.round.done")}
          </p>
          <p className="room-turns__next">{turn.nextId ? t("meetings.round.next", { name: youOr(turn.nextId) }) : t("meetings.round.last")}</p>
          <ol className="room-turns__order" aria-label={t("meetings.round.order")}>
            {round.order.map((userId, index) => (
              <li key={userId} aria-current={index === round.index ? "step" : undefined} className={index < round.index ? "room-turns__person room-turns__person--done" : "room-turns__person"}>
                {youOr(userId)}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="muted">{t("meetings.round.none")}</p>
      )}
      {runsRoom && isLive && (
        <div className="room-controls" role="group" aria-label={t("meetings.controls.roundGroup")}>
          {!round ? (
            <Button className="button button--primary button--small" isDisabled={present.length === 0} onPress={() => void live.control({ type: "round", op: "start" })}>
              {t("meetings.controls.roundStart")}
            </Button>
          ) : (
            <>
              <Button className="button button--primary button--small" isDisabled={!turn?.speakerId} onPress={() => void live.control({ type: "round", op: "next" })}>
                {t("meetings.controls.roundNext")}
              </Button>
              <Button className="button button--secondary button--small" onPress={() => void live.control({ type: "round", op: "end" })}>
                {t("meetings.controls.roundEnd")}
              </Button>
            </>
          )}
        </div>
      )}

      <h3 className="room-turns__subheading">{t("meetings.hands.title", { count: hands.length })}</h3>
      {hands.length === 0 ? (
        <p className="muted">{t("meetings.hands.none")}</p>
      ) : (
        <ol className="room-turns__hands">
          {hands.map((userId) => (
            <li key={userId}>{youOr(userId)}</li>
          ))}
        </ol>
      )}
      {isLive && (
        <Button className={handRaised ? "button button--secondary" : "button button--primary"} onPress={() => void live.hand(!handRaised)}>
          {handRaised ? t("meetings.hands.lower") : t("meetings.hands.raise")}
        </Button>
      )}
    </section>
  );
}

// ── The agenda, the block on screen and following the facilitator ────────────────────────────────

function CardSteps({ card, currentStep, locale }: { card: MethodCard; currentStep: number | null; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <div className="room-card">
      <p className="room-card__purpose">{cardText(card.purpose, locale)}</p>
      <h4 className="room-card__heading">{t("meetings.room.steps")}</h4>
      <ol className="room-card__steps">
        {card.steps.map((step, index) => (
          <li key={index} aria-current={index === currentStep ? "step" : undefined} className={index === currentStep ? "room-card__step room-card__step--current" : "room-card__step"}>
            {index === currentStep && <span className="room-card__current">{t("meetings.room.currentStep")}</span>}
            <span className="room-card__text">{cardText(step.text, locale)}</span>
            <span className="room-card__minutes">{t("meetings.minutes", { count: step.minutes })}</span>
          </li>
        ))}
      </ol>
      {cardText(card.virtualTips, locale) && (
        <details className="room-card__details">
          <summary>{t("meetings.room.virtualTips")}</summary>
          <p>{cardText(card.virtualTips, locale)}</p>
        </details>
      )}
      {cardText(card.materials, locale) && (
        <details className="room-card__details">
          <summary>{t("meetings.room.materials")}</summary>
          <p>{cardText(card.materials, locale)}</p>
        </details>
      )}
    </div>
  );
}

function BlockControls({ context, shownIndex, card }: { context: RoomContext; shownIndex: number; card: MethodCard | undefined }) {
  const { t } = useTranslation();
  const { meeting, live } = context;
  const { blockIndex, step } = meeting.room;
  const last = meeting.agenda.length - 1;
  const onCurrent = shownIndex === blockIndex;
  const stepCount = card?.steps.length ?? 0;
  return (
    <div className="room-controls" role="group" aria-label={t("meetings.controls.agendaGroup")}>
      {!onCurrent && (
        <Button className="button button--primary button--small" onPress={() => void live.control({ type: "goto", blockIndex: shownIndex })}>
          {t("meetings.controls.goto")}
        </Button>
      )}
      {onCurrent && stepCount > 0 && (
        <>
          <Button className="button button--secondary button--small" isDisabled={step <= 0} onPress={() => void live.control({ type: "step", step: step - 1 })}>
            {t("meetings.controls.previousStep")}
          </Button>
          <Button className="button button--secondary button--small" isDisabled={step >= stepCount - 1} onPress={() => void live.control({ type: "step", step: step + 1 })}>
            {t("meetings.controls.nextStep")}
          </Button>
        </>
      )}
      <Button className="button button--secondary button--small" isDisabled={blockIndex <= 0} onPress={() => void live.control({ type: "previous" })}>
        {t("meetings.controls.previousBlock")}
      </Button>
      <Button className="button button--primary button--small" isDisabled={blockIndex >= last} onPress={() => void live.control({ type: "next" })}>
        {t("meetings.controls.nextBlock")}
      </Button>
    </div>
  );
}

function RoomAgenda({ context }: { context: RoomContext }) {
  const { t } = useTranslation();
  const { meeting, group, runsRoom, cards, locale } = context;
  const [view, setView] = useState<AgendaView>(FOLLOWING);
  const blockHeading = useRef<HTMLHeadingElement>(null);
  const focusBlock = useRef(false);
  const roomIndex = meeting.room.blockIndex;
  const shownIndex = viewedBlockIndex(view, roomIndex, meeting.agenda.length);
  const block = meeting.agenda[shownIndex];
  const timing = agendaTiming(meeting.startsAt, meeting.agenda, meeting.durationMinutes);
  const card = block?.methodCardId ? cards.get(block.methodCardId) : undefined;
  const started = roomIndex >= 0;

  useEffect(() => {
    if (!focusBlock.current) return;
    focusBlock.current = false;
    blockHeading.current?.focus();
  }, [view]);

  function show(next: AgendaView) {
    focusBlock.current = true;
    setView(next);
  }

  if (!block) return null;
  return (
    <section className="card room-agenda" aria-labelledby="room-agenda-heading">
      <h2 id="room-agenda-heading">{t("meetings.agenda.title")}</h2>
      <ol className="room-agenda__list">
        {meeting.agenda.map((item, index) => {
          const isNow = started && index === roomIndex;
          const isShown = index === shownIndex;
          return (
            <li key={item.id} className={isNow ? "room-agenda__item room-agenda__item--now" : "room-agenda__item"} aria-current={isNow ? "step" : undefined}>
              <Button
                className={isShown ? "room-agenda__button room-agenda__button--shown" : "room-agenda__button"}
                onPress={() => show(lookAt(index, started ? roomIndex : 0))}
              >
                <span className="room-agenda__time">{formatClock(timing.starts[index]!, locale)}</span>
                <span className="room-agenda__title">{blockTitle(t, item, cards.get(item.methodCardId ?? ""), locale)}</span>
                {isNow && <span className="badge badge--strong">{t("meetings.room.nowBadge")}</span>}
                {isShown && <span className="badge badge--plain">{t("meetings.room.shownBadge")}</span>}
              </Button>
            </li>
          );
        })}
      </ol>

      <section className="room-block" aria-labelledby="room-block-heading">
        <h3 id="room-block-heading" ref={blockHeading} tabIndex={-1} className="room-block__title">
          {shownIndex + 1}. {blockTitle(t, block, card, locale)}
        </h3>
        {!view.following && (
          <div className="banner banner--info room-agenda__follow">
            <p>{started ? t("meetings.room.lookingAround", { position: shownIndex + 1, current: roomIndex + 1 }) : t("meetings.room.lookingAroundBefore")}</p>
            <Button className="button button--primary button--small" onPress={() => show(FOLLOWING)}>
              {t("meetings.room.follow")}
            </Button>
          </div>
        )}
        <p className="room-block__meta">
          {blockKindLabel(t, block.kind)} · {t("meetings.minutes", { count: block.minutes })} ·{" "}
          {t("meetings.agenda.startsAt", { time: formatClock(timing.starts[shownIndex]!, locale) })}
        </p>
        {block.notes && <p className="room-block__notes">{block.notes}</p>}
        {card && <CardSteps card={card} currentStep={started && shownIndex === roomIndex ? meeting.room.step : null} locale={locale} />}
        {block.kind === "goal_review" && meeting.status === "live" && <GoalReview group={group} meetingId={meeting.id} />}
        {(block.kind === "check_in" || block.kind === "check_out") && <p className="muted">{t(`meetings.room.hint.${block.kind}`)}</p>}
        {runsRoom && started && meeting.status === "live" && <BlockControls context={context} shownIndex={shownIndex} card={card} />}
      </section>
    </section>
  );
}

// ── Who is here, handing over and ending ─────────────────────────────────────────────────────────

function PresentPeople({ context }: { context: RoomContext }) {
  const { t } = useTranslation();
  const { meeting, myUserId } = context;
  const { present, hands } = meeting.room;
  return (
    <section className="card room-present" aria-labelledby="room-present-heading">
      <h2 id="room-present-heading">{t("meetings.present.title", { count: present.length })}</h2>
      <ul className="room-present__list">
        {present.map((person) => (
          <li key={person.userId} className="room-present__person">
            <span className="room-present__dot" aria-hidden="true" />
            <span>
              {person.userId === myUserId ? t("meetings.round.you", { name: person.displayName }) : person.displayName}
              {person.userId === meeting.facilitatorId && <span className="badge badge--plain room-present__badge">{t("meetings.present.facilitator")}</span>}
              {hands.includes(person.userId) && <span className="badge badge--pending room-present__badge">{t("meetings.present.handRaised")}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FacilitatorTools({ context }: { context: RoomContext }) {
  const { t } = useTranslation();
  const { meeting, live, myUserId } = context;
  const selectId = useId();
  const others = meeting.room.present.filter((person) => person.userId !== myUserId);
  const [handTo, setHandTo] = useState("");
  const [ending, setEnding] = useState(false);
  const target = others.some((person) => person.userId === handTo) ? handTo : (others[0]?.userId ?? "");

  return (
    <section className="card room-tools" aria-labelledby="room-tools-heading">
      <h2 id="room-tools-heading">{t("meetings.controls.title")}</h2>
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          {t("meetings.controls.handOverTo")}
        </label>
        <select id={selectId} value={target} disabled={others.length === 0} onChange={(event) => setHandTo(event.target.value)}>
          {others.length === 0 && <option value="">{t("meetings.controls.nobodyElse")}</option>}
          {others.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <Button className="button button--secondary button--small" isDisabled={!target} onPress={() => void live.control({ type: "handOver", userId: target })}>
          {t("meetings.controls.handOver")}
        </Button>
        <Button className="button button--danger button--small" onPress={() => setEnding(true)}>
          {t("meetings.controls.end")}
        </Button>
      </div>
      <ConfirmDialog
        title={t("meetings.controls.endTitle")}
        message={t("meetings.controls.endText")}
        confirmLabel={t("meetings.controls.end")}
        danger
        isOpen={ending}
        onOpenChange={setEnding}
        onConfirm={async () => {
          if (!(await live.control({ type: "end" }))) throw live.lastError();
        }}
      />
    </section>
  );
}

/**
 * The live room: who is here, the block the facilitator is running with its timer and card steps,
 * speaking turns and raised hands, the goal review, the meeting's chat and minutes. Everyone sees the
 * same state (pushed by the server); the meeting's facilitator has the controls.
 */
export function LiveRoom({
  meeting,
  group,
  live,
  myUserId,
  runsRoom,
}: {
  meeting: Meeting;
  group: GroupDetail;
  live: LiveRoomConnection;
  myUserId: string;
  runsRoom: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const locale = currentLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cards = useMethodCards(meeting.agenda.map((block) => block.methodCardId));

  const nameOf = useCallback(
    (userId: string | null) =>
      (userId &&
        (meeting.room.present.find((person) => person.userId === userId)?.displayName ??
          group.members.find((member) => member.userId === userId)?.displayName)) ||
      t("meetings.someone"),
    [meeting.room.present, group.members, t],
  );

  const context: RoomContext = { meeting, group, live, myUserId, runsRoom, nameOf, cards, locale };
  useRoomAnnouncements(context);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const currentBlock = meeting.agenda[meeting.room.blockIndex];
  const onTimerMoment = useCallback(
    (moment: TimerMoment) => {
      const title = currentBlock ? blockTitle(t, currentBlock, cards.get(currentBlock.methodCardId ?? ""), locale) : "";
      announce(moment === "timeUp" ? t("meetings.timer.announceTimeUp", { title }) : t("meetings.timer.announceOneMinute", { title }));
    },
    [announce, t, currentBlock, cards, locale],
  );

  return (
    <div className="live-room">
      <section className="card card--accent room-main" aria-labelledby="live-room-heading">
        <div className="section-header">
          <h2 id="live-room-heading" ref={headingRef} tabIndex={-1}>
            {t("meetings.room.title")}
          </h2>
          <Button className="button button--secondary button--small" onPress={() => void live.leave()}>
            {t("meetings.room.leave")}
          </Button>
        </div>
        <FormAlert problem={live.problem ? errorMessage(t, live.problem) : null} />
        <RoomHead context={context} onTimerMoment={onTimerMoment} />
      </section>
      <div className="group-layout">
        <div className="group-layout__main">
          <RoomAgenda context={context} />
          {meeting.status === "live" || meeting.room.round ? <SpeakingTurns context={context} /> : null}
          <section className="card room-chat" aria-labelledby="room-chat-heading">
            <h2 id="room-chat-heading">{t("meetings.room.chatTitle")}</h2>
            <ChatPanel conversationId={meeting.conversationId} groupId={meeting.groupId} labelledBy="room-chat-heading" />
          </section>
        </div>
        <div className="group-layout__side">
          <PresentPeople context={context} />
          {runsRoom && meeting.status === "live" && <FacilitatorTools context={context} />}
          <MinutesLink meeting={meeting} />
        </div>
      </div>
    </div>
  );
}

/** The meeting's minutes page in the group notebook, opened beside the room so the room stays joined. */
export function MinutesLink({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="room-minutes-heading">
      <h2 id="room-minutes-heading">{t("meetings.minutesTitle")}</h2>
      {meeting.minutesPageId ? (
        <>
          <p>{t("meetings.minutesText")}</p>
          <Link className="button button--secondary" to={`/groups/${meeting.groupId}/notes/${meeting.minutesPageId}`} target="_blank" rel="noopener">
            {t("meetings.openMinutes")}
            <span className="visually-hidden"> {t("meetings.facts.opensInNewTab")}</span>
          </Link>
        </>
      ) : (
        <p className="muted">{t("meetings.noMinutes")}</p>
      )}
    </section>
  );
}
