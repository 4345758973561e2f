import { z } from "zod";
import { BREAKOUT, GATHERING, MEETING } from "../limits";
import { AgendaBlock, AgendaBlockInput, MeetingControl, RoomState, TimerState, TimeZone } from "./meetings";

/**
 * Cross-group gatherings (seed 004: "invest in meetings between groups"). A programme's coordinators
 * invite some or all of its groups; their members answer whether they come; each group may publish a
 * short digest of what it has learnt — only by an explicit publish, since what is shared in a group
 * stays in the group until the group decides otherwise.
 */

export const GATHERING_STATUSES = ["scheduled", "live", "ended", "cancelled"] as const;
export const GatheringStatus = z.enum(GATHERING_STATUSES).meta({ id: "GatheringStatus" });
export type GatheringStatus = z.infer<typeof GatheringStatus>;

export const RSVP_ANSWERS = ["yes", "maybe", "no"] as const;
export const RsvpAnswer = z.enum(RSVP_ANSWERS).meta({ id: "RsvpAnswer" });
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

const Title = z.string().trim().min(1).max(MEETING.titleMax);
const Purpose = z.string().trim().max(GATHERING.purposeMax);
const Url = z.url({ protocol: /^https?$/ }).max(MEETING.urlMax);
const Place = z.string().trim().max(MEETING.placeMax);
const Duration = z.number().int().min(MEETING.durationMinMinutes).max(MEETING.durationMaxMinutes);

export const GatheringSummary = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeName: z.string(),
    title: z.string(),
    purpose: z.string(),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    location: z.string(),
    videoUrl: z.string().nullable(),
    status: GatheringStatus,
    /** My answer, when I am a member of an invited group; null when I have not answered or only host. */
    myRsvp: RsvpAnswer.nullable(),
  })
  .meta({ id: "GatheringSummary" });
export type GatheringSummary = z.infer<typeof GatheringSummary>;

export const LearningDigest = z
  .object({
    groupId: z.uuid(),
    groupName: z.string(),
    text: z.string(),
    publishedByName: z.string().nullable(),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: "LearningDigest", description: "What a group decided to share with the gathering" });
export type LearningDigest = z.infer<typeof LearningDigest>;

export const Gathering = GatheringSummary.extend({
  groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  agenda: z.array(AgendaBlock),
  rsvps: z.object({
    yes: z.number().int(),
    maybe: z.number().int(),
    no: z.number().int(),
    /** Who is coming (yes or maybe), by name: people plan who they will meet. */
    coming: z.array(z.object({ userId: z.uuid(), displayName: z.string(), groupName: z.string(), answer: RsvpAnswer })),
  }),
  digests: z.array(LearningDigest),
  /** Whether I host it (a coordinator of its programme). */
  isHost: z.boolean(),
  /** Whether I answer whether I come: I am a member of an invited group (a host may be one too). */
  canRsvp: z.boolean(),
  /** The invited groups I facilitate: I may publish their digest. */
  digestGroupIds: z.array(z.uuid()),
}).meta({ id: "Gathering" });
export type Gathering = z.infer<typeof Gathering>;

export const CreateGatheringInput = z
  .object({
    title: Title,
    purpose: Purpose.default(""),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: Duration,
    timeZone: TimeZone.default("Europe/Helsinki"),
    location: Place.default(""),
    videoUrl: Url.optional(),
    /** The invited groups, all of the programme's; "all" invites every group it has now. */
    groupIds: z.union([z.array(z.uuid()).min(1).max(GATHERING.groupsMax), z.literal("all")]),
    agenda: z.array(AgendaBlockInput).min(1).max(MEETING.agendaBlocksMax).optional(),
  })
  .meta({ id: "CreateGatheringInput" });
export type CreateGatheringInput = z.input<typeof CreateGatheringInput>;

export const UpdateGatheringInput = z
  .object({
    title: Title.optional(),
    purpose: Purpose.optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    durationMinutes: Duration.optional(),
    location: Place.optional(),
    videoUrl: Url.nullable().optional(),
    groupIds: z.array(z.uuid()).min(1).max(GATHERING.groupsMax).optional(),
    status: z.enum(["scheduled", "cancelled"]).optional(),
  })
  .meta({ id: "UpdateGatheringInput" });
export type UpdateGatheringInput = z.infer<typeof UpdateGatheringInput>;

export const RsvpInput = z.object({ answer: RsvpAnswer }).meta({ id: "RsvpInput" });
export const DigestInput = z.object({ text: z.string().trim().min(1).max(GATHERING.digestMax) }).meta({ id: "DigestInput" });

