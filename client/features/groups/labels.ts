import type { TFunction } from "i18next";
import type { GoalStatus, GroupKind, GroupPhase, MemberRole, ProcessTemplate } from "../../../shared/schemas/groups";

/*
 * The domain's words per language live under these keys; every value of each enum has a text in
 * fi, sv and en (checked by the translations test through `labelKeys`).
 */
export const kindLabel = (t: TFunction, kind: GroupKind) => t(`groups.kinds.${kind}`);
export const kindDescription = (t: TFunction, kind: GroupKind) => t(`groups.kindDescriptions.${kind}`);
export const phaseLabel = (t: TFunction, phase: GroupPhase) => t(`groups.phases.${phase}`);
export const roleLabel = (t: TFunction, role: MemberRole) => t(`groups.roles.${role}`);
export const templateLabel = (t: TFunction, template: ProcessTemplate) => t(`programmes.templates.${template}`);
export const templateDescription = (t: TFunction, template: ProcessTemplate) => t(`programmes.templateDescriptions.${template}`);
export const goalStatusLabel = (t: TFunction, status: GoalStatus) => t(`goals.statuses.${status}`);
