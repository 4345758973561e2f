import { z } from "zod";
import type { Result } from "./result";
import type { User } from "./schemas/auth";
import { CheckInInput, CreateGoalInput, type CheckIn, type Goal, type GroupSummary, type Invitation, type Member } from "./schemas/groups";
import type { NotePage } from "./schemas/notes";
import type { MeetingControlPayload, MeetingHandPayload, MeetingIdPayload, Meeting, RoomState, SchedulingPoll, MeetingListItem } from "./schemas/meetings";
import type {
  BreakoutIdPayload,
  BreakoutMovePayload,
  BreakoutPlanPayload,
  BreakoutRoom,
  BreakoutStartPayload,
  BreakoutSummaryPayload,
  BreakoutTimerPayload,
  BroadcastPayload,
  GatheringControlPayload,
  GatheringHandPayload,
  GatheringIdPayload,
  GatheringLive,
} from "./schemas/gatherings";
import type {
  ChatMessage,
  ConversationReadPayload,
  MessageEditPayload,
  MessageHidePayload,
  MessageHistoryPayload,
  MessageIdPayload,
  MessageReactPayload,
  MessageSendPayload,
  TypingPayload,
} from "./schemas/chat";

type Input<T extends z.ZodType> = z.input<T>;
type Ack<T> = (result: Result<T>) => void;

/** Payloads the client sends, validated at the edge with these schemas. */
export const GoalCreatePayload = z.object({ groupId: z.uuid(), goal: CreateGoalInput });
export type GoalCreatePayload = z.infer<typeof GoalCreatePayload>;
export const GoalCheckInPayload = z.object({ groupId: z.uuid(), goalId: z.uuid(), checkIn: CheckInInput });
export type GoalCheckInPayload = z.infer<typeof GoalCheckInPayload>;

/**
 * Socket.IO events, typed for both ends. Names are `entity:verb` from the client and `entity:verbed`
 * from the server. Every acknowledgement answers a `Result`.
 */
export interface ServerToClientEvents {
  /** The session behind this socket was signed out or ended from another device. */
  "session:ended": () => void;
  /** A group's name, phase, capacity or member count changed. */
  "group:updated": (payload: { group: GroupSummary }) => void;
  /** Someone joined, left, accepted the agreement or changed role. */
  "members:updated": (payload: { groupId: string; members: Member[] }) => void;
  /** The goal board changed (only sent to members who accepted the agreement). */
  "goals:updated": (payload: { groupId: string; goals: Goal[] }) => void;
  /** I joined a group (on another device, say). */
  "membership:started": (payload: { group: GroupSummary }) => void;
  /** I left or was removed from a group; its updates stop at once. */
  "membership:ended": (payload: { groupId: string }) => void;
  /** A new message, stored and committed; `seq` orders it within its conversation. */
  "message:sent": (payload: { message: ChatMessage }) => void;
  /** A message was edited, deleted, hidden or reacted to. */
  "message:updated": (payload: { message: ChatMessage }) => void;
  /** My read marker moved (on this or another of my devices). */
  "conversation:read": (payload: { conversationId: string; lastReadSeq: number }) => void;
  "typing:updated": (payload: { conversationId: string; userId: string; displayName: string; typing: boolean }) => void;
  /** The group notebook's pages were added, renamed, moved or deleted (members who accepted the agreement). */
  "notes:updated": (payload: { groupId: string; pages: NotePage[] }) => void;
  /** Self-assessment rounds were added or a submission changed their counts; open pages reload them. */
  "assessments:updated": (payload: { groupId: string }) => void;
  /** An invitation link was made, withdrawn or used; sent to the group's facilitators only (tokens are never in it). */
  "invitations:updated": (payload: { groupId: string; invitations: Invitation[] }) => void;
  /** A meeting was planned, changed, cancelled or its agenda edited (group content). */
  "meetings:updated": (payload: { groupId: string; meetings: MeetingListItem[] }) => void;
  /** A scheduling poll was opened, answered or closed (group content). */
  "poll:updated": (payload: { poll: SchedulingPoll }) => void;
  /** The live room changed: block, step, timer, speaking round, hands, who is present (to those in the room). */
  "meeting:updated": (payload: { meetingId: string; room: RoomState; facilitatorId: string | null; status: Meeting["status"] }) => void;
  /** A gathering I take part in changed (details, answers, digests); open pages fetch it again. */
  "gathering:updated": (payload: { gatheringId: string }) => void;
  /** The live gathering changed: plenary, breakouts, summaries, broadcast or who is present (to those on its page). */
  "gathering:live": (payload: { live: GatheringLive }) => void;
  /** Who in the group has Piiri open right now. */
  "presence:updated": (payload: { groupId: string; onlineUserIds: string[] }) => void;
}

