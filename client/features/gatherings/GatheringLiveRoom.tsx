import type { TFunction } from "i18next";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { BREAKOUT } from "../../../shared/limits";
import type { BreakoutRoom, Gathering, GatheringLive } from "../../../shared/schemas/gatherings";
import type { MeetingControl } from "../../../shared/schemas/meetings";
import { useUser } from "../../lib/auth";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ConfirmDialog, Field, FormAlert, TextAreaField, useSubmission } from "../../lib/ui";
import { ChatPanel } from "../chat/ChatPanel";
import type { MentionMember } from "../chat/mentions";
import { useAnnounce } from "../groups/announcer";
import { timerIsIdle, timerIsRunning, type TimerMoment } from "../meetings/clock";
import { blockTitle } from "../meetings/labels";
import { TimerControls } from "../meetings/LiveRoom";
import { useMethodCards } from "../meetings/MethodCardField";
import { RoomTimer } from "../meetings/RoomTimer";
import { viewerTimeZone } from "../scheduling/time";
import { GatheringNotes } from "./GatheringNotes";
import { GatheringReportDownload } from "./GatheringReportDownload";
import { useBreakoutPresence, useGatheringLive, type GatheringLiveConnection } from "./liveGathering";

const LIVE_HEADING_ID = "gathering-live-heading";
const ROOM_HEADING_ID = "breakout-room-heading";
const DEFAULT_ROOM_SIZE = 4;
const DEFAULT_BREAKOUT_MINUTES = 15;

/** Runs a live action and keeps its failure to show in place; `run` resolves with the failure or null. */
function useLiveAction() {
  const { pending, problem, setProblem, submit } = useSubmission();
  // The live connection's actions resolve with their failure rather than throwing it.
  const perform = (run: () => Promise<unknown>) =>
    submit(async () => {
      const error = await run();
      if (error) throw error;
    });
  return { problem, pending, perform, setProblem };
}

function publishedLine(t: TFunction, summary: { byName: string | null; at: string }): string {
  const time = formatDateTime(summary.at, currentLocale(), { timeZone: viewerTimeZone() });
  return summary.byName ? t("gatherings.digest.publishedBy", { name: summary.byName, time }) : t("gatherings.digest.publishedAt", { time });
}

// ── Shared pieces of the plenary and the rooms ────────────────────────────────────────────────────

/**
 * The hosts' latest message to every room. The region is always there, so a new message is read out
 * wherever a participant is; the text stays visible until a newer one replaces it.
 */
function BroadcastBanner({ live, quietBefore = null }: { live: GatheringLive; quietBefore?: string | null }) {
  const { t } = useTranslation();
  const broadcast = live.broadcast && (quietBefore === null || live.broadcast.at > quietBefore) ? live.broadcast : null;
  return (
    <div role="status" className={broadcast ? "gathering-broadcast" : "gathering-broadcast gathering-broadcast--empty"}>
      {broadcast && (
        <p>
          <strong>{t("gatherings.live.broadcastFrom")}</strong> {broadcast.text}
        </p>
      )}
    </div>
  );
}

