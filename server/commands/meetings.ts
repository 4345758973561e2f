import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type {
  AgendaBlockInput,
  AnswerPollInput,
  CreateMeetingInput,
  CreateMeetingItemInput,
  CreatePollInput,
  MeetingControl,
  PauseSeriesInput,
  ReplaceAgendaInput,
  UpdateMeetingInput,
} from "../../shared/schemas/meetings";
import type { z } from "zod";
import { NOTES } from "../../shared/limits";
import type { Db } from "../db/database";
import {
  agendaBlocks,
  conversations,
  groups,
  meetingAttendance,
  meetingItems,
  meetings,
  meetingSeries,
  memberships,
  notePages,
  pollOptions,
  pollVotes,
  programmes,
  schedulingPolls,
} from "../db/schema";
import { AppError } from "../domain/appError";
import { applyControl, setHand, type RoomRow } from "../domain/meetingRoom";
import { columnsOf, roomOf } from "../db/liveRoom";
import { assertAgendaFits, assertMeetingOpen, defaultAgenda, occurrencesInBreak, seriesStarts, type Repeat } from "../domain/meetings";
import { assertMethodCardsUsable, type MeetingRow } from "../policies/meetings";

type CreateMeeting = z.output<typeof CreateMeetingInput>;
type Block = z.output<typeof AgendaBlockInput>;

/** Any member who accepted the agreement may facilitate a meeting (the role rotates). */
async function assertMemberOf(tx: Db, groupId: string, userId: string): Promise<void> {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId), sql`${memberships.agreementAcceptedAt} is not null`));
  if (!member) throw new AppError("validation_failed", "The facilitator must be a member of the group who has accepted its agreement");
}

interface MeetingPlan {
  title: string;
  durationMinutes: number;
  timeZone: string;
  location: string;
  videoUrl: string | null;
  facilitatorId: string;
  seriesId: string | null;
}

/** A new meeting's agenda: its programme's template when it has one, else check-in, goals, work, check-out. */
async function startingAgenda(tx: Db, groupId: string, durationMinutes: number): Promise<Block[]> {
  const [row] = await tx
    .select({ template: programmes.agendaTemplate })
    .from(groups)
    .innerJoin(programmes, eq(programmes.id, groups.programmeId))
    .where(eq(groups.id, groupId));
  return row?.template ?? defaultAgenda(durationMinutes).map((block) => ({ ...block, methodCardId: null }));
}

/** Inserts meetings at the given starts, each with its own chat and the default agenda, in one transaction. */
async function insertMeetings(tx: Db, groupId: string, actorId: string, plan: MeetingPlan, starts: Date[]): Promise<string[]> {
  if (starts.length === 0) return [];
  const chats = await tx
    .insert(conversations)
    .values(starts.map(() => ({ scope: "meeting", groupId })))
    .returning({ id: conversations.id });
  const rows = await tx
    .insert(meetings)
    .values(starts.map((startsAt, index) => ({ groupId, ...plan, startsAt, conversationId: chats[index]!.id, createdBy: actorId })))
    .returning({ id: meetings.id, conversationId: meetings.conversationId });
  await tx.execute(sql`
    update conversations set scope_ref_id = linked.meeting_id
    from (select unnest(${sql.raw(`array[${rows.map((row) => `'${row.conversationId}'::uuid`).join(",")}]`)}) as conversation_id,
                 unnest(${sql.raw(`array[${rows.map((row) => `'${row.id}'::uuid`).join(",")}]`)}) as meeting_id) as linked
    where conversations.id = linked.conversation_id`);
  const agenda = await startingAgenda(tx, groupId, plan.durationMinutes);
  await tx.insert(agendaBlocks).values(rows.flatMap((row) => agenda.map((block, position) => ({ meetingId: row.id, position, ...block }))));
  return rows.map((row) => row.id);
}

