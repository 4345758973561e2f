import { z } from "zod";
import { MEETING, METHOD_CARD, POLL } from "../limits";
import { CalendarDate } from "./groups";

/**
 * Meetings (seed 004: "open every meeting by revisiting the goals"; "finding a common time" is the
 * difficulty most often named). A facilitator proposes times in a scheduling poll, closing the poll
 * creates the meeting, an agenda of timed blocks built from facilitation method cards runs in a live
 * room, and a summary stays with the group afterwards.
 */

// ── Facilitation method cards ───────────────────────────────────────────────

export const METHOD_PHASES = ["opening", "goal_review", "sharing", "reflection", "feedback", "energiser", "closing"] as const;
export const MethodPhase = z.enum(METHOD_PHASES).meta({ id: "MethodPhase" });
export type MethodPhase = z.infer<typeof MethodPhase>;

const CardText = (max: number) => z.string().trim().max(max);
export const LocalizedCardText = z
  .object({ fi: z.string().max(METHOD_CARD.textMax), sv: z.string().max(METHOD_CARD.textMax), en: z.string().max(METHOD_CARD.textMax) })
  .meta({ id: "LocalizedCardText", description: "A card text in Finnish, Swedish and English (a group's own card has one text in all three)" });
export type LocalizedCardText = z.infer<typeof LocalizedCardText>;

const Range = (max: number) =>
  z
    .object({ min: z.number().int().min(1).max(max), max: z.number().int().min(1).max(max) })
    .refine((range) => range.min <= range.max, { message: "min must not exceed max" });

export const METHOD_CARD_SCOPES = ["built_in", "programme", "group"] as const;

export const MethodCard = z
  .object({
    id: z.uuid(),
    /** The stable key of a built-in card; null for a programme's or a group's own card. */
    key: z.string().nullable(),
    scope: z.enum(METHOD_CARD_SCOPES),
    programmeId: z.uuid().nullable(),
    groupId: z.uuid().nullable(),
    phase: MethodPhase,
    title: LocalizedCardText,
    purpose: LocalizedCardText,
    whenToUse: LocalizedCardText,
    groupSize: z.object({ min: z.number().int(), max: z.number().int() }),
    durationMinutes: z.object({ min: z.number().int(), max: z.number().int() }),
    virtualFriendly: z.boolean(),
    steps: z.array(z.object({ minutes: z.number().int(), text: LocalizedCardText })),
    virtualTips: LocalizedCardText,
    materials: LocalizedCardText,
    favourite: z.boolean(),
  })
  .meta({ id: "MethodCard" });
export type MethodCard = z.infer<typeof MethodCard>;

const BooleanQuery = z.enum(["true", "false"]).transform((value) => value === "true");

export const MethodCardQuery = z
  .object({
    q: z.string().trim().max(METHOD_CARD.titleMax).optional(),
    phase: MethodPhase.optional(),
    /** Cards that fit in this many minutes (their shortest duration). */
    maxMinutes: z.coerce.number().int().min(1).max(MEETING.durationMaxMinutes).optional(),
    /** Cards that work for a group of this size. */
    groupSize: z.coerce.number().int().min(1).max(METHOD_CARD.groupSizeMax).optional(),
    virtual: BooleanQuery.optional(),
    favourites: BooleanQuery.optional(),
    /** Also list this group's own cards and its programme's (I must be a member). */
    groupId: z.uuid().optional(),
  })
  .meta({ id: "MethodCardQuery" });
export type MethodCardQuery = z.infer<typeof MethodCardQuery>;

export const CreateMethodCardInput = z
  .object({
    /** Exactly one owner: a group (its facilitators) or a programme (its coordinators). */
    groupId: z.uuid().optional(),
    programmeId: z.uuid().optional(),
    phase: MethodPhase,
    title: CardText(METHOD_CARD.titleMax).min(1),
    purpose: CardText(METHOD_CARD.textMax).min(1),
    whenToUse: CardText(METHOD_CARD.textMax).default(""),
    groupSize: Range(METHOD_CARD.groupSizeMax),
    durationMinutes: Range(MEETING.durationMaxMinutes),
    virtualFriendly: z.boolean().default(true),
    steps: z
      .array(z.object({ minutes: z.number().int().min(0).max(MEETING.durationMaxMinutes), text: CardText(METHOD_CARD.textMax).min(1) }))
      .min(1)
      .max(METHOD_CARD.stepsMax),
    virtualTips: CardText(METHOD_CARD.textMax).default(""),
    materials: CardText(METHOD_CARD.textMax).default(""),
  })
  .refine((input) => Boolean(input.groupId) !== Boolean(input.programmeId), { message: "Give either groupId or programmeId", path: ["groupId"] })
  .meta({ id: "CreateMethodCardInput" });
