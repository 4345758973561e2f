import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type {
  AgendaBlock,
  AgendaBlockKind,
  Meeting,
  MeetingItem,
  MeetingListItem,
  MeetingStatus,
  MeetingSummary,
  MethodCard,
  MethodCardQuery,
  MethodPhase,
  MyMeeting,
  PollAnswer,
  RoomState,
  SchedulingPoll,
} from "../../shared/schemas/meetings";
import { bestOptionIds, tallyPoll } from "../domain/meetings";
import type { MeetingRow, MethodCardRow, PollRow } from "../policies/meetings";
import type { Db } from "./database";
import { presentRoom } from "./liveRoom";
import {
  agendaBlocks,
  goalCheckIns,
  goals,
  groups,
  meetingAttendance,
  meetingItems,
  meetings,
  memberships,
  methodCardFavourites,
  methodCards,
  pollOptions,
  pollVotes,
  programmeCoordinators,
  schedulingPolls,
  users,
} from "./schema";

/** Who is in a live room right now; the realtime layer knows (across nodes, through its adapter). */
export type PresenceLookup = (meetingId: string) => Promise<RoomState["present"]>;

// ── Method cards ─────────────────────────────────────────────────────────────

export function presentMethodCard(row: MethodCardRow, favourite: boolean): MethodCard {
  return {
    id: row.id,
    key: row.key,
    scope: row.key !== null ? "built_in" : row.groupId ? "group" : "programme",
    programmeId: row.programmeId,
    groupId: row.groupId,
    phase: row.phase as MethodPhase,
    title: row.title,
    purpose: row.purpose,
    whenToUse: row.whenToUse,
    groupSize: { min: row.groupSizeMin, max: row.groupSizeMax },
    durationMinutes: { min: row.durationMin, max: row.durationMax },
    virtualFriendly: row.virtualFriendly,
    steps: row.steps,
    virtualTips: row.virtualTips,
    materials: row.materials,
    favourite,
  };
}

/**
 * The cards a user may pick from: built-ins, plus — for a group they belong to — the group's own and its
 * programme's, plus the cards of programmes they coordinate. Filters run in SQL; the text search looks
 * at the title and purpose in every language.
 */
export async function listMethodCards(db: Db, userId: string, query: MethodCardQuery, groupProgrammeId: string | null): Promise<MethodCard[]> {
  const owners: SQL[] = [sql`${methodCards.key} is not null`];
  if (query.groupId) owners.push(eq(methodCards.groupId, query.groupId));
  if (groupProgrammeId) owners.push(eq(methodCards.programmeId, groupProgrammeId));
  owners.push(
    inArray(
      methodCards.programmeId,
      db.select({ id: programmeCoordinators.programmeId }).from(programmeCoordinators).where(eq(programmeCoordinators.userId, userId)),
    ),
  );
  const filters: SQL[] = [or(...owners)!];
  if (query.phase) filters.push(eq(methodCards.phase, query.phase));
  if (query.maxMinutes !== undefined) filters.push(lte(methodCards.durationMin, query.maxMinutes));
  if (query.groupSize !== undefined) filters.push(and(lte(methodCards.groupSizeMin, query.groupSize), gte(methodCards.groupSizeMax, query.groupSize))!);
  if (query.virtual) filters.push(eq(methodCards.virtualFriendly, true));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    filters.push(or(ilike(sql`${methodCards.title}::text`, pattern), ilike(sql`${methodCards.purpose}::text`, pattern))!);
  }
  if (query.favourites) filters.push(sql`${methodCardFavourites.userId} is not null`);
  const rows = await db
    .select({ card: methodCards, favouriteOf: methodCardFavourites.userId })
    .from(methodCards)
    .leftJoin(methodCardFavourites, and(eq(methodCardFavourites.cardId, methodCards.id), eq(methodCardFavourites.userId, userId)))
    .where(and(...filters))
    .orderBy(sql`array_position(array['opening','goal_review','sharing','reflection','feedback','energiser','closing'], ${methodCards.phase})`, asc(methodCards.durationMin), asc(methodCards.key));
  return rows.map((row) => presentMethodCard(row.card, row.favouriteOf !== null));
}

export async function isFavourite(db: Db, userId: string, cardId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: methodCardFavourites.userId })
    .from(methodCardFavourites)
    .where(and(eq(methodCardFavourites.userId, userId), eq(methodCardFavourites.cardId, cardId)));
  return Boolean(row);
}

// ── Meetings ─────────────────────────────────────────────────────────────────

type MeetingWithFacilitator = { meeting: MeetingRow; facilitatorName: string | null };

