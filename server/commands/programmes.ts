import { and, desc, eq } from "drizzle-orm";
import type { CreateProgrammeInput, Programme, ProcessTemplate } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { memberships, programmeCoordinators, programmes, users } from "../db/schema";
import { AppError } from "../domain/appError";
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
 * existing member is promoted. They still accept the group agreement themselves.
 */
export async function appointFacilitator(db: Db, groupId: string, email: string): Promise<MembershipRow> {
  return db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (!user) throw new AppError("not_found", "No account with this email; send them a facilitator invitation instead");
    const [membership] = await tx
      .insert(memberships)
      .values({ groupId, userId: user.id, role: "facilitator" })
      .onConflictDoUpdate({ target: [memberships.groupId, memberships.userId], set: { role: "facilitator" } })
      .returning();
    return membership!;
  });
}
