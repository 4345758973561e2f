import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { CreateGatheringInput, RsvpAnswer, UpdateGatheringInput } from "../../shared/schemas/gatherings";
import type { AgendaBlockInput } from "../../shared/schemas/meetings";
import type { Db } from "../db/database";
import { gatheringAgendaBlocks, gatheringGroups, gatheringRsvps, gatherings, groups, learningDigests } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertAgendaFits, defaultAgenda } from "../domain/meetings";
import { assertGroupsOfProgramme, type GatheringRow } from "../policies/gatherings";
import { assertMethodCardsUsable } from "../policies/meetings";

type Block = z.output<typeof AgendaBlockInput>;

async function writeAgenda(tx: Db, gatheringId: string, blocks: Block[]): Promise<void> {
  await tx.delete(gatheringAgendaBlocks).where(eq(gatheringAgendaBlocks.gatheringId, gatheringId));
  await tx.insert(gatheringAgendaBlocks).values(blocks.map((block, position) => ({ gatheringId, position, ...block })));
}

async function inviteGroups(tx: Db, gatheringId: string, groupIds: string[]): Promise<void> {
  await tx.delete(gatheringGroups).where(eq(gatheringGroups.gatheringId, gatheringId));
  await tx.insert(gatheringGroups).values([...new Set(groupIds)].map((groupId) => ({ gatheringId, groupId })));
}

/** Creates a gathering with its invited groups and agenda (by default: check-in, work, check-out). */
export async function createGathering(db: Db, actorId: string, programmeId: string, input: z.output<typeof CreateGatheringInput>): Promise<string> {
  const blocks: Block[] = input.agenda ?? defaultAgenda(input.durationMinutes).filter((block) => block.kind !== "goal_review").map((block) => ({ ...block, methodCardId: null }));
  assertAgendaFits(blocks);
  return db.transaction(async (tx) => {
    const groupIds =
      input.groupIds === "all" ? (await tx.select({ id: groups.id }).from(groups).where(eq(groups.programmeId, programmeId))).map((group) => group.id) : input.groupIds;
    if (groupIds.length === 0) throw new AppError("validation_failed", "The programme has no groups to invite yet");
    await assertGroupsOfProgramme(tx, programmeId, groupIds);
    await assertMethodCardsUsable(tx, { programmeId }, blocks);
    const [gathering] = await tx
      .insert(gatherings)
      .values({
        programmeId,
        title: input.title,
        purpose: input.purpose,
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        location: input.location,
        videoUrl: input.videoUrl ?? null,
        createdBy: actorId,
      })
      .returning({ id: gatherings.id });
    await inviteGroups(tx, gathering!.id, groupIds);
    await writeAgenda(tx, gathering!.id, blocks);
    return gathering!.id;
  });
}

export async function updateGathering(db: Db, gathering: GatheringRow, input: UpdateGatheringInput): Promise<void> {
  await db.transaction(async (tx) => {
    // Under the row lock, so a host opening the plenary meanwhile is seen.
    const [current] = await tx.select({ status: gatherings.status }).from(gatherings).where(eq(gatherings.id, gathering.id)).for("update");
    if (current?.status === "ended") throw new AppError("gathering_not_live", "This gathering has ended");
    // A running gathering is ended from its live page (which closes its rooms), never rescheduled, cancelled or
    // stripped of invited groups under its people.
    if (current?.status === "live" && (input.status !== undefined || input.groupIds !== undefined)) {
      throw new AppError("validation_failed", "This gathering is running; its status and invited groups change only once it has ended");
    }
    if (input.groupIds) {
      await assertGroupsOfProgramme(tx, gathering.programmeId, input.groupIds);
      await inviteGroups(tx, gathering.id, input.groupIds);
    }
    const changes = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.purpose !== undefined && { purpose: input.purpose }),
      ...(input.startsAt !== undefined && { startsAt: new Date(input.startsAt) }),
      ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
      ...(input.location !== undefined && { location: input.location }),
      ...(input.videoUrl !== undefined && { videoUrl: input.videoUrl }),
      ...(input.status !== undefined && { status: input.status }),
    };
    if (Object.keys(changes).length > 0) await tx.update(gatherings).set(changes).where(eq(gatherings.id, gathering.id));
  });
}

export async function replaceGatheringAgenda(db: Db, gathering: GatheringRow, blocks: Block[]): Promise<void> {
  if (gathering.status === "ended" || gathering.status === "cancelled") throw new AppError("gathering_not_live", "This gathering is over");
  assertAgendaFits(blocks);
  await db.transaction(async (tx) => {
    await assertMethodCardsUsable(tx, { programmeId: gathering.programmeId }, blocks);
    await writeAgenda(tx, gathering.id, blocks);
  });
}

export async function answerRsvp(db: Db, gathering: GatheringRow, userId: string, answer: RsvpAnswer): Promise<void> {
  if (gathering.status !== "scheduled" && gathering.status !== "live") throw new AppError("gathering_not_live", "This gathering is over or cancelled");
  await db
    .insert(gatheringRsvps)
    .values({ gatheringId: gathering.id, userId, answer })
    .onConflictDoUpdate({ target: [gatheringRsvps.gatheringId, gatheringRsvps.userId], set: { answer, updatedAt: new Date() } });
}

/**
 * Publishes (or replaces) a group's learning digest. This is the only way anything written in a group
 * reaches a gathering, and only a facilitator of that group, for that group, can take it.
 */
export async function publishDigest(db: Db, gatheringId: string, groupId: string, actorId: string, text: string): Promise<void> {
  await db
    .insert(learningDigests)
    .values({ gatheringId, groupId, text, publishedBy: actorId })
    .onConflictDoUpdate({ target: [learningDigests.gatheringId, learningDigests.groupId], set: { text, publishedBy: actorId, publishedAt: new Date() } });
}

export async function withdrawDigest(db: Db, gatheringId: string, groupId: string): Promise<void> {
  await db.delete(learningDigests).where(and(eq(learningDigests.gatheringId, gatheringId), eq(learningDigests.groupId, groupId)));
}
