import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { extendTimer, IDLE_TIMER, pauseTimer, resumeTimer, startTimer } from "../../shared/meetingClock";
import type { MeetingControl } from "../../shared/schemas/meetings";
import { queryRows, type Db } from "../db/database";
import { columnsOf, roomOf, timerColumnsOf, timerOf } from "../db/liveRoom";
import { breakoutMembers, breakoutRooms, conversations, gatheringAgendaBlocks, gatheringGroups, gatherings, memberships, notePages, programmeCoordinators } from "../db/schema";
import { AppError } from "../domain/appError";
import { mixBreakouts, roomCount, type BreakoutParticipant } from "../domain/breakouts";
import { applyControl, setHand, type RoomRow } from "../domain/meetingRoom";
import { CONVERSATION_SCOPES } from "../policies/conversations";
import type { BreakoutRow, GatheringRow } from "../policies/gatherings";

/**
 * The live gathering: the plenary runs on the meeting room's state machine over the gathering's row;
 * breakout rounds are rows of breakout_rooms. Every change happens under the gathering's row lock, so
 * two hosts pressing at once apply one after the other, and every node derives the same state.
 */

async function lockGathering(tx: Db, gatheringId: string): Promise<GatheringRow> {
  const [gathering] = await tx.select().from(gatherings).where(eq(gatherings.id, gatheringId)).for("update");
  if (!gathering) throw new AppError("not_found", "No such gathering");
  return gathering;
}

function assertLive(gathering: GatheringRow): void {
  if (gathering.status !== "live") {
    throw new AppError("gathering_not_live", gathering.status === "scheduled" ? "Open the plenary first" : "This gathering is over");
  }
}

/** The plenary's chat and minutes page, made once when the plenary first opens. */
async function ensurePlenaryContent(tx: Db, gathering: GatheringRow): Promise<Partial<GatheringRow>> {
  const changes: Partial<GatheringRow> = {};
  if (!gathering.conversationId) {
    const [conversation] = await tx
      .insert(conversations)
      .values({ scope: CONVERSATION_SCOPES.gathering, scopeRefId: gathering.id })
      .returning({ id: conversations.id });
    changes.conversationId = conversation!.id;
  }
  if (!gathering.minutesPageId) {
    const [page] = await tx
      .insert(notePages)
      .values({ gatheringId: gathering.id, title: gathering.title, position: 0, createdBy: gathering.createdBy })
      .returning({ id: notePages.id });
    changes.minutesPageId = page!.id;
  }
  return changes;
}

/**
 * A host runs the plenary: `start` opens the gathering (and makes its chat and minutes), the agenda,
 * timer and speaking round work as in a meeting, `end` closes the gathering and any open breakouts.
 */
export async function controlGathering(
  db: Db,
  gatheringId: string,
  hostId: string,
  control: MeetingControl,
  presentUserIds: string[],
  now = new Date(),
): Promise<GatheringRow> {
  return db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    if (gathering.status === "ended" || gathering.status === "cancelled") throw new AppError("gathering_not_live", "This gathering is over");
    const blocks = await tx
      .select({ minutes: gatheringAgendaBlocks.minutes })
      .from(gatheringAgendaBlocks)
      .where(eq(gatheringAgendaBlocks.gatheringId, gatheringId))
      .orderBy(asc(gatheringAgendaBlocks.position));
    const room: RoomRow = applyControl(roomOf(gathering), control, {
      now,
      blockMinutes: blocks.map((block) => block.minutes),
      presentUserIds,
      memberIds: new Set(),
    });
    let extra: Partial<GatheringRow> = {};
    if (control.type === "start" && gathering.status !== "live") {
      extra = { ...(await ensurePlenaryContent(tx, gathering)), facilitatorId: hostId };
    }
    if (control.type === "end") {
      await tx
        .update(breakoutRooms)
        .set({ status: "closed" })
        .where(and(eq(breakoutRooms.gatheringId, gatheringId), inArray(breakoutRooms.status, ["draft", "open"])));
    }
    const [updated] = await tx
      .update(gatherings)
      .set({ ...columnsOf(room), ...extra })
      .where(eq(gatherings.id, gatheringId))
      .returning();
    return updated!;
  });
}

