import type { TFunction } from "i18next";
import type { GoalStatus, GroupKind, GroupPhase, MemberRole, ProcessTemplate } from "../../../shared/schemas/groups";

/**
 * Where the domain's words live in the locale files, one key per enum value. The UI builds its keys
 * only through these, and the translations test walks every value of each enum through them, so a
 * value added to a `shared/` enum without its text in fi, sv and en fails a test instead of showing a
 * raw key.
 */
export const labelKeys = {
  kind: (kind: GroupKind) => `groups.kinds.${kind}`,
  kindDescription: (kind: GroupKind) => `groups.kindDescriptions.${kind}`,
  phase: (phase: GroupPhase) => `groups.phases.${phase}`,
  phaseDescription: (phase: GroupPhase) => `phase.descriptions.${phase}`,
  role: (role: MemberRole) => `groups.roles.${role}`,
  template: (template: ProcessTemplate) => `programmes.templates.${template}`,
  templateDescription: (template: ProcessTemplate) => `programmes.templateDescriptions.${template}`,
  goalStatus: (status: GoalStatus) => `goals.statuses.${status}`,
  goalStatusDescription: (status: GoalStatus) => `goals.statusDescriptions.${status}`,
  /** A point of the 1–5 check-in scale (`GOAL_PROGRESS`). */
  progressLevel: (level: number) => `goals.checkIn.levels.${level}`,
} as const;

export const kindLabel = (t: TFunction, kind: GroupKind) => t(labelKeys.kind(kind));
export const kindDescription = (t: TFunction, kind: GroupKind) => t(labelKeys.kindDescription(kind));
export const phaseLabel = (t: TFunction, phase: GroupPhase) => t(labelKeys.phase(phase));
export const phaseDescription = (t: TFunction, phase: GroupPhase) => t(labelKeys.phaseDescription(phase));
export const roleLabel = (t: TFunction, role: MemberRole) => t(labelKeys.role(role));
export const templateLabel = (t: TFunction, template: ProcessTemplate) => t(labelKeys.template(template));
export const templateDescription = (t: TFunction, template: ProcessTemplate) => t(labelKeys.templateDescription(template));
export const goalStatusLabel = (t: TFunction, status: GoalStatus) => t(labelKeys.goalStatus(status));
export const goalStatusDescription = (t: TFunction, status: GoalStatus) => t(labelKeys.goalStatusDescription(status));
export const progressLevelLabel = (t: TFunction, level: number) => t(labelKeys.progressLevel(level));
