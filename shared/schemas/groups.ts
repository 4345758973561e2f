import { z } from "zod";
import { CHECK_IN_COMMENT_MAX, GOAL_PROGRESS, GOALS, GROUP, INVITATION, PROGRAMME } from "../limits";

export const GROUP_KINDS = ["peer_mentoring", "supervision_circle", "virtual_coaching"] as const;
export const GroupKind = z.enum(GROUP_KINDS).meta({ id: "GroupKind", description: "Peer mentoring group, supervision circle or virtual coaching group" });
export type GroupKind = z.infer<typeof GroupKind>;

export const GROUP_PHASES = ["forming", "active", "paused", "ended"] as const;
export const GroupPhase = z.enum(GROUP_PHASES).meta({ id: "GroupPhase" });
export type GroupPhase = z.infer<typeof GroupPhase>;

export const PROCESS_TEMPLATES = ["verme_year", "peer_instructor_training", "workshop_coaching"] as const;
export const ProcessTemplate = z.enum(PROCESS_TEMPLATES).meta({
  id: "ProcessTemplate",
  description: "Verme year; peer-instructor training with supervisions; workshop coaching period",
});
export type ProcessTemplate = z.infer<typeof ProcessTemplate>;

export const MEMBER_ROLES = ["facilitator", "member"] as const;
export const MemberRole = z.enum(MEMBER_ROLES).meta({ id: "MemberRole" });
export type MemberRole = z.infer<typeof MemberRole>;

export const GOAL_STATUSES = ["open", "achieved", "dropped"] as const;
export const GoalStatus = z.enum(GOAL_STATUSES).meta({ id: "GoalStatus" });
export type GoalStatus = z.infer<typeof GoalStatus>;

/**
 * A calendar date without time, `YYYY-MM-DD`, in the years a plan can reasonably name (PostgreSQL also
 * refuses year 0, which would otherwise surface as a server error).
 */
export const CalendarDate = z.iso.date().refine((date) => date >= "1900-01-01" && date <= "2999-12-31", "Give a date between 1900 and 2999");

const Name = z.string().trim().min(1).max(GROUP.nameMax);
const Description = z.string().trim().max(GROUP.descriptionMax);

// ── Groups ───────────────────────────────────────────────────────────────────

export const GroupSummary = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid().nullable(),
    name: z.string(),
    description: z.string(),
    kind: GroupKind,
    phase: GroupPhase,
    resumeOn: CalendarDate.nullable(),
    capacity: z.number().int(),
    memberCount: z.number().int(),
  })
  .meta({ id: "GroupSummary", description: "What may be seen of a group without its content" });
export type GroupSummary = z.infer<typeof GroupSummary>;

export const Member = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    role: MemberRole,
    peerInstructor: z.boolean(),
    agreementAccepted: z.boolean(),
    /** A facilitator gave this member read access to the notebook only. */
    notesReadOnly: z.boolean(),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const OnboardingStep = z.enum(["agreement", "goals_read", "introduced"]).meta({ id: "OnboardingStep" });
export type OnboardingStep = z.infer<typeof OnboardingStep>;