export async function raiseGatheringHand(db: Db, gatheringId: string, userId: string, raised: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    assertLive(gathering);
    const room = setHand(roomOf(gathering), userId, raised);
    await tx.update(gatherings).set({ hands: room.hands }).where(eq(gatherings.id, gatheringId));
  });
}

export async function broadcastToRooms(db: Db, gatheringId: string, text: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    assertLive(await lockGathering(tx, gatheringId));
    await tx.update(gatherings).set({ broadcastText: text, broadcastAt: now }).where(eq(gatherings.id, gatheringId));
  });
}

type RoundStatus = "draft" | "open" | "closed";

async function currentRound(tx: Db, gathering: GatheringRow): Promise<{ status: RoundStatus; rooms: BreakoutRow[] } | null> {
  if (gathering.breakoutRound === 0) return null;
  const rooms = await tx
    .select()
    .from(breakoutRooms)
    .where(and(eq(breakoutRooms.gatheringId, gathering.id), eq(breakoutRooms.round, gathering.breakoutRound)))
    .orderBy(asc(breakoutRooms.number));
  if (rooms.length === 0) return null;
  return { status: rooms[0]!.status as RoundStatus, rooms };
}

/**
 * Who of the people present goes into breakouts, and from which group: the members of invited groups
 * (the hosts run the gathering and stay out). Someone in two invited groups counts with the first.
 */
async function breakoutParticipants(tx: Db, gathering: GatheringRow, presentUserIds: string[]): Promise<BreakoutParticipant[]> {
  if (presentUserIds.length === 0) return [];
  const [rows, hosts] = await Promise.all([
    tx
      .select({ userId: memberships.userId, groupId: memberships.groupId })
      .from(memberships)
      .innerJoin(gatheringGroups, and(eq(gatheringGroups.groupId, memberships.groupId), eq(gatheringGroups.gatheringId, gathering.id)))
      .where(and(inArray(memberships.userId, presentUserIds), sql`${memberships.agreementAcceptedAt} is not null`))
      .orderBy(asc(memberships.groupId)),
    tx.select({ userId: programmeCoordinators.userId }).from(programmeCoordinators).where(eq(programmeCoordinators.programmeId, gathering.programmeId)),
  ]);
  const hostIds = new Set(hosts.map((host) => host.userId));
  const groupOf = new Map<string, string>();
  for (const row of rows) if (!hostIds.has(row.userId) && !groupOf.has(row.userId)) groupOf.set(row.userId, row.groupId);
  // In the order people arrived, so the split depends only on the seed and who is there.
  return presentUserIds.flatMap((userId) => {
    const groupId = groupOf.get(userId);
    return groupId ? [{ userId, groupId }] : [];
  });
}

/**
 * Splits the people present into rooms of about `roomSize`, mixing groups (server/domain/breakouts).
 * The result is a draft: the host may move people before starting. Planning again replaces a draft.
 */
