import { GOALS } from "../../shared/limits";
import type { GoalStatus, GroupPhase, MemberRole } from "../../shared/schemas/groups";
import type { Locale } from "../../shared/locales";
import { AppError } from "./appError";

/** The Verme ethics, as the default group agreement in the creator's language. */
export const DEFAULT_AGREEMENT: Record<Locale, string> = {
  fi: "Kaikki ovat tasavertaisia. Jokainen tulee kuulluksi. Se, mitä ryhmässä jaetaan, jää ryhmään.",
  sv: "Alla är jämlika. Alla blir hörda. Det som delas i gruppen stannar i gruppen.",
  en: "Everyone is equal. Everyone is heard. What is shared in the group stays in the group.",
};

/** Dropped goals stay on the board as history but do not take one of the three places. */
export function countsTowardGoalLimit(status: GoalStatus): boolean {
  return status !== "dropped";
}

export function assertCanAddGoal(goalsInUse: number): void {
  if (goalsInUse >= GOALS.max) {
    throw new AppError("goal_limit", `A group keeps at most ${GOALS.max} goals; mark one achieved or dropped, or remove one first`);
  }
}

/** Reopening a dropped goal takes a place again, so it obeys the same limit as adding one. */
export function assertCanChangeGoalStatus(from: GoalStatus, to: GoalStatus, goalsInUse: number): void {
  if (!countsTowardGoalLimit(from) && countsTowardGoalLimit(to)) assertCanAddGoal(goalsInUse);
}

const PHASE_TRANSITIONS: Record<GroupPhase, readonly GroupPhase[]> = {
  forming: ["active", "ended"],
  active: ["paused", "ended"],
  paused: ["active", "ended"],
  ended: [],
};

export function allowedNextPhases(from: GroupPhase): readonly GroupPhase[] {
  return PHASE_TRANSITIONS[from];
}

/**
 * forming → active → paused ⇄ active → ended. A group starts working only once it has a goal (seed 004:
 * every meeting opens by revisiting the goals), and an ended group stays ended.
 */
export function assertPhaseTransition(from: GroupPhase, to: GroupPhase, goalsInUse: number): void {
  if (!PHASE_TRANSITIONS[from].includes(to)) {
    throw new AppError("phase_transition_invalid", `A group cannot move from ${from} to ${to}`);
  }
  if (to === "active" && goalsInUse < GOALS.min) {
    throw new AppError("goals_required", `Write at least ${GOALS.min} shared goal before the group becomes active`);
  }
}

export function assertGroupNotEnded(phase: GroupPhase): void {
  if (phase === "ended") throw new AppError("group_ended", "This group has ended; its content is read-only");
}

/** A group always keeps at least one facilitator: the last one cannot leave, be removed or step down. */
export function assertKeepsFacilitator(facilitatorCount: number, removingRole: MemberRole, newRole: MemberRole | null): void {
  if (removingRole === "facilitator" && newRole !== "facilitator" && facilitatorCount <= 1) {
    throw new AppError("last_facilitator", "The group needs a facilitator; hand the role to another member first");
  }
}

/**
 * Who appoints a facilitator: `group` when a facilitator of the group shares or hands over the role,
 * `coordinator` when a programme's coordinator appoints someone to one of its groups.
 */
export type FacilitatorAppointer = "group" | "coordinator";

export interface FacilitatorCandidate {
  /** Already a member of the group (a coordinator may also appoint someone from outside it). */
  isMember: boolean;
  agreementAccepted: boolean;
}

/**
 * Who may facilitate a group. Within the group the role rotates among its members, and only to one who
 * has accepted the group agreement: someone who has not yet committed to it should not run the group.
 *
 * A coordinator may appoint any account, also one that has not accepted the agreement (usually one
 * that is not in the group yet). Accepting is a personal commitment nobody can make on another's
 * behalf, and coordinators appoint facilitators before a group first meets — requiring acceptance
 * first would leave them no way to appoint at all. The appointee therefore holds the role at once but
 * sees none of the group's content until they accept themselves (the policy layer keeps content behind
 * the agreement for facilitators too).
 */
export function assertMayBecomeFacilitator(candidate: FacilitatorCandidate, appointedBy: FacilitatorAppointer): void {
  if (appointedBy === "coordinator") return;
  if (!candidate.isMember) throw new AppError("not_found", "Only a member of the group can facilitate it");
  if (!candidate.agreementAccepted) {
    throw new AppError("agreement_required", "A facilitator must have accepted the group agreement");
  }
}

export function assertHasRoom(memberCount: number, capacity: number): void {
  if (memberCount >= capacity) throw new AppError("group_full", `The group is full (${capacity} members)`);
}

export interface InvitationState {
  expiresAt: Date;
  revokedAt: Date | null;
  singleUse: boolean;
  uses: number;
  email: string | null;
}

/** Whether an invitation link can still be used, and by this person. */
export function assertInvitationUsable(invitation: InvitationState, now: Date, accepterEmail: string): void {
  if (invitation.revokedAt) throw new AppError("invitation_invalid", "This invitation has been withdrawn");
  if (invitation.expiresAt.getTime() <= now.getTime()) throw new AppError("invitation_invalid", "This invitation has expired");
  if (invitation.singleUse && invitation.uses >= 1) throw new AppError("invitation_invalid", "This invitation has already been used");
  if (invitation.email && invitation.email !== accepterEmail.toLowerCase()) {
    throw new AppError("invitation_email_mismatch", "This invitation is for another email address");
  }
}