/** A breakout room's people and the group each comes from: the mix is the point. */
function RoomMembers({ room, myUserId }: { room: BreakoutRoom; myUserId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="breakout-members">
      {room.members.map((member) => (
        <li key={member.userId}>
          <span className="breakout-members__name">{member.userId === myUserId ? t("meetings.round.you", { name: member.displayName }) : member.displayName}</span>
          <span className="breakout-members__group">{member.groupName}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The room's report-back. Any of its people may write it; publishing again replaces it. It can be
 * written in the room or, once everyone is called back, in the plenary.
 */
function SummaryForm({ room, connection }: { room: BreakoutRoom; connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const headingId = useId();
  const [text, setText] = useState(room.summary?.text ?? "");
  const { problem, pending, perform, setProblem } = useLiveAction();
  const area = useRef<HTMLDivElement>(null);

  async function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === "") {
      setProblem(t("gatherings.live.summaryRequired"));
      area.current?.querySelector("textarea")?.focus();
      return;
    }
    const again = room.summary !== null;
    if (await perform(() => connection.publishSummary(room.id, text.trim()))) {
      announce(t(again ? "gatherings.live.summaryUpdated" : "gatherings.live.summaryPublished", { number: room.number }));
    }
  }

  return (
    <section className="card breakout-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("gatherings.live.summaryTitle", { number: room.number })}</h2>
      <p className="muted">{t("gatherings.live.summaryLead")}</p>
      {room.summary && (
        <p className="breakout-summary__state">
          <span className="badge badge--strong">{t("gatherings.digest.isPublished")}</span> {publishedLine(t, room.summary)}
        </p>
      )}
      <Form className="form" onSubmit={(event) => void publish(event)}>
        <FormAlert problem={problem} />
        <div ref={area}>
          <TextAreaField
            name="summary"
            label={t("gatherings.live.summaryField", { number: room.number })}
            description={t("gatherings.live.summaryHint", { max: BREAKOUT.summaryMax })}
            value={text}
            onChange={setText}
            maxLength={BREAKOUT.summaryMax}
            rows={4}
          />
        </div>
        <div className="button-row button-row--tight">
          <Button type="submit" className="button button--primary" isPending={pending}>
            {room.summary ? t("gatherings.live.summaryUpdate") : t("gatherings.live.summaryPublish")}
          </Button>
        </div>
      </Form>
    </section>
  );
}

/** Every published summary, oldest round first, for everyone: what the rooms bring back. */
function ReportBack({ live }: { live: GatheringLive }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="gathering-reports-heading">
      <h2 id="gathering-reports-heading">{t("gatherings.live.reportsTitle")}</h2>
      {live.reports.length === 0 ? (
        <p className="muted">{t("gatherings.live.reportsNone")}</p>
      ) : (
        <ul className="digest-list">
          {live.reports.map((report) => {
            const id = `gathering-report-${report.round}-${report.number}`;
            return (
              <li key={id}>
                <article className="digest" aria-labelledby={id}>
                  <h3 id={id} className="digest__group">
                    {t("gatherings.live.reportTitle", { number: report.number, round: report.round })}
                  </h3>
                  <p className="digest__text">{report.summary.text}</p>
                  <p className="digest__meta muted">{publishedLine(t, report.summary)}</p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A chat of the gathering (plenary or room) under its own heading. */
function LiveChat({ title, headingId, conversationId, members, canModerate, readOnly, roomEntries }: {
  title: string;
  headingId: string;
  conversationId: string;
  members: readonly MentionMember[];
  canModerate: boolean;
  readOnly: boolean;
  /** How many times the chat's room (the gathering's or a breakout room's) has been entered. */
  roomEntries?: number;
}) {
  return (
    <section className="card room-chat" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ChatPanel
        conversationId={conversationId}
        members={members}
        canModerate={canModerate}
        readOnly={readOnly}
        roomEntries={roomEntries}
        labelledBy={headingId}
      />
    </section>
  );
}

function NotesCard({ title, headingId, pageId, readOnly, lead }: { title: string; headingId: string; pageId: string; readOnly: boolean; lead: string }) {
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{lead}</p>
      <GatheringNotes pageId={pageId} label={title} readOnly={readOnly} />
    </section>
  );
}

// ── A breakout room ───────────────────────────────────────────────────────────────────────────────

function RoomTimerControls({ room, connection }: { room: BreakoutRoom; connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const { problem, perform } = useLiveAction();
  const running = timerIsRunning(room.timer);
  const idle = timerIsIdle(room.timer);
  return (
    <>
      <div className="room-controls" role="group" aria-label={t("meetings.controls.timerGroup")}>
        {idle && (
          <Button className="button button--primary button--small" onPress={() => void perform(() => connection.roomTimer(room.id, "start"))}>
            {t("meetings.controls.timerStart")}
          </Button>
        )}
        {running && (
          <Button className="button button--secondary button--small" onPress={() => void perform(() => connection.roomTimer(room.id, "pause"))}>
            {t("meetings.controls.timerPause")}
          </Button>
        )}
        {!idle && !running && (
          <Button className="button button--primary button--small" onPress={() => void perform(() => connection.roomTimer(room.id, "resume"))}>
            {t("meetings.controls.timerResume")}
          </Button>
        )}
        <Button className="button button--secondary button--small" onPress={() => void perform(() => connection.roomTimer(room.id, "extend", 5))}>
          {t("meetings.controls.plusFive")}
        </Button>
      </div>
      <FormAlert problem={problem} />
    </>
  );
}

/**
 * One breakout room as its people see it (and a host looking in): who is in it and from which group,
 * its own timer, chat and notes, and its summary for the plenary.
 */
function BreakoutRoomView({
  room,
  live,
  connection,
  myUserId,
  isHost,
  headingRef,
  onBack,
}: {
  room: BreakoutRoom;
  live: GatheringLive;
  connection: GatheringLiveConnection;
  myUserId: string;
  isHost: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: (() => void) | null;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const presence = useBreakoutPresence(room.id);
  const isMember = room.members.some((member) => member.userId === myUserId);
  const members = useMemo(() => room.members.map(({ userId, displayName }) => ({ userId, displayName })), [room.members]);
  const onTimerMoment = useCallback(
    (moment: TimerMoment) => announce(moment === "timeUp" ? t("gatherings.live.roomTimeUp") : t("gatherings.live.roomOneMinute")),
    [announce, t],
  );

  return (
    <div className="live-room breakout-room">
      <section className="card card--accent room-main" aria-labelledby={ROOM_HEADING_ID}>
        <div className="section-header">
          <h2 id={ROOM_HEADING_ID} ref={headingRef} tabIndex={-1}>
            {t("gatherings.live.roomTitle", { number: room.number })}
          </h2>
          {onBack && (
            <Button className="button button--secondary button--small" onPress={onBack}>
              {t("gatherings.live.backToPlenary")}
            </Button>
          )}
        </div>
        <BroadcastBanner live={live} />
        <p className="muted">
          {isMember ? t("gatherings.live.roomLead", { round: room.round }) : t("gatherings.live.lookingIn", { round: room.round })}
        </p>
        <FormAlert problem={presence.problem ? errorMessage(t, presence.problem) : null} />
        <div className="room-head">
          <p className="room-head__now room-head__label">{t("gatherings.live.roomTimerHint")}</p>
          <RoomTimer timer={room.timer} clock={connection.clock} blockIndex={room.round} onMoment={onTimerMoment} />
          {room.status === "open" && (isMember || isHost) && <RoomTimerControls room={room} connection={connection} />}
        </div>
      </section>
      <div className="group-layout">
        <div className="group-layout__main">
          <LiveChat
            title={t("gatherings.live.roomChatTitle")}
            headingId="breakout-chat-heading"
            conversationId={room.conversationId}
            members={members}
            canModerate={isHost}
            readOnly={live.status !== "live"}
            roomEntries={presence.entries}
          />
          <NotesCard
            title={t("gatherings.live.roomNotesTitle", { number: room.number })}
            headingId="breakout-notes-heading"
            pageId={room.notesPageId}
            readOnly={live.status !== "live"}
            lead={t("gatherings.live.roomPrivate")}
          />
        </div>
        <div className="group-layout__side">
          <section className="card" aria-labelledby="breakout-members-heading">
            <h2 id="breakout-members-heading">{t("gatherings.live.roomMembers", { count: room.members.length })}</h2>
            <RoomMembers room={room} myUserId={myUserId} />
          </section>
          {isMember && <SummaryForm key={room.id} room={room} connection={connection} />}
        </div>
      </div>
    </div>
  );
}

// ── The hosts' breakout controls ──────────────────────────────────────────────────────────────────

/** The message for a whole number outside min..max, or null when it fits (the server checks it too). */
function outOfRange(t: TFunction, value: string, min: number, max: number): string | null {
  const number = Number(value);
  return value.trim() !== "" && (!Number.isInteger(number) || number < min || number > max) ? t("gatherings.live.numberRange", { min, max }) : null;
}

function PlanForm({ connection, replan }: { connection: GatheringLiveConnection; replan: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { problem, pending, perform } = useLiveAction();
  const [roomSize, setRoomSize] = useState(String(DEFAULT_ROOM_SIZE));

  async function plan(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const size = Number(roomSize);
    if (await perform(() => connection.plan(size))) announce(t("gatherings.live.planned"));
  }

  return (
    <Form className="form breakout-form" onSubmit={(event) => void plan(event)}>
      <FormAlert problem={problem} />
      <Field
        name="roomSize"
        type="number"
        inputMode="numeric"
        label={t("gatherings.live.roomSize")}
        description={t("gatherings.live.roomSizeHint", { min: BREAKOUT.roomSizeMin, max: BREAKOUT.roomSizeMax })}
        value={roomSize}
        onChange={setRoomSize}
        validate={(value) => outOfRange(t, value, BREAKOUT.roomSizeMin, BREAKOUT.roomSizeMax)}
        isRequired
      />
      <div className="button-row button-row--tight">
        <Button type="submit" className={replan ? "button button--secondary" : "button button--primary"} isPending={pending}>
          {replan ? t("gatherings.live.replan") : t("gatherings.live.plan")}
        </Button>
      </div>
    </Form>
  );
}

/**
 * Focus follows a moved person's row to the room they were sent to. The row there appears when the new
 * state is drawn, which may be before or after the move's answer arrives, so every drawing checks.
 */
function useFocusFollowsMove(idOf: (userId: string) => string) {
  const wanted = useRef<{ userId: string; roomNumber: number } | null>(null);
  const follow = useCallback(() => {
    if (!wanted.current) return;
    const { userId, roomNumber } = wanted.current;
    const control = document.getElementById(idOf(userId));
    if (control?.closest(`[data-room-number="${roomNumber}"]`)) {
      wanted.current = null;
      control.focus();
    }
  }, [idOf]);
  useEffect(follow);
  return useCallback(
    (userId: string, roomNumber: number) => {
      wanted.current = { userId, roomNumber };
      follow();
    },
    [follow],
  );
}

const placeId = (userId: string) => `breakout-place-${userId}`;

function StartForm({ connection }: { connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const { problem, pending, perform } = useLiveAction();
  const [minutes, setMinutes] = useState(String(DEFAULT_BREAKOUT_MINUTES));
  return (
    <Form
      className="form breakout-form"
      onSubmit={(event) => {
        event.preventDefault();
        void perform(() => connection.startBreakouts(Number(minutes)));
      }}
    >
      <FormAlert problem={problem} />
      <Field
        name="minutes"
        type="number"
        inputMode="numeric"
        label={t("gatherings.live.minutes")}
        value={minutes}
        onChange={setMinutes}
        validate={(value) => outOfRange(t, value, 1, BREAKOUT.minutesMax)}
        isRequired
      />
      <div className="button-row button-row--tight">
        <Button type="submit" className="button button--primary" isPending={pending}>
          {t("gatherings.live.start")}
        </Button>
      </div>
    </Form>
  );
}

function BroadcastForm({ connection }: { connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { problem, pending, perform, setProblem } = useLiveAction();
  const [text, setText] = useState("");
  return (
    <Form
      className="form breakout-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === "") {
          setProblem(t("gatherings.live.broadcastRequired"));
          return;
        }
        void perform(() => connection.broadcast(text.trim())).then((sent) => {
          if (!sent) return;
          setText("");
          announce(t("gatherings.live.broadcastSent"));
        });
      }}
    >
      <FormAlert problem={problem} />
      <Field name="broadcast" label={t("gatherings.live.broadcastLabel")} value={text} onChange={setText} maxLength={BREAKOUT.broadcastMax} />
      <div className="button-row button-row--tight">
        <Button type="submit" className="button button--secondary" isPending={pending}>
          {t("gatherings.live.broadcastSend")}
        </Button>
      </div>
    </Form>
  );
}

/** The people on the page who are in no room of the open round: most likely they came late. */
function unplacedPeople(live: GatheringLive, rooms: BreakoutRoom[], myUserId: string): { userId: string; displayName: string }[] {
  const inRooms = new Set(rooms.flatMap((room) => room.members.map((member) => member.userId)));
  // Hosts are never placed, but this page knows only two of them: the one running it and me. The server
  // refuses any other host with a message, which is shown.
  return live.room.present.filter((person) => !inRooms.has(person.userId) && person.userId !== live.facilitatorId && person.userId !== myUserId);
}

/**
 * A room select and a button to send one person there while the rooms are open. The button, not the
 * select, does it: moving someone changes their screen at once, so browsing the options must not.
 * Until the host picks, the suggestion is the emptiest room other than the person's own.
 */
function PlaceControl({
  person,
  rooms,
  currentRoom,
  onPlace,
}: {
  person: { userId: string; displayName: string };
  rooms: BreakoutRoom[];
  currentRoom: number | null;
  onPlace: (roomNumber: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const choices = rooms.filter((room) => room.number !== currentRoom);
  if (choices.length === 0) return null;
  const emptiest = choices.reduce((best, room) => (room.members.length < best.members.length ? room : best));
  const value = choice !== null && choices.some((room) => String(room.number) === choice) ? choice : String(emptiest.number);
  const selectId = placeId(person.userId);
  return (
    <span className="breakout-place">
      <label className="visually-hidden" htmlFor={selectId}>
        {t("gatherings.live.moveLabel", { name: person.displayName })}
      </label>
      <select id={selectId} className="breakout-members__move" value={value} onChange={(event) => setChoice(event.target.value)}>
        {choices.map((room) => (
          <option key={room.number} value={room.number}>
            {t("gatherings.live.roomTitle", { number: room.number })}
          </option>
        ))}
      </select>
      <Button
        className="button button--secondary button--small"
        aria-label={t("gatherings.live.moveButtonFor", { name: person.displayName })}
        isPending={pending}
        onPress={() => {
          setPending(true);
          void onPlace(Number(value)).finally(() => setPending(false));
        }}
      >
        {t("gatherings.live.moveButton")}
      </Button>
    </span>
  );
}

/**
 * The rooms of the current round as the hosts see them. Planned (`draft`), anyone can be moved to adjust
 * the split; open, anyone can be sent on to another room — or placed, if they came late and are in no
 * room yet — and their screen follows; each open room shows whether it has reported back and can be looked into.
 */
function HostRooms({
  live,
  rooms,
  stage,
  connection,
  myUserId,
  onLookIn,
}: {
  live: GatheringLive;
  rooms: BreakoutRoom[];
  stage: "draft" | "open";
  connection: GatheringLiveConnection;
  myUserId: string;
  onLookIn: (breakoutId: string) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { problem, perform } = useLiveAction();
  const unplaced = stage === "open" ? unplacedPeople(live, rooms, myUserId) : [];
  const focusFollows = useFocusFollowsMove(placeId);

  async function place(userId: string, name: string, roomNumber: number) {
    if (await perform(() => connection.move(userId, roomNumber))) {
      announce(t("gatherings.live.moved", { name, number: roomNumber }));
      // The person's row now sits in the room they were sent to: focus follows it there.
      focusFollows(userId, roomNumber);
    }
  }

  return (
    <>
      <FormAlert problem={problem} />
      <div className="breakout-rooms">
        {rooms.map((room) => (
          <section key={room.id} className="breakout-rooms__room" aria-labelledby={`breakout-${stage}-${room.number}`} data-room-number={room.number}>
            <h4 id={`breakout-${stage}-${room.number}`}>{t("gatherings.live.roomTitle", { number: room.number })}</h4>
            {room.members.length === 0 ? (
              <p className="muted">{t("gatherings.live.roomEmpty")}</p>
            ) : (
              <ul className="breakout-members breakout-members--movable">
                {room.members.map((member) => (
                  <li key={member.userId}>
                    <span className="breakout-members__name">{member.displayName}</span>
                    <span className="breakout-members__group">{member.groupName}</span>
                    <PlaceControl person={member} rooms={rooms} currentRoom={room.number} onPlace={(number) => place(member.userId, member.displayName, number)} />
                  </li>
                ))}
              </ul>
            )}
            {stage === "open" && (
              <>
                <p className="breakout-rooms__summary">
                  {room.summary ? <span className="badge badge--strong">{t("gatherings.live.hasSummary")}</span> : <span className="badge badge--plain">{t("gatherings.live.noSummary")}</span>}
                </p>
                <Button className="button button--secondary button--small" onPress={() => onLookIn(room.id)}>
                  {t("gatherings.live.lookIn", { number: room.number })}
                </Button>
              </>
            )}
          </section>
        ))}
      </div>
      {stage === "open" && (
        <section className="breakout-unplaced" aria-labelledby="breakout-unplaced-heading">
          <h3 id="breakout-unplaced-heading">{t("gatherings.live.unplacedTitle", { count: unplaced.length })}</h3>
          {unplaced.length === 0 ? (
            <p className="muted">{t("gatherings.live.unplacedNone")}</p>
          ) : (
            <>
              <p className="muted">{t("gatherings.live.unplacedLead")}</p>
              <ul className="breakout-members breakout-members--movable">
                {unplaced.map((person) => (
                  <li key={person.userId}>
                    <span className="breakout-members__name">{person.displayName}</span>
                    <PlaceControl person={person} rooms={rooms} currentRoom={null} onPlace={(number) => place(person.userId, person.displayName, number)} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The hosts split the people present into mixed rooms, adjust the split, open the rooms, message them and call everyone back. */
function BreakoutHostPanel({
  live,
  connection,
  myUserId,
  onLookIn,
}: {
  live: GatheringLive;
  connection: GatheringLiveConnection;
  myUserId: string;
  onLookIn: (breakoutId: string) => void;
}) {
  const { t } = useTranslation();
  const { problem, pending, perform } = useLiveAction();
  const breakouts = live.breakouts;
  const status = breakouts?.status ?? null;

  return (
    <section className="card breakout-host" aria-labelledby="breakout-host-heading">
      <h2 id="breakout-host-heading">{t("gatherings.live.hostTitle")}</h2>
      {status === "open" && breakouts ? (
        <>
          <p>{t("gatherings.live.openText", { count: breakouts.rooms.length, round: breakouts.round })}</p>
          <HostRooms live={live} rooms={breakouts.rooms} stage="open" connection={connection} myUserId={myUserId} onLookIn={onLookIn} />
          <h3>{t("gatherings.live.broadcastTitle")}</h3>
          <BroadcastForm connection={connection} />
          <h3>{t("gatherings.live.callBackTitle")}</h3>
          <FormAlert problem={problem} />
          <Button className="button button--primary" isPending={pending} onPress={() => void perform(() => connection.callBack())}>
            {t("gatherings.live.callBack")}
          </Button>
        </>
      ) : (
        <>
          <p className="muted">{t("gatherings.live.planLead")}</p>
          <PlanForm connection={connection} replan={status === "draft"} />
          {status === "draft" && breakouts && (
            <>
              <h3>{t("gatherings.live.draftTitle", { round: breakouts.round })}</h3>
              <p className="muted">{t("gatherings.live.draftLead")}</p>
              <HostRooms live={live} rooms={breakouts.rooms} stage="draft" connection={connection} myUserId={myUserId} onLookIn={onLookIn} />
              <StartForm connection={connection} />
            </>
          )}
        </>
      )}
    </section>
  );
}

// ── The plenary ───────────────────────────────────────────────────────────────────────────────────

function PlenaryHead({ gathering, live, connection }: { gathering: Gathering; live: GatheringLive; connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const locale = currentLocale();
  const cards = useMethodCards(gathering.agenda.map((block) => block.methodCardId));
  const { problem, perform } = useLiveAction();
  const [ending, setEnding] = useState(false);
  const { blockIndex } = live.room;
  const block = gathering.agenda[blockIndex];
  const title = block ? blockTitle(t, block, cards.get(block.methodCardId ?? ""), locale) : "";
  const control = useCallback((next: MeetingControl) => perform(() => connection.control(next)), [perform, connection]);
  const onTimerMoment = useCallback(
    (moment: TimerMoment) => announce(moment === "timeUp" ? t("meetings.timer.announceTimeUp", { title }) : t("meetings.timer.announceOneMinute", { title })),
    [announce, t, title],
  );

  return (
    <>
      <FormAlert problem={problem} />
      <div className="room-head">
        {block ? (
          <p className="room-head__now">
            <span className="room-head__label">{t("meetings.room.nowLabel", { position: blockIndex + 1, count: gathering.agenda.length })}</span>
            <strong className="room-head__block">{title}</strong>
          </p>
        ) : (
          <p className="room-head__now">{t("gatherings.live.plenaryOpen")}</p>
        )}
        {block && <RoomTimer timer={live.room.timer} clock={connection.clock} blockIndex={blockIndex} onMoment={onTimerMoment} />}
        {gathering.isHost && block && <TimerControls timer={live.room.timer} control={control} />}
        {gathering.isHost && (
          <div className="room-controls" role="group" aria-label={t("meetings.controls.agendaGroup")}>
            <Button className="button button--secondary button--small" isDisabled={blockIndex <= 0} onPress={() => void control({ type: "previous" })}>
              {t("meetings.controls.previousBlock")}
            </Button>
            <Button className="button button--primary button--small" isDisabled={blockIndex >= gathering.agenda.length - 1} onPress={() => void control({ type: "next" })}>
              {t("meetings.controls.nextBlock")}
            </Button>
            <Button className="button button--danger button--small" onPress={() => setEnding(true)}>
              {t("gatherings.live.end")}
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        title={t("gatherings.live.endTitle")}
        message={t("gatherings.live.endText")}
        confirmLabel={t("gatherings.live.end")}
        danger
        isOpen={ending}
        onOpenChange={setEnding}
        onConfirm={async () => {
          const error = await connection.control({ type: "end" });
          if (error) throw error;
        }}
      />
    </>
  );
}

function LiveAgenda({ gathering, live }: { gathering: Gathering; live: GatheringLive }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cards = useMethodCards(gathering.agenda.map((block) => block.methodCardId));
  if (gathering.agenda.length === 0) return null;
  return (
    <section className="card" aria-labelledby="gathering-live-agenda-heading">
      <h2 id="gathering-live-agenda-heading">{t("gatherings.agenda.title")}</h2>
      <ol className="gathering-live-agenda">
        {gathering.agenda.map((block, index) => {
          const isNow = index === live.room.blockIndex;
          return (
            <li key={block.id} aria-current={isNow ? "step" : undefined} className={isNow ? "gathering-live-agenda__item gathering-live-agenda__item--now" : "gathering-live-agenda__item"}>
              <span>{blockTitle(t, block, cards.get(block.methodCardId ?? ""), locale)}</span>
              <span className="muted"> · {t("gatherings.minutes", { count: block.minutes })}</span>
              {isNow && <span className="badge badge--strong gathering-live-agenda__now">{t("meetings.room.nowBadge")}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function PresentAndHands({ live, connection, myUserId, canRaise }: { live: GatheringLive; connection: GatheringLiveConnection; myUserId: string; canRaise: boolean }) {
  const { t } = useTranslation();
  const { present, hands } = live.room;
  const { problem, perform } = useLiveAction();
  const raised = hands.includes(myUserId);
  const nameOf = (userId: string) => present.find((person) => person.userId === userId)?.displayName ?? t("meetings.someone");
  const youOr = (userId: string, name: string) => (userId === myUserId ? t("meetings.round.you", { name }) : name);
  return (
    <section className="card room-present" aria-labelledby="gathering-present-heading">
      <h2 id="gathering-present-heading">{t("meetings.present.title", { count: present.length })}</h2>
      <ul className="room-present__list">
        {present.map((person) => (
          <li key={person.userId} className="room-present__person">
            <span className="room-present__dot" aria-hidden="true" />
            <span>
              {youOr(person.userId, person.displayName)}
              {person.userId === live.facilitatorId && <span className="badge badge--plain room-present__badge">{t("gatherings.live.host")}</span>}
              {hands.includes(person.userId) && <span className="badge badge--pending room-present__badge">{t("meetings.present.handRaised")}</span>}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="room-turns__subheading">{t("meetings.hands.title", { count: hands.length })}</h3>
      {hands.length === 0 ? (
        <p className="muted">{t("meetings.hands.none")}</p>
      ) : (
        <ol className="room-turns__hands">
          {hands.map((userId) => (
            <li key={userId}>{youOr(userId, nameOf(userId))}</li>
          ))}
        </ol>
      )}
      {canRaise && (
        <Button className={raised ? "button button--secondary" : "button button--primary"} onPress={() => void perform(() => connection.hand(!raised))}>
          {raised ? t("meetings.hands.lower") : t("meetings.hands.raise")}
        </Button>
      )}
      <FormAlert problem={problem} />
    </section>
  );
}

// ── The whole live section ────────────────────────────────────────────────────────────────────────

/**
 * Which of the hosts' messages the plenary leaves out: before any round, and while rooms are open, every
 * message counts; after a round (or once the next is being planned) only one sent after the call-back
 * seen on this page (`calledBackAt`), so the rooms' last message does not linger over the plenary.
 */
function plenaryQuietBefore(live: GatheringLive, calledBackAt: string | null): string | null {
  const status = live.breakouts?.status;
  if (!status || status === "open") return null;
  return calledBackAt ?? live.broadcast?.at ?? null;
}

/** The room I am in while the breakouts are open, or null. */
function myOpenRoom(live: GatheringLive, myUserId: string): BreakoutRoom | null {
  if (live.status !== "live" || live.breakouts?.status !== "open") return null;
  return live.breakouts.rooms.find((room) => room.members.some((member) => member.userId === myUserId)) ?? null;
}

/**
 * Speaks what changes for me: the plenary opening and ending, being sent to a room (with everyone, or
 * alone once the rooms run: placed after coming late, or moved on), being called back, a new block.
 */
function useLiveAnnouncements(gathering: Gathering, live: GatheringLive | null, myRoom: BreakoutRoom | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const locale = currentLocale();
  const cards = useMethodCards(gathering.agenda.map((block) => block.methodCardId));
  const previous = useRef<{ status: string; roomId: string | null; round: number | null; roundOpen: boolean; blockIndex: number } | null>(null);
  const status = live?.status ?? null;
  const roomId = myRoom?.id ?? null;
  const roomNumber = myRoom?.number ?? null;
  const round = live?.breakouts?.round ?? null;
  const roundOpen = live?.breakouts?.status === "open";
  const blockIndex = live?.room.blockIndex ?? -1;

  useEffect(() => {
    if (!status) return;
    const before = previous.current;
    previous.current = { status, roomId, round, roundOpen, blockIndex };
    if (!before) return;
    const sentences: string[] = [];
    if (before.status !== "live" && status === "live") sentences.push(t("gatherings.live.announceStarted"));
    if (before.status !== "ended" && status === "ended") sentences.push(t("gatherings.live.announceEnded"));
    if (roomNumber !== null && before.roomId !== roomId) {
      // The same round was already running: the rooms did not just start, the host sent me somewhere.
      const movedWhileOpen = before.roomId !== null || (before.roundOpen && before.round === round);
      sentences.push(movedWhileOpen ? t("gatherings.live.announceMovedToRoom", { number: roomNumber }) : t("gatherings.live.announceToRoom", { number: roomNumber }));
    }
    if (roomId === null && before.roomId !== null && status === "live") sentences.push(t("gatherings.live.announceCalledBack"));
    const block = gathering.agenda[blockIndex];
    if (block && blockIndex !== before.blockIndex && roomId === null) {
      sentences.push(t("meetings.room.announce.block", { title: blockTitle(t, block, cards.get(block.methodCardId ?? ""), locale) }));
    }
    if (sentences.length > 0) announce(sentences.join(" "));
    // Only these changes matter; the texts and cards come along with them.
  }, [status, roomId, round, roundOpen, blockIndex]);
}

/**
 * The live part of a gathering on its page: the plenary the hosts run (agenda, shared timer, hands,
 * chat, minutes and the report-back), the hosts' breakout controls, and for a participant whose room is
 * open, that room instead of the plenary until everyone is called back.
 */
export function GatheringLiveRoom({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const me = useUser();
  const connection = useGatheringLive(gathering.id, gathering.status !== "cancelled");
  const { live } = connection;
  const [lookingInto, setLookingInto] = useState<string | null>(null);
  const liveHeading = useRef<HTMLHeadingElement>(null);
  const roomHeading = useRef<HTMLHeadingElement>(null);
  const myRoom = live ? myOpenRoom(live, me.id) : null;
  const openRooms = live?.status === "live" && live.breakouts?.status === "open" ? live.breakouts.rooms : [];
  const lookedAt = gathering.isHost && lookingInto ? (openRooms.find((room) => room.id === lookingInto) ?? null) : null;
  const shownRoom = myRoom ?? lookedAt;
  useLiveAnnouncements(gathering, live, myRoom);

  // Moving between the plenary and a room replaces what is on screen: focus goes to the new heading.
  const shownRoomId = shownRoom?.id ?? null;
  const previousRoomId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const before = previousRoomId.current;
    previousRoomId.current = shownRoomId;
    if (before === undefined || before === shownRoomId) return;
    (shownRoomId ? roomHeading : liveHeading).current?.focus();
  }, [shownRoomId]);

  // A message to the rooms is old news once everyone is back: the plenary shows only later ones.
  const [calledBackAt, setCalledBackAt] = useState<string | null>(null);
  const roundStatus = live?.breakouts?.status ?? null;
  const previousRoundStatus = useRef(roundStatus);
  useEffect(() => {
    if (previousRoundStatus.current === "open" && roundStatus === "closed") setCalledBackAt(live?.broadcast?.at ?? "");
    previousRoundStatus.current = roundStatus;
  }, [roundStatus, live?.broadcast?.at]);

  const plenaryMembers = useMemo(() => (live?.room.present ?? []).map(({ userId, displayName }) => ({ userId, displayName })), [live?.room.present]);

  if (gathering.status === "cancelled") return null;
  if (!live) {
    return (
      <section className="card card--accent gathering-live" aria-labelledby={LIVE_HEADING_ID}>
        <h2 id={LIVE_HEADING_ID}>{t("gatherings.live.title")}</h2>
        {connection.joinProblem ? <FormAlert problem={errorMessage(t, connection.joinProblem)} /> : <p role="status">{t("common.loading")}</p>}
      </section>
    );
  }

  if (shownRoom) {
    return (
      <BreakoutRoomView
        key={shownRoom.id}
        room={shownRoom}
        live={live}
        connection={connection}
        myUserId={me.id}
        isHost={gathering.isHost}
        headingRef={roomHeading}
        onBack={myRoom ? null : () => setLookingInto(null)}
      />
    );
  }

  if (live.status === "scheduled") {
    return (
      <section className="card card--accent gathering-live" aria-labelledby={LIVE_HEADING_ID}>
        <h2 id={LIVE_HEADING_ID} ref={liveHeading} tabIndex={-1}>
          {t("gatherings.live.title")}
        </h2>
        {gathering.isHost ? <StartPlenary connection={connection} /> : <p>{t("gatherings.live.notStarted")}</p>}
      </section>
    );
  }

  const ended = live.status === "ended";
  // After a call-back, a room that has not reported yet can still do it from here.
  const myClosedRoom =
    !ended && live.breakouts?.status === "closed"
      ? (live.breakouts.rooms.find((room) => room.summary === null && room.members.some((member) => member.userId === me.id)) ?? null)
      : null;

  return (
    <div className="live-room gathering-live">
      <section className="card card--accent room-main" aria-labelledby={LIVE_HEADING_ID}>
        <div className="section-header">
          <h2 id={LIVE_HEADING_ID} ref={liveHeading} tabIndex={-1}>
            {t("gatherings.live.title")}
          </h2>
          <span className={ended ? "badge gathering-status--ended" : "badge gathering-status--live"}>{t(ended ? "gatherings.statuses.ended" : "gatherings.statuses.live")}</span>
        </div>
        {ended ? <p>{t("gatherings.live.endedText")}</p> : <BroadcastBanner live={live} quietBefore={plenaryQuietBefore(live, calledBackAt)} />}
        {/* Only someone who came after the split is here while the rooms run: the hosts can still place them. */}
        {!ended && live.breakouts?.status === "open" && !gathering.isHost && <p className="banner banner--info">{t("gatherings.live.waitingForRoom")}</p>}
        {!ended && <PlenaryHead gathering={gathering} live={live} connection={connection} />}
        <GatheringReportDownload gathering={gathering} live={live} />
      </section>
      <div className="group-layout">
        <div className="group-layout__main">
          {gathering.isHost && !ended && <BreakoutHostPanel live={live} connection={connection} myUserId={me.id} onLookIn={setLookingInto} />}
          {myClosedRoom && <SummaryForm key={myClosedRoom.id} room={myClosedRoom} connection={connection} />}
          <ReportBack live={live} />
          {live.conversationId && (
            <LiveChat
              title={t("gatherings.live.chatTitle")}
              headingId="gathering-chat-heading"
              conversationId={live.conversationId}
              members={plenaryMembers}
              canModerate={gathering.isHost}
              readOnly={ended}
              roomEntries={connection.joins}
            />
          )}
          {live.minutesPageId && (
            <NotesCard
              title={t("gatherings.live.minutesTitle")}
              headingId="gathering-minutes-heading"
              pageId={live.minutesPageId}
              readOnly={ended}
              lead={t("gatherings.live.minutesLead")}
            />
          )}
        </div>
        <div className="group-layout__side">
          {!ended && <PresentAndHands live={live} connection={connection} myUserId={me.id} canRaise={!gathering.isHost} />}
          {!ended && <LiveAgenda gathering={gathering} live={live} />}
        </div>
      </div>
    </div>
  );
}

function StartPlenary({ connection }: { connection: GatheringLiveConnection }) {
  const { t } = useTranslation();
  const { problem, pending, perform } = useLiveAction();
  return (
    <>
      <p>{t("gatherings.live.startLead")}</p>
      <FormAlert problem={problem} />
      <Button className="button button--primary" isPending={pending} onPress={() => void perform(() => connection.control({ type: "start" }))}>
        {t("gatherings.live.startPlenary")}
      </Button>
    </>
  );
}