export type CreateMethodCardInput = z.input<typeof CreateMethodCardInput>;

export const MethodCardParams = z.object({ cardId: z.uuid() });
export const MethodCardList = z.object({ cards: z.array(MethodCard) }).meta({ id: "MethodCardList" });
export const MethodCardResponse = z.object({ card: MethodCard }).meta({ id: "MethodCardResponse" });
export const FavouriteInput = z.object({ favourite: z.boolean() }).meta({ id: "FavouriteInput" });

// ── Scheduling polls ────────────────────────────────────────────────────────

export const POLL_ANSWERS = ["yes", "maybe", "no"] as const;
export const PollAnswer = z.enum(POLL_ANSWERS).meta({ id: "PollAnswer", description: "yes, if need be, no" });
export type PollAnswer = z.infer<typeof PollAnswer>;

/** An IANA zone name such as Europe/Helsinki; checked against the runtime's zone database. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

const Url = z
  .url({ protocol: /^https?$/ })
  .max(MEETING.urlMax);
const Place = z.string().trim().max(MEETING.placeMax);
const Title = z.string().trim().min(1).max(MEETING.titleMax);
const Duration = z.number().int().min(MEETING.durationMinMinutes).max(MEETING.durationMaxMinutes);

export const PollOption = z
  .object({
    id: z.uuid(),
    startsAt: z.iso.datetime(),
    yes: z.number().int(),
    maybe: z.number().int(),
    no: z.number().int(),
    /** The options with the most yes answers (then the most "if need be") are marked best. */
    best: z.boolean(),
  })
  .meta({ id: "PollOption" });
export type PollOption = z.infer<typeof PollOption>;

export const PollResponse = z
  .object({ userId: z.uuid(), displayName: z.string(), answers: z.record(z.string(), PollAnswer) })
  .meta({ id: "PollResponse", description: "One member's answers, by option id" });
export type PollResponse = z.infer<typeof PollResponse>;

export const SchedulingPoll = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    title: z.string(),
    durationMinutes: z.number().int(),
    /** The zone the facilitator proposed the times in; every member sees them in their own zone. */
    timeZone: z.string(),
    location: z.string(),
    videoUrl: z.string().nullable(),
    status: z.enum(["open", "closed"]),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    options: z.array(PollOption),
    responses: z.array(PollResponse),
    /** Set when closing the poll created the meeting. */
    meetingId: z.uuid().nullable(),
    /** The time the poll was closed on. */
    chosenOptionId: z.uuid().nullable(),
  })
  .meta({ id: "SchedulingPoll" });
export type SchedulingPoll = z.infer<typeof SchedulingPoll>;

export const CreatePollInput = z
  .object({
    title: Title,
    durationMinutes: Duration,
    timeZone: TimeZone,
    location: Place.default(""),
    videoUrl: Url.optional(),
    options: z.array(z.iso.datetime({ offset: true })).min(POLL.optionsMin).max(POLL.optionsMax),
  })
  .meta({ id: "CreatePollInput" });
export type CreatePollInput = z.input<typeof CreatePollInput>;

export const AnswerPollInput = z
  .object({ answers: z.array(z.object({ optionId: z.uuid(), answer: PollAnswer })).min(1).max(POLL.optionsMax) })
  .meta({ id: "AnswerPollInput" });
export type AnswerPollInput = z.infer<typeof AnswerPollInput>;

export const ClosePollInput = z.object({ optionId: z.uuid() }).meta({ id: "ClosePollInput" });

export const PollParams = z.object({ pollId: z.uuid() });
export const PollResponseBody = z.object({ poll: SchedulingPoll }).meta({ id: "PollResponseBody" });
export const PollList = z.object({ polls: z.array(SchedulingPoll) }).meta({ id: "PollList" });

// ── Meetings, series and agendas ────────────────────────────────────────────

export const AGENDA_BLOCK_KINDS = ["check_in", "goal_review", "method", "break", "check_out", "other"] as const;
export const AgendaBlockKind = z.enum(AGENDA_BLOCK_KINDS).meta({ id: "AgendaBlockKind" });
export type AgendaBlockKind = z.infer<typeof AgendaBlockKind>;

export const AgendaBlock = z
  .object({
    id: z.uuid(),
    kind: AgendaBlockKind,
    title: z.string(),
    minutes: z.number().int(),
    methodCardId: z.uuid().nullable(),
    notes: z.string(),
  })
  .meta({ id: "AgendaBlock" });