export function presentMeetingListItem({ meeting, facilitatorName }: MeetingWithFacilitator): MeetingListItem {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    seriesId: meeting.seriesId,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    location: meeting.location,
    videoUrl: meeting.videoUrl,
    status: meeting.status as MeetingStatus,
    facilitatorId: meeting.facilitatorId,
    facilitatorName,
    // Every meeting is created with its conversation; the column is nullable only for the foreign key.
    conversationId: meeting.conversationId!,
    minutesPageId: meeting.minutesPageId,
  };
}

const withFacilitator = { meeting: meetings, facilitatorName: users.displayName };

export async function listAgenda(db: Db, meetingId: string): Promise<AgendaBlock[]> {
  const rows = await db.select().from(agendaBlocks).where(eq(agendaBlocks.meetingId, meetingId)).orderBy(asc(agendaBlocks.position));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as AgendaBlockKind,
    title: row.title,
    minutes: row.minutes,
    methodCardId: row.methodCardId,
    notes: row.notes,
  }));
}

export async function loadMeeting(db: Db, meetingId: string, presence: PresenceLookup): Promise<Meeting | undefined> {
  const [row] = await db.select(withFacilitator).from(meetings).leftJoin(users, eq(users.id, meetings.facilitatorId)).where(eq(meetings.id, meetingId));
  if (!row) return undefined;
  const [agenda, present] = await Promise.all([listAgenda(db, meetingId), presence(meetingId)]);
  return { ...presentMeetingListItem(row), agenda, room: presentRoom(row.meeting, present) };
}

export async function listGroupMeetings(db: Db, groupId: string): Promise<MeetingListItem[]> {
  const rows = await db
    .select(withFacilitator)
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.facilitatorId))
    .where(eq(meetings.groupId, groupId))
    .orderBy(asc(meetings.startsAt));
  return rows.map(presentMeetingListItem);
}

