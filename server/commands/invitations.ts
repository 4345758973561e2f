import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { INVITATION } from "../../shared/limits";
import type { CreateInvitationInput, Invitation, MemberRole } from "../../shared/schemas/groups";
import type { Db } from "../db/database";
import { groups, invitations, memberships, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertHasRoom, assertInvitationUsable } from "../domain/groups";
import type { MembershipRow } from "../policies/groups";
import { lockGroup } from "./groups";

type InvitationRow = typeof invitations.$inferSelect;

function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    groupId: row.groupId,
    email: row.email,
    role: row.role as MemberRole,
    singleUse: row.singleUse,
    uses: row.uses,
    expiresAt: row.expiresAt.toISOString(),
    revoked: row.revokedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates an invitation link; the token is returned once and only its hash is stored. */
export async function createInvitation(
  db: Db,
  groupId: string,
  createdBy: string,
  input: CreateInvitationInput,
): Promise<{ invitation: InvitationRow; token: string }> {
  const token = randomBytes(24).toString("base64url");
  const days = input.expiresInDays ?? INVITATION.defaultDays;
  const [invitation] = await db
    .insert(invitations)
    .values({
      groupId,
      tokenHash: hashInvitationToken(token),
      email: input.email ?? null,
      role: input.role ?? "member",
      // An invitation addressed to one person is for that person only.
      singleUse: input.singleUse ?? input.email !== undefined,
      expiresAt: new Date(Date.now() + days * 24 * 60 * 60 * 1000),
      createdBy,
    })
    .returning();
  return { invitation: invitation!, token };
}

export async function listInvitations(db: Db, groupId: string): Promise<Invitation[]> {
  const rows = await db.select().from(invitations).where(eq(invitations.groupId, groupId)).orderBy(desc(invitations.createdAt));
  return rows.map(presentInvitation);
}

export async function revokeInvitation(db: Db, groupId: string, invitationId: string): Promise<void> {
  const revoked = await db
    .update(invitations)
    .set({ revokedAt: sql`coalesce(${invitations.revokedAt}, now())` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.groupId, groupId)))
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw new AppError("not_found", "No such invitation in this group");
}

async function findByToken(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, group: groups, invitedBy: users.displayName })
    .from(invitations)
    .innerJoin(groups, eq(groups.id, invitations.groupId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) throw new AppError("invitation_invalid", "This invitation link is not valid");
  return row;
}

/** What the invited person sees before deciding: the group's name, kind and agreement. */
export async function previewInvitation(db: Db, token: string, viewerEmail: string | undefined) {
  const row = await findByToken(db, token);
  if (row.group.phase === "ended") throw new AppError("invitation_invalid", "This group has ended");
  assertInvitationUsable(row.invitation, new Date(), viewerEmail ?? row.invitation.email ?? "");
  return {
    groupId: row.group.id,
    groupName: row.group.name,
    kind: row.group.kind,
    agreement: row.group.agreement,
    role: row.invitation.role as MemberRole,
    invitedBy: row.invitedBy ?? "",
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
}

/**
 * Joins the group through an invitation. Capacity and single use are checked with the group row locked,
 * so a full group or a spent link cannot be overrun by simultaneous accepts.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  user: { id: string; email: string },
  acceptAgreement: boolean,
): Promise<MembershipRow> {
  const { invitation } = await findByToken(db, token);
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, invitation.groupId);
    const [fresh] = await tx.select().from(invitations).where(eq(invitations.id, invitation.id));
    if (group.phase === "ended") throw new AppError("invitation_invalid", "This group has ended");
    assertInvitationUsable(fresh!, new Date(), user.email);
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.groupId, group.id), eq(memberships.userId, user.id)));
    if (existing) throw new AppError("already_member", "You are already a member of this group");
    const [members] = await tx.select({ value: count() }).from(memberships).where(eq(memberships.groupId, group.id));
    assertHasRoom(members?.value ?? 0, group.capacity);
    const [membership] = await tx
      .insert(memberships)
      .values({ groupId: group.id, userId: user.id, role: fresh!.role, agreementAcceptedAt: acceptAgreement ? new Date() : null })
      .returning();
    await tx.update(invitations).set({ uses: sql`${invitations.uses} + 1` }).where(eq(invitations.id, invitation.id));
    return membership!;
  });
}
