import { and, count, eq, ne } from "drizzle-orm";
import { GROUP } from "../../shared/limits";
import type { Locale } from "../../shared/locales";
import type { ChangePhaseInput, CreateGroupInput, GroupPhase, UpdateGroupInput } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { conversations, goals, groups, memberships } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertPhaseTransition, DEFAULT_AGREEMENT } from "../domain/groups";
import type { GroupRow } from "../policies/groups";

/** Locks the group row for the rest of the transaction, so rules that count (goals, members) cannot race. */
export async function lockGroup(tx: Db, groupId: string): Promise<GroupRow> {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).for("update");
  if (!group) throw new AppError("not_found", "No such group");
  return group;
}

export async function countGoalsInUse(tx: Db, groupId: string): Promise<number> {
  const [row] = await tx
    .select({ value: count() })
    .from(goals)
    .where(and(eq(goals.groupId, groupId), ne(goals.status, "dropped")));
  return row?.value ?? 0;
}

/**
 * Creates a group. A self-organised group's creator becomes its facilitator (and, having written the
 * agreement, has accepted it); a programme group gets its facilitators appointed by the coordinator.
 */
export async function createGroup(
  db: Db,
  input: CreateGroupInput & { capacity?: number },
  options: { creatorId: string; locale: Locale; programmeId?: string; creatorJoins: boolean },
): Promise<GroupRow> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(groups)
      .values({
        name: input.name,
        description: input.description ?? "",
        kind: input.kind,
        capacity: input.capacity ?? GROUP.defaultCapacity,
        agreement: DEFAULT_AGREEMENT[options.locale],
        programmeId: options.programmeId ?? null,
        createdBy: options.creatorId,
      })
      .returning();
    if (!group) throw new Error("group insert returned nothing");
    await tx.insert(conversations).values({ scope: "group", groupId: group.id });
    if (options.creatorJoins) {
      await tx.insert(memberships).values({ groupId: group.id, userId: options.creatorId, role: "facilitator", agreementAcceptedAt: new Date() });
    }
    return group;
  });
}

export async function updateGroup(db: Db, groupId: string, input: UpdateGroupInput): Promise<GroupRow> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    if (input.capacity !== undefined) {
      const [members] = await tx.select({ value: count() }).from(memberships).where(eq(memberships.groupId, groupId));
      if ((members?.value ?? 0) > input.capacity) {
        throw new AppError("validation_failed", "The capacity cannot be below the current number of members", [
          { path: "body.capacity", message: `The group already has ${members?.value} members` },
        ]);
      }
    }
    const [updated] = await tx
      .update(groups)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.agreement !== undefined ? { agreement: input.agreement } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        updatedAt: new Date(),
      })
      .where(eq(groups.id, group.id))
      .returning();
    return updated!;
  });
}

export async function changePhase(db: Db, groupId: string, input: ChangePhaseInput): Promise<GroupRow> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertPhaseTransition(group.phase as GroupPhase, input.phase, await countGoalsInUse(tx, groupId));
    const [updated] = await tx
      .update(groups)
      .set({ phase: input.phase, resumeOn: input.phase === "paused" ? (input.resumeOn ?? null) : null, updatedAt: new Date() })
      .where(eq(groups.id, groupId))
      .returning();
    return updated!;
  });
}
