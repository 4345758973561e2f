import { and, count, desc, eq } from "drizzle-orm";
import type { CreateProgrammeInput, GroupPhase, Programme, ProcessTemplate } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { memberships, programmeCoordinators, programmes, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertGroupNotEnded, assertHasRoom, assertMayBecomeFacilitator } from "../domain/groups";
import type { MembershipRow, ProgrammeRow } from "../policies/groups";
import { lockGroup } from "./groups";

export function presentProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    template: row.template as ProcessTemplate,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createProgramme(db: Db, coordinatorId: string, input: CreateProgrammeInput): Promise<ProgrammeRow> {
  return db.transaction(async (tx) => {
    const [programme] = await tx
      .insert(programmes)
      .values({ name: input.name, description: input.description ?? "", template: input.template, createdBy: coordinatorId })
      .returning();
    await tx.insert(programmeCoordinators).values({ programmeId: programme!.id, userId: coordinatorId });
    return programme!;
  });
}

export async function listCoordinatedProgrammes(db: Db, userId: string): Promise<Programme[]> {
  const rows = await db
    .select({ programme: programmes })
    .from(programmes)
    .innerJoin(programmeCoordinators, and(eq(programmeCoordinators.programmeId, programmes.id), eq(programmeCoordinators.userId, userId)))
    .orderBy(desc(programmes.createdAt));
  return rows.map((row) => presentProgramme(row.programme));
}

/**
 * Makes an existing account a facilitator of a programme group: a new member joins as facilitator, an
 * existing member is promoted. A new member takes a place like anyone joining, so a full or ended group
 * refuses them; promoting someone already in the group takes no place.
 *
 * The appointee need not have accepted the group agreement (see `assertMayBecomeFacilitator`): the
 * coordinator cannot accept it for them, so they accept it themselves on their first visit, and until
 * then the group's content stays closed to them.
 */
export async function appointFacilitator(db: Db, groupId: string, email: string): Promise<MembershipRow> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (!user) throw new AppError("not_found", "No account with this email; send them a facilitator invitation instead");
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, user.id)))
      .limit(1);
    assertMayBecomeFacilitator({ isMember: existing !== undefined, agreementAccepted: existing?.agreementAcceptedAt != null }, "coordinator");

    if (existing) {
      const [promoted] = await tx
        .update(memberships)
        .set({ role: "facilitator" })
        .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, user.id)))
        .returning();
      return promoted!;
    }
    assertGroupNotEnded(group.phase as GroupPhase);
    const [members] = await tx.select({ value: count() }).from(memberships).where(eq(memberships.groupId, groupId));
    assertHasRoom(members?.value ?? 0, group.capacity);
    const [membership] = await tx.insert(memberships).values({ groupId, userId: user.id, role: "facilitator" }).returning();
    return membership!;
  });
}