export type AgendaBlock = z.infer<typeof AgendaBlock>;

export const AgendaBlockInput = z
  .object({
    kind: AgendaBlockKind,
    /** Empty for check-in, goal review and check-out: the interface names them in each language. */
    title: z.string().trim().max(MEETING.titleMax).default(""),
    minutes: z.number().int().min(1).max(MEETING.durationMaxMinutes),
    methodCardId: z.uuid().nullable().default(null),
    notes: z.string().trim().max(MEETING.notesMax).default(""),
  })
  .meta({ id: "AgendaBlockInput" });
export type AgendaBlockInput = z.input<typeof AgendaBlockInput>;

export const ReplaceAgendaInput = z
  .object({ blocks: z.array(AgendaBlockInput).min(1).max(MEETING.agendaBlocksMax) })
  .meta({ id: "ReplaceAgendaInput" });

/** A programme's agenda template: the blocks its groups' new meetings start with. */
export type AgendaTemplateBlock = z.output<typeof AgendaBlockInput>;
export const AgendaTemplate = z
  .object({ blocks: z.array(AgendaBlockInput).min(1).max(MEETING.agendaBlocksMax).nullable() })
  .meta({ id: "AgendaTemplate", description: "null: the built-in agenda (check-in, goal review, working part, check-out)" });

export const MEETING_STATUSES = ["scheduled", "live", "ended", "cancelled", "paused"] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES).meta({
  id: "MeetingStatus",
  description: "paused: an occurrence of a series that falls in a break (it comes back if the break is lifted)",
});
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/**
 * The meeting timer as stored: remaining time is derived from these timestamps (see shared/meetingClock),
 * so every participant, every server node and a restarted server agree on it.
 */
export const TimerState = z
  .object({ durationMs: z.number().int(), startedAt: z.iso.datetime().nullable(), pausedAt: z.iso.datetime().nullable() })
  .meta({ id: "TimerState" });
export type TimerState = z.infer<typeof TimerState>;

export const SpeakingRound = z
  .object({ order: z.array(z.uuid()), index: z.number().int() })
  .meta({ id: "SpeakingRound", description: "Every present member in turn; index is whose turn it is" });
export type SpeakingRound = z.infer<typeof SpeakingRound>;

export const RoomState = z
  .object({
    /** -1 before the facilitator starts the agenda. */
    blockIndex: z.number().int(),
    step: z.number().int(),
    timer: TimerState,
    round: SpeakingRound.nullable(),
    /** Raised hands in the order they were raised. */
    hands: z.array(z.uuid()),
    present: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
    /** The server's clock when this state was sent, so clients can correct their own clock. */
    serverNow: z.iso.datetime(),
  })
  .meta({ id: "RoomState" });
export type RoomState = z.infer<typeof RoomState>;

export const Meeting = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    seriesId: z.uuid().nullable(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    location: z.string(),
    videoUrl: z.string().nullable(),
    status: MeetingStatus,
    facilitatorId: z.uuid().nullable(),
    facilitatorName: z.string().nullable(),
    conversationId: z.uuid(),
    minutesPageId: z.uuid().nullable(),
    agenda: z.array(AgendaBlock),
    room: RoomState,
  })
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof Meeting>;

export const REPEAT_KINDS = ["weekly", "monthly_weekday"] as const;

export const RepeatInput = z
  .object({
    /** weekly: every `interval` weeks; monthly_weekday: the same weekday and week of the month (e.g. first Tuesday). */
    kind: z.enum(REPEAT_KINDS),
    interval: z.number().int().min(1).max(8).default(1),
    count: z.number().int().min(2).max(MEETING.seriesMax),
  })
  .meta({ id: "RepeatInput" });

export const CreateMeetingInput = z
  .object({
    title: Title,
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: Duration,
    timeZone: TimeZone.default("Europe/Helsinki"),
    location: Place.default(""),
    videoUrl: Url.optional(),
    /** Who facilitates this meeting; any member (rotation). Defaults to me. */
    facilitatorId: z.uuid().optional(),
    repeat: RepeatInput.optional(),
  })
  .meta({ id: "CreateMeetingInput" });
export type CreateMeetingInput = z.input<typeof CreateMeetingInput>;