export interface ClientToServerEvents {
  /** Who this socket is authenticated as; lets a client confirm the handshake identity. */
  "me:get": (ack: (result: Result<{ user: User }>) => void) => void;
  "goal:create": (payload: GoalCreatePayload, ack: (result: Result<{ goal: Goal }>) => void) => void;
  "goal:checkIn": (payload: GoalCheckInPayload, ack: (result: Result<{ checkIn: CheckIn }>) => void) => void;
  /** Acknowledged only after the message is committed; resending the same clientId is harmless. */
  "message:send": (payload: Input<typeof MessageSendPayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "message:history": (payload: Input<typeof MessageHistoryPayload>, ack: Ack<{ messages: ChatMessage[] }>) => void;
  "message:edit": (payload: Input<typeof MessageEditPayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "message:delete": (payload: Input<typeof MessageIdPayload>, ack: Ack<{ message: ChatMessage }>) => void;
  /** Facilitators hide (or show again) a message for moderation. */
  "message:hide": (payload: Input<typeof MessageHidePayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "message:react": (payload: Input<typeof MessageReactPayload>, ack: Ack<{ message: ChatMessage }>) => void;
  "conversation:read": (payload: Input<typeof ConversationReadPayload>, ack: Ack<{ lastReadSeq: number }>) => void;
  "typing:set": (payload: Input<typeof TypingPayload>) => void;
  "presence:get": (payload: { groupId: string }, ack: Ack<{ onlineUserIds: string[] }>) => void;
  /** Enter a meeting's live room: attendance is recorded and the full meeting comes back. */
  "meeting:join": (payload: Input<typeof MeetingIdPayload>, ack: Ack<{ meeting: Meeting }>) => void;
  "meeting:leave": (payload: Input<typeof MeetingIdPayload>, ack: Ack<{ left: true }>) => void;
  /** The facilitator runs the meeting: agenda, timer, speaking round, hand-over, end. */
  "meeting:control": (payload: Input<typeof MeetingControlPayload>, ack: Ack<{ room: RoomState }>) => void;
  /** Raise or lower my hand to join the speaking queue. */
  "meeting:hand": (payload: Input<typeof MeetingHandPayload>, ack: Ack<{ room: RoomState }>) => void;
  /** Enter a gathering's live page: the plenary and where the breakouts stand come back. */
  "gathering:join": (payload: Input<typeof GatheringIdPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  "gathering:leave": (payload: Input<typeof GatheringIdPayload>, ack: Ack<{ left: true }>) => void;
  /** The hosts run the plenary with the meeting room's controls (start opens the gathering, end closes it). */
  "gathering:control": (payload: Input<typeof GatheringControlPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  "gathering:hand": (payload: Input<typeof GatheringHandPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** A host's message to every room at once. */
  "gathering:broadcast": (payload: Input<typeof BroadcastPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** The hosts split the people present into mixed rooms (a draft they may still change). */
  "breakout:plan": (payload: Input<typeof BreakoutPlanPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** Puts someone in a room: before the start to adjust the split, or while it runs (someone late, or moving on). */
  "breakout:move": (payload: Input<typeof BreakoutMovePayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** Sends everyone to their rooms, each with a timer of this many minutes. */
  "breakout:start": (payload: Input<typeof BreakoutStartPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** Calls everyone back to the plenary; the rooms close (their summaries may still be published). */
  "breakout:callBack": (payload: Input<typeof GatheringIdPayload>, ack: Ack<{ live: GatheringLive }>) => void;
  /** Enter my breakout room (or, for a host, look in): its chat and timer updates start to arrive. */
  "breakout:join": (payload: Input<typeof BreakoutIdPayload>, ack: Ack<{ room: BreakoutRoom }>) => void;
  "breakout:leave": (payload: Input<typeof BreakoutIdPayload>, ack: Ack<{ left: true }>) => void;
  "breakout:timer": (payload: Input<typeof BreakoutTimerPayload>, ack: Ack<{ room: BreakoutRoom }>) => void;
  /** The room's report-back: its summary, read in the plenary. */
  "breakout:summary": (payload: Input<typeof BreakoutSummaryPayload>, ack: Ack<{ room: BreakoutRoom }>) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the handshake stores on each socket after the token is verified. */
export interface SocketData {
  userId: string;
  sessionId: string;
}

/** Room names, derived in one place so server and tests agree. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Every member: membership and group summary events. */
  group: (groupId: string) => `group:${groupId}`,
  /** Members who accepted the agreement: the group's content, its chat included. */
  groupContent: (groupId: string) => `group-content:${groupId}`,
  /** Everyone in a meeting's live room. */
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  /** Everyone on a live gathering's page: its plenary (state, chat) and where the breakouts stand. */
  gathering: (gatheringId: string) => `gathering:${gatheringId}`,
  /** The gathering id of a `gathering:` room, or undefined for any other room. */
  gatheringIdOf: (room: string) => (room.startsWith("gathering:") ? room.slice("gathering:".length) : undefined),
  /** The people of one breakout room (and hosts looking in): its chat stays there. */
  breakout: (breakoutId: string) => `breakout:${breakoutId}`,
  /** The meeting id of a `meeting:` room, or undefined for any other room. */
  meetingIdOf: (room: string) => (room.startsWith("meeting:") ? room.slice("meeting:".length) : undefined),
  /** The group id of a `group:` room, or undefined for any other room. */
  groupIdOf: (room: string) => (room.startsWith("group:") ? room.slice("group:".length) : undefined),
} as const;
