import { and, eq, ne } from "drizzle-orm";
import type { CopyTemplateInput, CreateRoundInput, SaveResponseInput, TemplateContent } from "../../shared/schemas/assessments";
import type { GroupPhase } from "../../shared/schemas/groups";
import type { z } from "zod";
import type { UpdateTemplateInput } from "../../shared/schemas/assessments";
import type { Db } from "../db/database";
import { assessmentAnswers, assessmentResponses, assessmentRounds, assessmentTemplates, assessmentTemplateVersions, groups, memberships, programmes } from "../db/schema";
import { AppError } from "../domain/appError";
import { assertComparableTemplate, assertRoundAcceptsAnswers, assertValidResponse, helsinkiToday, keptReflections, roundStatus } from "../domain/assessments";
import { assertGroupNotEnded } from "../domain/groups";
import type { RoundRow, TemplateRow } from "../policies/assessments";
import { lockGroup } from "./groups";

/** A copy of a template, kept by a programme or a standalone group, starting at version 1 with the source's current text. */
export async function copyTemplate(db: Db, actorId: string, source: TemplateRow, input: CopyTemplateInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [sourceVersion] = await tx
      .select({ content: assessmentTemplateVersions.content })
      .from(assessmentTemplateVersions)
      .where(and(eq(assessmentTemplateVersions.templateId, source.id), eq(assessmentTemplateVersions.version, source.currentVersion)));
    if (!sourceVersion) throw new AppError("not_found", "No such template");
    const [template] = await tx
      .insert(assessmentTemplates)
      .values({ programmeId: input.programmeId ?? null, groupId: input.groupId ?? null, currentVersion: 1, createdBy: actorId })
      .returning({ id: assessmentTemplates.id });
    await tx.insert(assessmentTemplateVersions).values({ templateId: template!.id, version: 1, name: input.name, content: sourceVersion.content, createdBy: actorId });
    return template!.id;
  });
}

/**
 * Saves an edit as the template's next version. Rounds keep pointing at the version they were opened
 * with, so nobody's answers ever end up under statements they did not see.
 */
export async function updateTemplate(db: Db, actorId: string, templateId: string, input: z.infer<typeof UpdateTemplateInput>): Promise<void> {
  await db.transaction(async (tx) => {
    // The row lock orders concurrent edits, so two of them cannot both claim the same version number.
    const [template] = await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, templateId)).for("update");
    if (!template) throw new AppError("not_found", "No such template");
    const [current] = await tx
      .select()
      .from(assessmentTemplateVersions)
      .where(and(eq(assessmentTemplateVersions.templateId, templateId), eq(assessmentTemplateVersions.version, template.currentVersion)));
    if (!current) throw new AppError("not_found", "No such template");
    const version = template.currentVersion + 1;
    await tx.insert(assessmentTemplateVersions).values({
      templateId,
      version,
      name: input.name ?? current.name,
      content: input.content ?? current.content,
      createdBy: actorId,
    });
    await tx.update(assessmentTemplates).set({ currentVersion: version }).where(eq(assessmentTemplates.id, templateId));
  });
}

/** Opens a round on the template's current version, which the round keeps from then on. */
export async function createRound(db: Db, actorId: string, groupId: string, template: TemplateRow, input: CreateRoundInput): Promise<string> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    assertGroupNotEnded(group.phase as GroupPhase);
    const growthTemplates = await tx
      .selectDistinct({ templateId: assessmentRounds.templateId })
      .from(assessmentRounds)
      .where(and(eq(assessmentRounds.groupId, groupId), ne(assessmentRounds.kind, "feedback")));
    assertComparableTemplate(input.kind, template.id, growthTemplates.map((row) => row.templateId));
    const [version] = await tx
      .select({ id: assessmentTemplateVersions.id })
      .from(assessmentTemplateVersions)
      .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentTemplateVersions.templateId))
      .where(and(eq(assessmentTemplates.id, template.id), eq(assessmentTemplateVersions.version, assessmentTemplates.currentVersion)));
    if (!version) throw new AppError("not_found", "No such template");
    const [round] = await tx
      .insert(assessmentRounds)
      .values({ groupId, kind: input.kind, templateId: template.id, templateVersionId: version.id, opensOn: input.opensOn, closesOn: input.closesOn, createdBy: actorId })
      .returning({ id: assessmentRounds.id });
    return round!.id;
  });
}

/**
 * Saves my answers to a round: a draft may be partial, a submission answers every statement. Answers
 * can change until the round closes. Only ever writes the acting user's own response.
 * Resolves whether the round's submission count changed, so open pages are told.
 */
export async function saveMyResponse(
  db: Db,
  userId: string,
  round: RoundRow,
  content: TemplateContent,
  input: SaveResponseInput,
  now = new Date(),
): Promise<{ countChanged: boolean }> {
  assertRoundAcceptsAnswers(roundStatus(round.opensOn, round.closesOn, helsinkiToday(now)), round.opensOn);
  assertValidResponse(content, input);
  const status = input.submit ? "submitted" : "draft";
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ status: assessmentResponses.status })
      .from(assessmentResponses)
      .where(and(eq(assessmentResponses.roundId, round.id), eq(assessmentResponses.userId, userId)))
      .for("update");
    const [response] = await tx
      .insert(assessmentResponses)
      .values({ roundId: round.id, userId, status, reflections: keptReflections(input.reflections), submittedAt: input.submit ? now : null, updatedAt: now })
      .onConflictDoUpdate({
        target: [assessmentResponses.roundId, assessmentResponses.userId],
        set: { status, reflections: keptReflections(input.reflections), submittedAt: input.submit ? now : null, updatedAt: now },
      })
      .returning({ id: assessmentResponses.id });
    await tx.delete(assessmentAnswers).where(eq(assessmentAnswers.responseId, response!.id));
    const answers = Object.entries(input.answers).map(([statementId, value]) => ({ responseId: response!.id, statementId, value }));
    if (answers.length > 0) await tx.insert(assessmentAnswers).values(answers);
    const wasSubmitted = previous?.status === "submitted";
    return { countChanged: wasSubmitted !== input.submit };
  });
}

/** A member's own choice to show their submitted answers to their group; they can take it back. */
export async function setGrowthSharing(db: Db, groupId: string, userId: string, shared: boolean): Promise<void> {
  await db
    .update(memberships)
    .set({ growthShared: shared })
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
}

/**
 * A programme's own anonymity threshold for its groups' aggregates (null: the shared minimum; the
 * input schema refuses anything lower). Resolves the programme's group ids, whose open pages must
 * fetch their aggregates again.
 */
export async function setAssessmentThreshold(db: Db, programmeId: string, minRespondents: number | null): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.update(programmes).set({ assessmentMinRespondents: minRespondents }).where(eq(programmes.id, programmeId));
    const rows = await tx.select({ id: groups.id }).from(groups).where(eq(groups.programmeId, programmeId));
    return rows.map((row) => row.id);
  });
}