export const UpdateMeetingInput = z
  .object({
    title: Title.optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    durationMinutes: Duration.optional(),
    location: Place.optional(),
    videoUrl: Url.nullable().optional(),
    facilitatorId: z.uuid().optional(),
    status: z.enum(["scheduled", "cancelled"]).optional(),
  })
  .meta({ id: "UpdateMeetingInput" });
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const PauseSeriesInput = z
  .object({ from: CalendarDate, until: CalendarDate })
  .refine((input) => input.from <= input.until, { message: "from must not be after until", path: ["until"] })
  .meta({ id: "PauseSeriesInput", description: "A break (e.g. summer): occurrences in it are paused and as many are added after the series" });

export const MeetingParams = z.object({ meetingId: z.uuid() });
export const SeriesParams = z.object({ seriesId: z.uuid() });
export const MeetingResponse = z.object({ meeting: Meeting }).meta({ id: "MeetingResponse" });

export const MeetingListItem = Meeting.omit({ agenda: true, room: true }).meta({ id: "MeetingListItem" });
export type MeetingListItem = z.infer<typeof MeetingListItem>;
export const MeetingList = z.object({ meetings: z.array(MeetingListItem) }).meta({ id: "MeetingList" });

export const MyMeeting = MeetingListItem.extend({ groupName: z.string() }).meta({ id: "MyMeeting" });
export type MyMeeting = z.infer<typeof MyMeeting>;
export const MyMeetingList = z.object({ meetings: z.array(MyMeeting) }).meta({ id: "MyMeetingList" });

// ── Summary ─────────────────────────────────────────────────────────────────

export const MEETING_ITEM_KINDS = ["decision", "action"] as const;

export const MeetingItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(MEETING_ITEM_KINDS),
    text: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    dueOn: CalendarDate.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "MeetingItem" });
export type MeetingItem = z.infer<typeof MeetingItem>;

export const CreateMeetingItemInput = z
  .object({
    kind: z.enum(MEETING_ITEM_KINDS),
    text: z.string().trim().min(1).max(MEETING.itemMax),
    ownerId: z.uuid().optional(),
    dueOn: CalendarDate.optional(),
  })
  .meta({ id: "CreateMeetingItemInput" });
export type CreateMeetingItemInput = z.input<typeof CreateMeetingItemInput>;

export const MeetingItemParams = z.object({ meetingId: z.uuid(), itemId: z.uuid() });
export const MeetingItemResponse = z.object({ item: MeetingItem }).meta({ id: "MeetingItemResponse" });

export const MeetingSummary = z
  .object({
    meeting: MeetingListItem,
    attendance: z.array(z.object({ userId: z.uuid(), displayName: z.string(), joinedAt: z.iso.datetime() })),
    checkIns: z.array(
      z.object({ goalId: z.uuid(), goalTitle: z.string(), userId: z.uuid().nullable(), displayName: z.string(), progress: z.number().int(), comment: z.string() }),
    ),
    items: z.array(MeetingItem),
    /** The minutes page as Markdown (empty when nothing was written). */
    minutesMarkdown: z.string(),
  })
  .meta({ id: "MeetingSummary" });
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingSummaryResponse = z.object({ summary: MeetingSummary }).meta({ id: "MeetingSummaryResponse" });

// ── Calendar ────────────────────────────────────────────────────────────────

export const CalendarFeed = z.object({ url: z.string().nullable() }).meta({ id: "CalendarFeed", description: "My personal calendar feed; null when I have none" });
export const CalendarFeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

// ── The live room (Socket.IO payloads) ─────────────────────────────────────

export const MeetingIdPayload = z.object({ meetingId: z.uuid() });

export const MeetingControl = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start") }),
  z.object({ type: z.literal("goto"), blockIndex: z.number().int().min(0).max(MEETING.agendaBlocksMax - 1) }),
  z.object({ type: z.literal("next") }),
  z.object({ type: z.literal("previous") }),
  z.object({ type: z.literal("step"), step: z.number().int().min(0).max(METHOD_CARD.stepsMax) }),
  z.object({ type: z.literal("timer"), op: z.enum(["start", "pause", "resume", "reset"]) }),
  z.object({ type: z.literal("extend"), minutes: z.number().int().min(-MEETING.durationMaxMinutes).max(MEETING.durationMaxMinutes).refine((n) => n !== 0) }),
  z.object({ type: z.literal("round"), op: z.enum(["start", "next", "end"]) }),
  z.object({ type: z.literal("handOver"), userId: z.uuid() }),
  z.object({ type: z.literal("end") }),
]);
export type MeetingControl = z.infer<typeof MeetingControl>;

export const MeetingControlPayload = z.object({ meetingId: z.uuid(), control: MeetingControl });
export const MeetingHandPayload = z.object({ meetingId: z.uuid(), raised: z.boolean() });