export async function planBreakouts(
  db: Db,
  gatheringId: string,
  presentUserIds: string[],
  roomSize: number,
  seed: number,
): Promise<DeletedRooms> {
  return db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    assertLive(gathering);
    const current = await currentRound(tx, gathering);
    if (current?.status === "open") throw new AppError("validation_failed", "The breakout rooms are open; call everyone back first");
    const participants = await breakoutParticipants(tx, gathering, presentUserIds);
    if (participants.length < 2) throw new AppError("validation_failed", "Breakout rooms need at least two participants present");
    const groupOf = new Map(participants.map((participant) => [participant.userId, participant.groupId]));
    const split = mixBreakouts(participants, roomCount(participants.length, roomSize), seed);

    let round = gathering.breakoutRound;
    let replaced: DeletedRooms = { roomIds: [], pageIds: [] };
    if (current?.status === "draft") {
      // Replanning a draft reuses its round; the old rooms (never opened, so nothing written) go.
      replaced = await deleteRooms(tx, sql`gathering_id = ${gatheringId} and round = ${round}`);
    } else {
      round += 1;
      await tx.update(gatherings).set({ breakoutRound: round }).where(eq(gatherings.id, gatheringId));
    }
    for (const [index, userIds] of split.entries()) {
      const number = index + 1;
      const [room] = await tx.insert(breakoutRooms).values({ gatheringId, round, number }).returning({ id: breakoutRooms.id });
      const roomId = room!.id;
      const [[conversation], [page]] = await Promise.all([
        tx.insert(conversations).values({ scope: CONVERSATION_SCOPES.breakout, scopeRefId: roomId }).returning({ id: conversations.id }),
        tx
          .insert(notePages)
          .values({ gatheringId, title: `${gathering.title} – ${round}.${number}`, position: number, createdBy: gathering.facilitatorId })
          .returning({ id: notePages.id }),
      ]);
      await tx.update(breakoutRooms).set({ conversationId: conversation!.id, notesPageId: page!.id }).where(eq(breakoutRooms.id, roomId));
      await tx.insert(breakoutMembers).values(userIds.map((userId) => ({ roomId, gatheringId, round, userId, groupId: groupOf.get(userId) ?? null })));
    }
    return replaced;
  });
}

/** Rooms that went, and their notes pages (whose open editors are to be closed). */
export interface DeletedRooms {
  roomIds: string[];
  pageIds: string[];
}

/** Deletes rooms that were never opened, with their (unwritten) conversations and notes pages. */
async function deleteRooms(tx: Db, where: SQL): Promise<DeletedRooms> {
  const rows = await queryRows<{ id: string; notes_page_id: string | null }>(
    tx,
    sql`with emptied as (delete from breakout_rooms where ${where} returning id, conversation_id, notes_page_id),
      pages as (delete from note_pages where id in (select notes_page_id from emptied)),
      chats as (delete from conversations where id in (select conversation_id from emptied))
      select id, notes_page_id from emptied`,
  );
  return { roomIds: rows.map((row) => row.id), pageIds: rows.flatMap((row) => (row.notes_page_id ? [row.notes_page_id] : [])) };
}

/**
 * The host puts someone in a room of the current round: before it starts, to adjust the split; while it
 * runs, to bring in someone who came late or to move someone on. Answers the room they left, if any.
 */
export async function moveToBreakout(db: Db, gatheringId: string, userId: string, roomNumber: number): Promise<{ left: BreakoutRow | null }> {
  return db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    assertLive(gathering);
    const current = await currentRound(tx, gathering);
    if (!current || current.status === "closed") throw new AppError("validation_failed", "No breakout rooms are planned or open");
    const target = current.rooms.find((room) => room.number === roomNumber);
    if (!target) throw new AppError("validation_failed", "No such breakout room");
    const round = gathering.breakoutRound;
    const [placed] = await tx
      .select({ roomId: breakoutMembers.roomId })
      .from(breakoutMembers)
      .where(and(eq(breakoutMembers.gatheringId, gatheringId), eq(breakoutMembers.round, round), eq(breakoutMembers.userId, userId)));
    if (placed) {
      if (placed.roomId === target.id) return { left: null };
      await tx
        .update(breakoutMembers)
        .set({ roomId: target.id })
        .where(and(eq(breakoutMembers.gatheringId, gatheringId), eq(breakoutMembers.round, round), eq(breakoutMembers.userId, userId)));
      return { left: current.rooms.find((room) => room.id === placed.roomId) ?? null };
    }
    // Someone not in this round yet (they came late): only a member of an invited group, never a host.
    const [participant] = await breakoutParticipants(tx, gathering, [userId]);
    if (!participant) throw new AppError("validation_failed", "That person is not taking part in this gathering");
    await tx.insert(breakoutMembers).values({ roomId: target.id, gatheringId, round, userId, groupId: participant.groupId });
    return { left: null };
  });
}

