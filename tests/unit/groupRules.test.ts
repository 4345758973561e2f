import { describe, expect, it } from "vitest";
import {
  allowedNextPhases,
  assertCanAddGoal,
  assertCanChangeGoalStatus,
  assertHasRoom,
  assertInvitationUsable,
  assertGroupNotEnded,
  assertKeepsFacilitator,
  assertMayBecomeFacilitator,
  assertPhaseTransition,
} from "../../server/domain/groups";
import { AppError } from "../../server/domain/appError";
import { GOALS } from "../../shared/limits";

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("goal limit", () => {
  it("allows adding goals up to three and refuses the fourth", () => {
    for (let inUse = 0; inUse < GOALS.max; inUse++) expect(codeOf(() => assertCanAddGoal(inUse))).toBeUndefined();
    expect(codeOf(() => assertCanAddGoal(3))).toBe("goal_limit");
  });

  it("treats reopening a dropped goal like adding one", () => {
    expect(codeOf(() => assertCanChangeGoalStatus("dropped", "open", 3))).toBe("goal_limit");
    expect(codeOf(() => assertCanChangeGoalStatus("dropped", "open", 2))).toBeUndefined();
    expect(codeOf(() => assertCanChangeGoalStatus("open", "achieved", 3))).toBeUndefined();
    expect(codeOf(() => assertCanChangeGoalStatus("open", "dropped", 3))).toBeUndefined();
  });
});

describe("group phases", () => {
  it("follows forming → active → paused ⇄ active → ended", () => {
    expect(allowedNextPhases("forming")).toEqual(["active", "ended"]);
    expect(codeOf(() => assertPhaseTransition("active", "paused", 1))).toBeUndefined();
    expect(codeOf(() => assertPhaseTransition("paused", "active", 1))).toBeUndefined();
    expect(codeOf(() => assertPhaseTransition("forming", "paused", 1))).toBe("phase_transition_invalid");
    expect(codeOf(() => assertPhaseTransition("ended", "active", 1))).toBe("phase_transition_invalid");
  });

  it("refuses to start working without a goal", () => {
    expect(codeOf(() => assertPhaseTransition("forming", "active", 0))).toBe("goals_required");
    expect(codeOf(() => assertPhaseTransition("forming", "active", 1))).toBeUndefined();
  });
});

describe("who may facilitate", () => {
  it("keeps at least one facilitator", () => {
    expect(codeOf(() => assertKeepsFacilitator(1, "facilitator", null))).toBe("last_facilitator");
    expect(codeOf(() => assertKeepsFacilitator(1, "facilitator", "member"))).toBe("last_facilitator");
    expect(codeOf(() => assertKeepsFacilitator(2, "facilitator", "member"))).toBeUndefined();
    expect(codeOf(() => assertKeepsFacilitator(1, "member", null))).toBeUndefined();
  });

  it("passes the role within the group only to a member who has accepted the agreement", () => {
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: true, agreementAccepted: true }, "group"))).toBeUndefined();
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: true, agreementAccepted: false }, "group"))).toBe("agreement_required");
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: false, agreementAccepted: false }, "group"))).toBe("not_found");
  });

  it("lets a coordinator appoint anyone, who then accepts the agreement themselves", () => {
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: false, agreementAccepted: false }, "coordinator"))).toBeUndefined();
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: true, agreementAccepted: false }, "coordinator"))).toBeUndefined();
    expect(codeOf(() => assertMayBecomeFacilitator({ isMember: true, agreementAccepted: true }, "coordinator"))).toBeUndefined();
  });
});

describe("invitations and capacity", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  const fresh = { expiresAt: new Date("2026-11-28T12:00:00Z"), revokedAt: null, singleUse: true, uses: 0, email: null };

  it("accepts a fresh link and refuses expired, revoked or spent ones", () => {
    expect(codeOf(() => assertInvitationUsable(fresh, now, "a@b.fi"))).toBeUndefined();
    expect(codeOf(() => assertInvitationUsable({ ...fresh, expiresAt: now }, now, "a@b.fi"))).toBe("invitation_invalid");
    expect(codeOf(() => assertInvitationUsable({ ...fresh, revokedAt: now }, now, "a@b.fi"))).toBe("invitation_invalid");
    expect(codeOf(() => assertInvitationUsable({ ...fresh, uses: 1 }, now, "a@b.fi"))).toBe("invitation_invalid");
    expect(codeOf(() => assertInvitationUsable({ ...fresh, singleUse: false, uses: 7 }, now, "a@b.fi"))).toBeUndefined();
  });

  it("binds an emailed invitation to its address, case-insensitively", () => {
    const personal = { ...fresh, email: "aino@example.fi" };
    expect(codeOf(() => assertInvitationUsable(personal, now, "Aino@Example.fi"))).toBeUndefined();
    expect(codeOf(() => assertInvitationUsable(personal, now, "mikko@example.fi"))).toBe("invitation_email_mismatch");
  });

  it("refuses to join a full group", () => {
    expect(codeOf(() => assertHasRoom(9, 10))).toBeUndefined();
    expect(codeOf(() => assertHasRoom(10, 10))).toBe("group_full");
  });

  it("takes no one new into an ended group", () => {
    expect(codeOf(() => assertGroupNotEnded("ended"))).toBe("group_ended");
    for (const phase of ["forming", "active", "paused"] as const) expect(codeOf(() => assertGroupNotEnded(phase))).toBeUndefined();
  });
});