/** Plans a meeting, or a series of them; answers the first one's id. */
export async function createMeetings(db: Db, actorId: string, groupId: string, input: CreateMeeting): Promise<string> {
  return db.transaction(async (tx) => {
    const facilitatorId = input.facilitatorId ?? actorId;
    await assertMemberOf(tx, groupId, facilitatorId);
    const first = new Date(input.startsAt);
    let seriesId: string | null = null;
    let starts = [first];
    if (input.repeat) {
      const repeat: Repeat = { kind: input.repeat.kind, interval: input.repeat.interval };
      const [series] = await tx
        .insert(meetingSeries)
        .values({ groupId, repeatKind: repeat.kind, repeatInterval: repeat.interval, timeZone: input.timeZone })
        .returning({ id: meetingSeries.id });
      seriesId = series!.id;
      starts = seriesStarts(first, input.timeZone, repeat, input.repeat.count);
    }
    const plan = {
      title: input.title,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      location: input.location,
      videoUrl: input.videoUrl ?? null,
      facilitatorId,
      seriesId,
    };
    const [firstId] = await insertMeetings(tx, groupId, actorId, plan, starts);
    return firstId!;
  });
}

export async function updateMeeting(db: Db, meeting: MeetingRow, input: UpdateMeetingInput): Promise<void> {
  if (meeting.status === "ended" || meeting.status === "live") {
    if (input.startsAt || input.durationMinutes || input.status) throw new AppError("meeting_not_live", "A meeting that has started keeps its time");
  }
  if (input.facilitatorId) await assertMemberOf(db, meeting.groupId, input.facilitatorId);
  const changes = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.startsAt !== undefined && { startsAt: new Date(input.startsAt) }),
    ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
    ...(input.location !== undefined && { location: input.location }),
    ...(input.videoUrl !== undefined && { videoUrl: input.videoUrl }),
    ...(input.facilitatorId !== undefined && { facilitatorId: input.facilitatorId }),
    ...(input.status !== undefined && { status: input.status }),
  };
  // An empty change is no change (drizzle refuses an update that sets nothing).
  if (Object.keys(changes).length > 0) await db.update(meetings).set(changes).where(eq(meetings.id, meeting.id));
}

/**
 * Replaces the agenda. Method cards must be ones the group can see (built-in, its own or its
 * programme's); the room is locked so the agenda never changes under a control in flight.
 */
export async function replaceAgenda(db: Db, meeting: MeetingRow, programmeId: string | null, input: z.output<typeof ReplaceAgendaInput>): Promise<void> {
  assertMeetingOpen(meeting.status);
  assertAgendaFits(input.blocks);
  await db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meeting.id)).for("update");
    await assertMethodCardsUsable(tx, { groupId: meeting.groupId, programmeId }, input.blocks);
    await tx.delete(agendaBlocks).where(eq(agendaBlocks.meetingId, meeting.id));
    await tx.insert(agendaBlocks).values(input.blocks.map((block: Block, position: number) => ({ meetingId: meeting.id, position, ...block })));
    // A live meeting whose current block vanished goes back to the last one.
    if (meeting.blockIndex >= input.blocks.length) {
      await tx.update(meetings).set({ blockIndex: input.blocks.length - 1, step: 0 }).where(eq(meetings.id, meeting.id));
    }
  });
}

/**
 * Sets (or with null clears) a programme's agenda template. Its method cards must be built-in or the
 * programme's own, since every group of the programme must be able to use them.
 */
export async function setAgendaTemplate(db: Db, programmeId: string, blocks: Block[] | null): Promise<void> {
  if (blocks) {
    assertAgendaFits(blocks);
    await assertMethodCardsUsable(db, { programmeId }, blocks);
  }
  await db.update(programmes).set({ agendaTemplate: blocks }).where(eq(programmes.id, programmeId));
}

/** Pauses a series for a break and adds as many occurrences after its end. */
export async function pauseSeries(db: Db, seriesId: string, actorId: string, input: z.output<typeof PauseSeriesInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const [series] = await tx.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId)).for("update");
    if (!series) throw new AppError("not_found", "No such series");
    const occurrences = await tx.select().from(meetings).where(eq(meetings.seriesId, seriesId)).orderBy(asc(meetings.startsAt));
    const paused = occurrencesInBreak(occurrences, series.timeZone, input.from, input.until);
    if (paused.length === 0) return;
    await tx
      .update(meetings)
      .set({ status: "paused" })
      .where(
        inArray(
          meetings.id,
          paused.map((meeting) => meeting.id),
        ),
      );
    const last = occurrences.at(-1)!;
    const first = occurrences[0]!;
    const repeat: Repeat = { kind: series.repeatKind as Repeat["kind"], interval: series.repeatInterval };
    const starts = seriesStarts(first.startsAt, series.timeZone, repeat, paused.length, occurrences.length);
    await insertMeetings(
      tx,
      series.groupId,
      actorId,
      { title: last.title, durationMinutes: last.durationMinutes, timeZone: last.timeZone, location: last.location, videoUrl: last.videoUrl, facilitatorId: last.facilitatorId ?? actorId, seriesId },
      starts,
    );
  });
}

