import { and, eq, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/database";
import { assessmentRounds, assessmentTemplates, groups, memberships, programmeCoordinators } from "../db/schema";
import { AppError } from "../domain/appError";
import { authorizeGroup, authorizeProgramme, type GroupAccess, type GroupRow } from "./groups";

/**
 * Who may do what with self-assessments. The rule behind all of it: an individual's answers are read
 * only by their author. No function here hands out anyone else's answers; other people reach them only
 * through anonymous aggregates (gated by the respondent threshold) or through a member's own choice to
 * share. Outsiders get 404 everywhere, as for groups.
 */

export type RoundRow = typeof assessmentRounds.$inferSelect;
export type TemplateRow = typeof assessmentTemplates.$inferSelect;

const ROUND_NOT_FOUND = "No such round, or you are not a member of its group";
const TEMPLATE_NOT_FOUND = "No such template, or it is not available to you";

/**
 * Templates a user may see and use: the built-ins, copies of the programmes they coordinate or whose
 * groups they belong to, and copies of their standalone groups.
 */
export function templatesVisibleTo(userId: string): SQL {
  return or(
    isNotNull(assessmentTemplates.builtIn),
    sql`${assessmentTemplates.programmeId} in (select ${programmeCoordinators.programmeId} from ${programmeCoordinators} where ${programmeCoordinators.userId} = ${userId})`,
    sql`${assessmentTemplates.programmeId} in (select ${groups.programmeId} from ${groups} join ${memberships} on ${memberships.groupId} = ${groups.id} where ${memberships.userId} = ${userId})`,
    sql`${assessmentTemplates.groupId} in (select ${memberships.groupId} from ${memberships} where ${memberships.userId} = ${userId})`,
  )!;
}

async function findVisibleTemplate(db: Db, userId: string, templateId: string): Promise<TemplateRow> {
  const [template] = await db
    .select()
    .from(assessmentTemplates)
    .where(and(eq(assessmentTemplates.id, templateId), templatesVisibleTo(userId)))
    .limit(1);
  if (!template) throw new AppError("not_found", TEMPLATE_NOT_FOUND);
  return template;
}

/** A template to copy from: any template the user can see. */
export function authorizeTemplateRead(db: Db, userId: string, templateId: string): Promise<TemplateRow> {
  return findVisibleTemplate(db, userId, templateId);
}

/** Someone who can see a template but not edit it learns only that they may not. */
function forbiddenIfRefused(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError) throw new AppError("forbidden", message);
    throw error;
  };
}

/**
 * Editing a copy: its programme's coordinators, or its standalone group's facilitators. Built-ins are
 * read-only for everyone (403), as is a copy one can see but does not own.
 */
export async function authorizeTemplateEdit(db: Db, userId: string, templateId: string): Promise<TemplateRow> {
  const template = await findVisibleTemplate(db, userId, templateId);
  if (template.builtIn !== null) throw new AppError("forbidden", "Built-in templates cannot be edited; copy one and edit the copy");
  if (template.programmeId !== null) {
    await authorizeProgramme(db, userId, template.programmeId).catch(forbiddenIfRefused("Only the programme's coordinators edit its templates"));
    return template;
  }
  if (template.groupId !== null) {
    await authorizeGroup(db, userId, template.groupId, "manage").catch(forbiddenIfRefused("Only the group's facilitators edit its templates"));
    return template;
  }
  throw new AppError("forbidden", "This template has no owner who could edit it");
}

/** Where a copy may be kept: a programme I coordinate, or a standalone group I facilitate. */
export async function authorizeTemplateOwner(db: Db, userId: string, owner: { programmeId?: string; groupId?: string }): Promise<void> {
  if (owner.programmeId !== undefined) {
    await authorizeProgramme(db, userId, owner.programmeId);
    return;
  }
  if (owner.groupId !== undefined) {
    const { group } = await authorizeGroup(db, userId, owner.groupId, "manage");
    if (group.programmeId !== null) {
      throw new AppError("forbidden", "A programme's groups use the templates their coordinators prepare");
    }
    return;
  }
  throw new AppError("validation_failed", "Give a programmeId or a groupId");
}

/** A round may use a built-in, the group's own copy, or a copy of the group's programme. */
export async function authorizeTemplateForGroup(db: Db, group: GroupRow, templateId: string): Promise<TemplateRow> {
  const [template] = await db
    .select()
    .from(assessmentTemplates)
    .where(
      and(
        eq(assessmentTemplates.id, templateId),
        or(
          isNotNull(assessmentTemplates.builtIn),
          eq(assessmentTemplates.groupId, group.id),
          group.programmeId === null ? sql`false` : eq(assessmentTemplates.programmeId, group.programmeId),
        ),
      ),
    )
    .limit(1);
  if (!template) throw new AppError("not_found", "No such template for this group");
  return template;
}

/**
 * Reading a round (its questions and my own answer) and answering it: members of its group who accepted
 * the agreement. Coordinators are not members and never see rounds.
 */
export async function authorizeRound(db: Db, userId: string, roundId: string): Promise<GroupAccess & { round: RoundRow }> {
  const [round] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.id, roundId)).limit(1);
  if (!round) throw new AppError("not_found", ROUND_NOT_FOUND);
  const access = await authorizeGroup(db, userId, round.groupId, "viewContent").catch((error: unknown) => {
    // A round id must reveal no more than a group id does.
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", ROUND_NOT_FOUND);
    throw error;
  });
  return { ...access, round };
}

/**
 * A group's anonymous aggregates: its members who accepted the agreement, and the coordinators of the
 * group's programme. Anyone else gets 404.
 */
export async function authorizeGroupAggregates(db: Db, userId: string, groupId: string): Promise<GroupRow> {
  try {
    return (await authorizeGroup(db, userId, groupId, "viewContent")).group;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "not_found") throw error;
  }
  const [row] = await db
    .select({ group: groups })
    .from(groups)
    .innerJoin(programmeCoordinators, and(eq(programmeCoordinators.programmeId, groups.programmeId), eq(programmeCoordinators.userId, userId)))
    .where(eq(groups.id, groupId))
    .limit(1);
  if (!row) throw new AppError("not_found", "No such group, or you are not a member");
  return row.group;
}