/** My coming meetings in every group whose agreement I accepted; a live one counts until it ends. */
export async function listMyUpcomingMeetings(db: Db, userId: string, now: Date): Promise<MyMeeting[]> {
  const rows = await db
    .select({ ...withFacilitator, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(memberships, and(eq(memberships.groupId, meetings.groupId), eq(memberships.userId, userId)))
    .leftJoin(users, eq(users.id, meetings.facilitatorId))
    .where(
      and(
        sql`${memberships.agreementAcceptedAt} is not null`,
        or(eq(meetings.status, "live"), and(eq(meetings.status, "scheduled"), gte(sql`${meetings.startsAt} + make_interval(mins => ${meetings.durationMinutes})`, now))),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(50);
  return rows.map((row) => ({ ...presentMeetingListItem(row), groupName: row.groupName }));
}

/** Every meeting of my groups, past and coming, for my calendar feed. */
export async function listCalendarMeetings(db: Db, userId: string): Promise<(MeetingListItem & { groupName: string })[]> {
  const rows = await db
    .select({ ...withFacilitator, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(memberships, and(eq(memberships.groupId, meetings.groupId), eq(memberships.userId, userId)))
    .leftJoin(users, eq(users.id, meetings.facilitatorId))
    .where(and(sql`${memberships.agreementAcceptedAt} is not null`, inArray(meetings.status, ["scheduled", "live", "ended", "cancelled"])))
    .orderBy(asc(meetings.startsAt))
    .limit(1000);
  return rows.map((row) => ({ ...presentMeetingListItem(row), groupName: row.groupName }));
}

export async function loadMeetingSummary(db: Db, meetingId: string, minutesMarkdown: string): Promise<MeetingSummary | undefined> {
  const [row] = await db.select(withFacilitator).from(meetings).leftJoin(users, eq(users.id, meetings.facilitatorId)).where(eq(meetings.id, meetingId));
  if (!row) return undefined;
  const [attendance, checkIns, items] = await Promise.all([
    db
      .select({ userId: meetingAttendance.userId, displayName: users.displayName, joinedAt: meetingAttendance.joinedAt })
      .from(meetingAttendance)
      .innerJoin(users, eq(users.id, meetingAttendance.userId))
      .where(eq(meetingAttendance.meetingId, meetingId))
      .orderBy(asc(meetingAttendance.joinedAt)),
    db
      .select({
        goalId: goalCheckIns.goalId,
        goalTitle: goals.title,
        userId: goalCheckIns.userId,
        displayName: users.displayName,
        progress: goalCheckIns.progress,
        comment: goalCheckIns.comment,
      })
      .from(goalCheckIns)
      .innerJoin(goals, eq(goals.id, goalCheckIns.goalId))
      .leftJoin(users, eq(users.id, goalCheckIns.userId))
      .where(eq(goalCheckIns.meetingId, meetingId))
      .orderBy(asc(goals.position), asc(goalCheckIns.createdAt)),
    listMeetingItems(db, meetingId),
  ]);
  return {
    meeting: presentMeetingListItem(row),
    attendance: attendance.map((person) => ({ ...person, joinedAt: person.joinedAt.toISOString() })),
    checkIns: checkIns.map((checkIn) => ({ ...checkIn, displayName: checkIn.displayName ?? "" })),
    items,
    minutesMarkdown,
  };
}

export async function listMeetingItems(db: Db, meetingId: string, itemId?: string): Promise<MeetingItem[]> {
  const rows = await db
    .select({ item: meetingItems, ownerName: users.displayName })
    .from(meetingItems)
    .leftJoin(users, eq(users.id, meetingItems.ownerId))
    .where(itemId ? and(eq(meetingItems.meetingId, meetingId), eq(meetingItems.id, itemId)) : eq(meetingItems.meetingId, meetingId))
    .orderBy(asc(meetingItems.createdAt));
  return rows.map(({ item, ownerName }) => ({
    id: item.id,
    kind: item.kind as MeetingItem["kind"],
    text: item.text,
    ownerId: item.ownerId,
    ownerName,
    dueOn: item.dueOn,
    createdAt: item.createdAt.toISOString(),
  }));
}

// ── Scheduling polls ─────────────────────────────────────────────────────────

/** Polls with their options, tallies and everyone's answers, in one round trip per table. */
export async function presentPolls(db: Db, polls: PollRow[]): Promise<SchedulingPoll[]> {
  if (polls.length === 0) return [];
  const pollIds = polls.map((poll) => poll.id);
  const options = await db.select().from(pollOptions).where(inArray(pollOptions.pollId, pollIds)).orderBy(asc(pollOptions.startsAt));
  const votes =
    options.length === 0
      ? []
      : await db
          .select({ optionId: pollVotes.optionId, userId: pollVotes.userId, answer: pollVotes.answer, displayName: users.displayName })
          .from(pollVotes)
          .innerJoin(users, eq(users.id, pollVotes.userId))
          .where(
            inArray(
              pollVotes.optionId,
              options.map((option) => option.id),
            ),
          )
          .orderBy(asc(users.displayName));
  return polls.map((poll) => {
    const own = options.filter((option) => option.pollId === poll.id);
    const ownIds = new Set(own.map((option) => option.id));
    const ownVotes = votes.filter((vote) => ownIds.has(vote.optionId)).map((vote) => ({ ...vote, answer: vote.answer as PollAnswer }));
    const tallies = tallyPoll(
      own.map((option) => option.id),
      ownVotes,
    );
    const best = bestOptionIds(tallies);
    const responses = new Map<string, SchedulingPoll["responses"][number]>();
    for (const vote of ownVotes) {
      const response = responses.get(vote.userId) ?? { userId: vote.userId, displayName: vote.displayName, answers: {} };
      response.answers[vote.optionId] = vote.answer;
      responses.set(vote.userId, response);
    }
    return {
      id: poll.id,
      groupId: poll.groupId,
      title: poll.title,
      durationMinutes: poll.durationMinutes,
      timeZone: poll.timeZone,
      location: poll.location,
      videoUrl: poll.videoUrl,
      status: poll.status as SchedulingPoll["status"],
      createdBy: poll.createdBy,
      createdAt: poll.createdAt.toISOString(),
      options: own.map((option, index) => {
        const { yes, maybe, no } = tallies[index]!;
        return { id: option.id, startsAt: option.startsAt.toISOString(), yes, maybe, no, best: best.has(option.id) };
      }),
      responses: [...responses.values()],
      meetingId: poll.meetingId,
      chosenOptionId: poll.chosenOptionId,
    };
  });
}

export async function loadPoll(db: Db, pollId: string): Promise<SchedulingPoll | undefined> {
  const rows = await db.select().from(schedulingPolls).where(eq(schedulingPolls.id, pollId));
  return (await presentPolls(db, rows))[0];
}

export async function listGroupPolls(db: Db, groupId: string): Promise<SchedulingPoll[]> {
  const rows = await db.select().from(schedulingPolls).where(eq(schedulingPolls.groupId, groupId)).orderBy(desc(schedulingPolls.createdAt)).limit(50);
  return presentPolls(db, rows);
}

/** Names of the people in a room, for presence. */
export async function displayNames(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