/**
 * Lifts a series' breaks: paused occurrences come back, and the ones a break had added at the end (the
 * newest, not yet held) are removed again, so the number of meetings stays as planned.
 */
export async function resumeSeries(db: Db, seriesId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [series] = await tx.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId)).for("update");
    if (!series) throw new AppError("not_found", "No such series");
    const occurrences = await tx.select().from(meetings).where(eq(meetings.seriesId, seriesId)).orderBy(asc(meetings.startsAt));
    const paused = occurrences.filter((meeting) => meeting.status === "paused");
    if (paused.length === 0) return;
    const added = occurrences.filter((meeting) => meeting.status === "scheduled").slice(-paused.length);
    await tx.update(meetings).set({ status: "scheduled" }).where(inArray(meetings.id, paused.map((meeting) => meeting.id)));
    if (added.length > 0) await tx.delete(meetings).where(inArray(meetings.id, added.map((meeting) => meeting.id)));
  });
}

export async function seriesGroupId(db: Db, seriesId: string): Promise<string | undefined> {
  const [series] = await db.select({ groupId: meetingSeries.groupId }).from(meetingSeries).where(eq(meetingSeries.id, seriesId));
  return series?.groupId;
}

// ── Scheduling polls ─────────────────────────────────────────────────────────

export async function createPoll(db: Db, actorId: string, groupId: string, input: z.output<typeof CreatePollInput>): Promise<string> {
  const starts = [...new Set(input.options.map((option) => new Date(option).getTime()))].sort((a, b) => a - b);
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(schedulingPolls)
      .values({
        groupId,
        title: input.title,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        location: input.location,
        videoUrl: input.videoUrl ?? null,
        createdBy: actorId,
      })
      .returning({ id: schedulingPolls.id });
    await tx.insert(pollOptions).values(starts.map((time) => ({ pollId: poll!.id, startsAt: new Date(time) })));
    return poll!.id;
  });
}

/** Records my answers to some of a poll's options (a later answer replaces an earlier one). */
export async function answerPoll(db: Db, pollId: string, userId: string, input: AnswerPollInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [poll] = await tx.select({ status: schedulingPolls.status }).from(schedulingPolls).where(eq(schedulingPolls.id, pollId)).for("share");
    if (poll?.status !== "open") throw new AppError("poll_closed", "This poll is closed");
    const optionIds = [...new Set(input.answers.map((answer) => answer.optionId))];
    const own = await tx.select({ id: pollOptions.id }).from(pollOptions).where(and(eq(pollOptions.pollId, pollId), inArray(pollOptions.id, optionIds)));
    if (own.length !== optionIds.length) throw new AppError("validation_failed", "An answer refers to a time that is not in this poll");
    const latest = new Map(input.answers.map((answer) => [answer.optionId, answer.answer]));
    await tx
      .insert(pollVotes)
      .values([...latest].map(([optionId, answer]) => ({ optionId, userId, answer })))
      .onConflictDoUpdate({ target: [pollVotes.optionId, pollVotes.userId], set: { answer: sql`excluded.answer`, updatedAt: sql`now()` } });
  });
}

/** Closes a poll on one of its times and plans the meeting there; answers the meeting id. */
export async function closePoll(db: Db, pollId: string, actorId: string, optionId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(schedulingPolls).where(eq(schedulingPolls.id, pollId)).for("update");
    if (!poll) throw new AppError("not_found", "No such poll");
    if (poll.status !== "open") throw new AppError("poll_closed", "This poll is already closed");
    const [option] = await tx.select().from(pollOptions).where(and(eq(pollOptions.id, optionId), eq(pollOptions.pollId, pollId)));
    if (!option) throw new AppError("validation_failed", "That time is not in this poll");
    const [meetingId] = await insertMeetings(
      tx,
      poll.groupId,
      actorId,
      {
        title: poll.title,
        durationMinutes: poll.durationMinutes,
        timeZone: poll.timeZone,
        location: poll.location,
        videoUrl: poll.videoUrl,
        facilitatorId: actorId,
        seriesId: null,
      },
      [option.startsAt],
    );
    await tx.update(schedulingPolls).set({ status: "closed", meetingId, chosenOptionId: optionId }).where(eq(schedulingPolls.id, pollId));
    return meetingId!;
  });
}

