import { and, count, eq } from "drizzle-orm";
import type { MemberRole, UpdateMemberInput } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { memberships } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertKeepsFacilitator, assertMayBecomeFacilitator } from "../domain/groups";
import type { MembershipRow } from "../policies/groups";
import { lockGroup } from "./groups";

async function facilitatorCount(tx: Db, groupId: string): Promise<number> {
  const [row] = await tx
    .select({ value: count() })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.role, "facilitator")));
  return row?.value ?? 0;
}

async function findMembership(tx: Db, groupId: string, userId: string): Promise<MembershipRow> {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "No such member in this group");
  return row;
}

export async function acceptAgreement(db: Db, groupId: string, userId: string): Promise<MembershipRow> {
  const [row] = await db
    .update(memberships)
    .set({ agreementAcceptedAt: new Date() })
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)))
    .returning();
  if (!row) throw new AppError("not_found", "No such group, or you are not a member");
  return row;
}

export async function completeOnboardingStep(db: Db, groupId: string, userId: string, step: "goals_read" | "introduced"): Promise<MembershipRow> {
  const [row] = await db
    .update(memberships)
    .set(step === "goals_read" ? { goalsReadAt: new Date() } : { introducedAt: new Date() })
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)))
    .returning();
  if (!row) throw new AppError("not_found", "No such group, or you are not a member");
  return row;
}

/**
 * Changes a member's role (hand over or share facilitation), peer-instructor badge or read-only access
 * to the notebook. Facilitators run the notebook, so read-only access is for members only and becoming
 * a facilitator lifts it.
 */
export async function updateMember(db: Db, groupId: string, userId: string, input: UpdateMemberInput): Promise<MembershipRow> {
  return db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const target = await findMembership(tx, groupId, userId);
    if (input.role !== undefined) {
      assertKeepsFacilitator(await facilitatorCount(tx, groupId), target.role as MemberRole, input.role);
      if (input.role === "facilitator" && target.role !== "facilitator") {
        assertMayBecomeFacilitator({ isMember: true, agreementAccepted: target.agreementAcceptedAt !== null }, "group");
      }
    }
    const role = input.role ?? (target.role as MemberRole);
    if (role === "facilitator" && input.notesReadOnly === true) {
      throw new AppError("forbidden", "A facilitator always edits the notes; make them a member first");
    }
    const notesReadOnly = role === "facilitator" ? false : (input.notesReadOnly ?? target.notesReadOnly);
    const [row] = await tx
      .update(memberships)
      .set({
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.peerInstructor !== undefined ? { peerInstructor: input.peerInstructor } : {}),
        notesReadOnly,
      })
      .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)))
      .returning();
    return row!;
  });
}

/** Leaving, or being removed by a facilitator; the last facilitator must hand over first. */
export async function removeMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const target = await findMembership(tx, groupId, userId);
    assertKeepsFacilitator(await facilitatorCount(tx, groupId), target.role as MemberRole, null);
    await tx.delete(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
  });
}