export const GatheringParams = z.object({ gatheringId: z.uuid() });
export const MyGatheringsQuery = z.object({ when: z.enum(["coming", "past"]).default("coming") });
export const GatheringGroupParams = z.object({ gatheringId: z.uuid(), groupId: z.uuid() });
export const GatheringResponse = z.object({ gathering: Gathering }).meta({ id: "GatheringResponse" });
export const GatheringList = z.object({ gatherings: z.array(GatheringSummary) }).meta({ id: "GatheringList" });

// ── The live gathering: plenary, breakout rooms, report-back ────────────────

export const BREAKOUT_STATUSES = ["draft", "open", "closed"] as const;
export const BreakoutStatus = z.enum(BREAKOUT_STATUSES).meta({ id: "BreakoutStatus" });
export type BreakoutStatus = z.infer<typeof BreakoutStatus>;

export const BreakoutSummary = z
  .object({ text: z.string(), byName: z.string().nullable(), at: z.iso.datetime() })
  .meta({ id: "BreakoutSummary", description: "What a breakout room published to the plenary" });

export const BreakoutRoom = z
  .object({
    id: z.uuid(),
    round: z.number().int(),
    number: z.number().int(),
    status: BreakoutStatus,
    /** The room's own chat and notes page: readable only by its members and the hosts. */
    conversationId: z.uuid(),
    notesPageId: z.uuid(),
    members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), groupId: z.uuid().nullable(), groupName: z.string() })),
    timer: TimerState,
    summary: BreakoutSummary.nullable(),
  })
  .meta({ id: "BreakoutRoom" });
export type BreakoutRoom = z.infer<typeof BreakoutRoom>;

/**
 * Everything the live gathering page shows, the same for everyone in it: the plenary room, the current
 * round of breakouts (who is where, never what a room writes) and every published summary.
 */
export const GatheringLive = z
  .object({
    gatheringId: z.uuid(),
    status: GatheringStatus,
    facilitatorId: z.uuid().nullable(),
    conversationId: z.uuid().nullable(),
    minutesPageId: z.uuid().nullable(),
    room: RoomState,
    /** The newest round, or null before the first one is planned. */
    breakouts: z.object({ round: z.number().int(), status: BreakoutStatus, rooms: z.array(BreakoutRoom) }).nullable(),
    /** Summaries of every round, oldest round first: the report-back. */
    reports: z.array(z.object({ round: z.number().int(), number: z.number().int(), summary: BreakoutSummary })),
    broadcast: z.object({ text: z.string(), at: z.iso.datetime() }).nullable(),
  })
  .meta({ id: "GatheringLive" });
export type GatheringLive = z.infer<typeof GatheringLive>;

export const GatheringIdPayload = z.object({ gatheringId: z.uuid() });
/** The plenary runs on the meeting room's controls; there is no hand-over (the hosts run it). */
export const GatheringControlPayload = z.object({
  gatheringId: z.uuid(),
  control: MeetingControl.refine((control) => control.type !== "handOver", "A gathering's plenary is run by its hosts"),
});
export const GatheringHandPayload = z.object({ gatheringId: z.uuid(), raised: z.boolean() });
export const BreakoutPlanPayload = z.object({
  gatheringId: z.uuid(),
  roomSize: z.number().int().min(BREAKOUT.roomSizeMin).max(BREAKOUT.roomSizeMax),
  /** The same seed gives the same split; left out, a new one is drawn. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export const BreakoutMovePayload = z.object({ gatheringId: z.uuid(), userId: z.uuid(), roomNumber: z.number().int().min(1).max(100) });
export const BreakoutStartPayload = z.object({ gatheringId: z.uuid(), minutes: z.number().int().min(1).max(BREAKOUT.minutesMax) });
export const BroadcastPayload = z.object({ gatheringId: z.uuid(), text: z.string().trim().min(1).max(BREAKOUT.broadcastMax) });
export const BreakoutIdPayload = z.object({ breakoutId: z.uuid() });
export const BreakoutTimerPayload = z.object({
  breakoutId: z.uuid(),
  op: z.enum(["start", "pause", "resume", "extend"]),
  /** For `extend`: minutes to add (or, negative, to take away). */
  minutes: z.number().int().min(-BREAKOUT.minutesMax).max(BREAKOUT.minutesMax).optional(),
});
export const BreakoutSummaryPayload = z.object({ breakoutId: z.uuid(), text: z.string().trim().min(1).max(BREAKOUT.summaryMax) });