// ── The live room ────────────────────────────────────────────────────────────

/** Changes the room under a row lock, so two controls at once apply one after the other. */
async function changeRoom(db: Db, meetingId: string, change: (room: RoomRow, meeting: MeetingRow, tx: Db) => Promise<RoomRow> | RoomRow): Promise<MeetingRow> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
    if (!meeting) throw new AppError("not_found", "No such meeting");
    const next = await change(roomOf(meeting), meeting, tx);
    const [updated] = await tx.update(meetings).set(columnsOf(next)).where(eq(meetings.id, meetingId)).returning();
    return updated!;
  });
}

export async function controlMeeting(db: Db, meetingId: string, control: MeetingControl, presentUserIds: string[], now = new Date()): Promise<MeetingRow> {
  const updated = await changeRoom(db, meetingId, async (room, meeting, tx) => {
    const blocks = await tx.select({ minutes: agendaBlocks.minutes }).from(agendaBlocks).where(eq(agendaBlocks.meetingId, meetingId)).orderBy(asc(agendaBlocks.position));
    const members =
      control.type === "handOver"
        ? await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.groupId, meeting.groupId), sql`${memberships.agreementAcceptedAt} is not null`))
        : [];
    return applyControl(room, control, {
      now,
      blockMinutes: blocks.map((block) => block.minutes),
      presentUserIds,
      memberIds: new Set(members.map((member) => member.userId)),
    });
  });
  if (control.type === "start") await ensureMinutesPage(db, updated);
  return updated;
}

export async function raiseHand(db: Db, meetingId: string, userId: string, raised: boolean): Promise<MeetingRow> {
  return changeRoom(db, meetingId, (room) => setHand(room, userId, raised));
}

/** The first time someone enters the room is their attendance. */
export async function recordAttendance(db: Db, meetingId: string, userId: string): Promise<void> {
  await db.insert(meetingAttendance).values({ meetingId, userId }).onConflictDoNothing();
}

/**
 * Starting a meeting gives it a minutes page in the group notebook (titled with the meeting and its
 * date), unless the notebook is full; the page is then edited together like any other.
 */
async function ensureMinutesPage(db: Db, meeting: MeetingRow): Promise<void> {
  if (meeting.minutesPageId) return;
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ minutesPageId: meetings.minutesPageId }).from(meetings).where(eq(meetings.id, meeting.id)).for("update");
    if (locked?.minutesPageId) return;
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(notePages)
      .where(eq(notePages.groupId, meeting.groupId));
    if (count >= NOTES.pagesPerGroup) return;
    const date = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone }).toFormat("d.M.yyyy");
    const [page] = await tx
      .insert(notePages)
      .values({ groupId: meeting.groupId, title: `${meeting.title} ${date}`.slice(0, NOTES.titleMax), position: count, createdBy: meeting.facilitatorId })
      .returning({ id: notePages.id });
    await tx.update(meetings).set({ minutesPageId: page!.id }).where(eq(meetings.id, meeting.id));
  });
}

// ── Summary items ────────────────────────────────────────────────────────────

export async function addMeetingItem(db: Db, meeting: MeetingRow, actorId: string, input: z.output<typeof CreateMeetingItemInput>): Promise<string> {
  if (input.ownerId) await assertMemberOf(db, meeting.groupId, input.ownerId);
  const [item] = await db
    .insert(meetingItems)
    .values({ meetingId: meeting.id, kind: input.kind, text: input.text, ownerId: input.ownerId ?? null, dueOn: input.dueOn ?? null, createdBy: actorId })
    .returning({ id: meetingItems.id });
  return item!.id;
}

export async function removeMeetingItem(db: Db, meetingId: string, itemId: string): Promise<void> {
  const removed = await db
    .delete(meetingItems)
    .where(and(eq(meetingItems.id, itemId), eq(meetingItems.meetingId, meetingId)))
    .returning({ id: meetingItems.id });
  if (removed.length === 0) throw new AppError("not_found", "No such item in this meeting");
}