export const Membership = z
  .object({
    groupId: z.uuid(),
    userId: z.uuid(),
    role: MemberRole,
    peerInstructor: z.boolean(),
    agreementAcceptedAt: z.iso.datetime().nullable(),
    onboardingDone: z.array(OnboardingStep),
    /** Read access to the notebook only, given by a facilitator; facilitators always edit. */
    notesReadOnly: z.boolean(),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Membership" });
export type Membership = z.infer<typeof Membership>;

export const CheckIn = z
  .object({
    id: z.uuid(),
    goalId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    progress: z.number().int().min(GOAL_PROGRESS.min).max(GOAL_PROGRESS.max),
    comment: z.string(),
    meetingId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CheckIn" });
export type CheckIn = z.infer<typeof CheckIn>;

export const Goal = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    title: z.string(),
    description: z.string(),
    successCriteria: z.string(),
    targetDate: CalendarDate.nullable(),
    status: GoalStatus,
    position: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Most recent first; at most CHECK_INS_IN_BOARD of them. */
    checkIns: z.array(CheckIn),
    checkInCount: z.number().int(),
  })
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

export const GroupDetail = GroupSummary.extend({
  agreement: z.string(),
  /** The group's chat. */
  conversationId: z.uuid(),
  members: z.array(Member),
  myMembership: Membership,
  /** Null until I have accepted the group agreement: content stays hidden until then. */
  goals: z.array(Goal).nullable(),
}).meta({ id: "GroupDetail" });
export type GroupDetail = z.infer<typeof GroupDetail>;

export const CreateGroupInput = z
  .object({ name: Name, description: Description.optional(), kind: GroupKind })
  .meta({ id: "CreateGroupInput" });
export type CreateGroupInput = z.infer<typeof CreateGroupInput>;

export const CreateProgrammeGroupInput = CreateGroupInput.extend({
  capacity: z.number().int().min(2).max(GROUP.maxCapacity).optional(),
}).meta({ id: "CreateProgrammeGroupInput" });
export type CreateProgrammeGroupInput = z.infer<typeof CreateProgrammeGroupInput>;

export const UpdateGroupInput = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    agreement: z.string().trim().min(1).max(GROUP.agreementMax).optional(),
    capacity: z.number().int().min(2).max(GROUP.maxCapacity).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Nothing to change" })
  .meta({ id: "UpdateGroupInput" });
export type UpdateGroupInput = z.infer<typeof UpdateGroupInput>;

export const ChangePhaseInput = z
  .object({ phase: GroupPhase, resumeOn: CalendarDate.optional() })
  .meta({ id: "ChangePhaseInput", description: "resumeOn is for a pause, e.g. the end of the summer break" });
export type ChangePhaseInput = z.infer<typeof ChangePhaseInput>;

export const UpdateMemberInput = z
  .object({
    role: MemberRole.optional(),
    peerInstructor: z.boolean().optional(),
    /** Read the notebook only (a member or guest, not a facilitator), or edit it again. */
    notesReadOnly: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.peerInstructor !== undefined || input.notesReadOnly !== undefined, {
    message: "Give role, peerInstructor or notesReadOnly",
  })
  .meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const CompleteOnboardingInput = z.object({ step: z.enum(["goals_read", "introduced"]) }).meta({ id: "CompleteOnboardingInput" });

export const GroupParams = z.object({ groupId: z.uuid() });
export const MemberParams = z.object({ groupId: z.uuid(), userId: z.uuid() });

export const GroupResponse = z.object({ group: GroupDetail }).meta({ id: "GroupResponse" });
/** One of my groups as my home page lists it: the summary plus my role and the programme it belongs to. */
export const MyGroup = GroupSummary.extend({
  myRole: MemberRole,
  programmeName: z.string().nullable(),
}).meta({ id: "MyGroup" });
export type MyGroup = z.infer<typeof MyGroup>;

export const GroupList = z.object({ groups: z.array(MyGroup) }).meta({ id: "GroupList" });
export const MembershipResponse = z.object({ membership: Membership }).meta({ id: "MembershipResponse" });

// ── Goals ────────────────────────────────────────────────────────────────────

const GoalTitle = z.string().trim().min(1).max(GOALS.titleMax);
const GoalText = z.string().trim().max(GOALS.textMax);

export const CreateGoalInput = z
  .object({
    title: GoalTitle,
    description: GoalText.optional(),
    successCriteria: GoalText.optional(),
    targetDate: CalendarDate.nullable().optional(),
  })
  .meta({ id: "CreateGoalInput" });
export type CreateGoalInput = z.infer<typeof CreateGoalInput>;

export const UpdateGoalInput = z
  .object({
    title: GoalTitle.optional(),
    description: GoalText.optional(),
    successCriteria: GoalText.optional(),
    targetDate: CalendarDate.nullable().optional(),
    status: GoalStatus.optional(),
    position: z.number().int().min(0).max(GOALS.max - 1).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Nothing to change" })
  .meta({ id: "UpdateGoalInput" });
export type UpdateGoalInput = z.infer<typeof UpdateGoalInput>;

export const CheckInInput = z
  .object({
    progress: z.number().int().min(GOAL_PROGRESS.min).max(GOAL_PROGRESS.max),
    comment: z.string().trim().max(CHECK_IN_COMMENT_MAX).optional(),
    /** The meeting whose goal review this check-in belongs to (a meeting of the same group). */
    meetingId: z.uuid().optional(),
  })
  .meta({ id: "CheckInInput" });
export type CheckInInput = z.infer<typeof CheckInInput>;

export const GoalParams = z.object({ groupId: z.uuid(), goalId: z.uuid() });
export const GoalResponse = z.object({ goal: Goal }).meta({ id: "GoalResponse" });
export const GoalList = z.object({ goals: z.array(Goal) }).meta({ id: "GoalList" });
export const CheckInResponse = z.object({ checkIn: CheckIn }).meta({ id: "CheckInResponse" });
export const CheckInList = z.object({ checkIns: z.array(CheckIn) }).meta({ id: "CheckInList" });

// ── Invitations ──────────────────────────────────────────────────────────────

export const CreateInvitationInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    expiresInDays: z.number().int().min(1).max(INVITATION.maxDays).optional(),
    singleUse: z.boolean().optional(),
    role: MemberRole.optional(),
  })
  .meta({ id: "CreateInvitationInput" });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const Invitation = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    email: z.string().nullable(),
    role: MemberRole,
    singleUse: z.boolean(),
    uses: z.number().int(),
    expiresAt: z.iso.datetime(),
    revoked: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

export const CreatedInvitation = Invitation.extend({
  /** Shown once: only its hash is stored. */
  token: z.string(),
  url: z.string(),
}).meta({ id: "CreatedInvitation" });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationParams = z.object({ groupId: z.uuid(), invitationId: z.uuid() });
export const InvitationTokenParams = z.object({ token: z.string().min(10).max(100) });
export const CreatedInvitationResponse = z.object({ invitation: CreatedInvitation }).meta({ id: "CreatedInvitationResponse" });
export const InvitationList = z.object({ invitations: z.array(Invitation) }).meta({ id: "InvitationList" });

export const InvitationPreview = z
  .object({
    groupName: z.string(),
    kind: GroupKind,
    agreement: z.string(),
    role: MemberRole,
    invitedBy: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "InvitationPreview", description: "What the invited person sees before joining" });
export const InvitationPreviewResponse = z.object({ invitation: InvitationPreview }).meta({ id: "InvitationPreviewResponse" });

export const AcceptInvitationInput = z
  .object({ acceptAgreement: z.boolean().optional() })
  .meta({ id: "AcceptInvitationInput", description: "acceptAgreement: true joins and accepts the group agreement at once" });

// ── Programmes ───────────────────────────────────────────────────────────────

export const Programme = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    template: ProcessTemplate,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Programme" });
export type Programme = z.infer<typeof Programme>;

export const CreateProgrammeInput = z
  .object({
    name: z.string().trim().min(1).max(PROGRAMME.nameMax),
    description: z.string().trim().max(PROGRAMME.descriptionMax).optional(),
    template: ProcessTemplate,
  })
  .meta({ id: "CreateProgrammeInput" });
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeInput>;

export const ProgrammeParams = z.object({ programmeId: z.uuid() });
export const ProgrammeResponse = z.object({ programme: Programme }).meta({ id: "ProgrammeResponse" });
export const ProgrammeDetailResponse = z
  .object({ programme: Programme, groups: z.array(GroupSummary) })
  .meta({ id: "ProgrammeDetailResponse", description: "A programme with its groups' names, sizes and phases — never their content" });
/** A group a coordinator created in a programme: its summary only. */
export const GroupSummaryResponse = z.object({ group: GroupSummary }).meta({ id: "GroupSummaryResponse" });
export const ProgrammeList = z.object({ programmes: z.array(Programme) }).meta({ id: "ProgrammeList" });

export const AppointFacilitatorInput = z
  .object({ email: z.string().trim().toLowerCase().pipe(z.email()) })
  .meta({ id: "AppointFacilitatorInput" });
export const ProgrammeGroupParams = z.object({ programmeId: z.uuid(), groupId: z.uuid() });