/** Sends everyone to their rooms; each room's timer starts with the round's minutes. Answers the opened rooms' pages and the emptied ones'. */
export async function startBreakouts(db: Db, gatheringId: string, minutes: number, now = new Date()): Promise<{ openedPageIds: string[]; deleted: DeletedRooms }> {
  return db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    assertLive(gathering);
    const current = await currentRound(tx, gathering);
    if (current?.status !== "draft") throw new AppError("validation_failed", "Plan the breakout rooms first");
    const timer = startTimer(IDLE_TIMER(minutes * 60_000), now);
    await tx
      .update(breakoutRooms)
      .set({ status: "open", ...timerColumnsOf(timer) })
      .where(and(eq(breakoutRooms.gatheringId, gatheringId), eq(breakoutRooms.round, gathering.breakoutRound)));
    // A room with nobody left in it (everyone moved out) is not opened.
    const emptied = await deleteRooms(
      tx,
      sql`gathering_id = ${gatheringId} and round = ${gathering.breakoutRound}
        and not exists (select 1 from breakout_members where breakout_members.room_id = breakout_rooms.id)`,
    );
    const openedPageIds = current.rooms.flatMap((room) => (room.notesPageId && !emptied.roomIds.includes(room.id) ? [room.notesPageId] : []));
    return { openedPageIds, deleted: emptied };
  });
}

/** Everyone back to the plenary: the rooms close and their timers stop. */
export async function callBackBreakouts(db: Db, gatheringId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const gathering = await lockGathering(tx, gatheringId);
    assertLive(gathering);
    const current = await currentRound(tx, gathering);
    if (current?.status !== "open") throw new AppError("validation_failed", "No breakout rooms are open");
    for (const room of current.rooms) {
      await tx
        .update(breakoutRooms)
        .set({ status: "closed", ...timerColumnsOf(pauseTimer(timerOf(room), now)) })
        .where(eq(breakoutRooms.id, room.id));
    }
  });
}

export type BreakoutTimerOp = "start" | "pause" | "resume" | "extend";

/** The people of a room run its timer themselves while the room is open. */
export async function controlBreakoutTimer(db: Db, breakoutId: string, op: BreakoutTimerOp, minutes: number | undefined, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [room] = await tx.select().from(breakoutRooms).where(eq(breakoutRooms.id, breakoutId)).for("update");
    if (!room) throw new AppError("not_found", "No such breakout room");
    if (room.status !== "open") throw new AppError("gathering_not_live", "This breakout room is not open");
    const timer = timerOf(room);
    let next = timer;
    if (op === "start") next = startTimer(timer, now);
    else if (op === "pause") next = pauseTimer(timer, now);
    else if (op === "resume") next = resumeTimer(timer, now);
    else {
      if (!minutes) throw new AppError("validation_failed", "Say how many minutes to add or take away");
      next = extendTimer(timer, minutes * 60_000);
    }
    await tx.update(breakoutRooms).set(timerColumnsOf(next)).where(eq(breakoutRooms.id, breakoutId));
  });
}

/**
 * The room's report-back: a short summary any of its people publishes (again, to correct it) for the
 * plenary. Only this text leaves the room; its chat and notes stay with the people in it.
 */
export async function publishBreakoutSummary(db: Db, breakoutId: string, userId: string, text: string, now = new Date()): Promise<void> {
  const [updated] = await db
    .update(breakoutRooms)
    .set({ summary: text, summaryBy: userId, summaryAt: now })
    .where(and(eq(breakoutRooms.id, breakoutId), inArray(breakoutRooms.status, ["open", "closed"])))
    .returning({ id: breakoutRooms.id });
  if (!updated) throw new AppError("gathering_not_live", "A room publishes its summary once the round has started");
}
