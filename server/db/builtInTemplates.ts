import { eq, sql } from "drizzle-orm";
import { BUILT_IN_TEMPLATES } from "../domain/assessmentTemplates";
import type { Db } from "./database";
import { assessmentTemplates, assessmentTemplateVersions } from "./schema";

/**
 * Writes the built-in self-assessment templates, or a new version of one whose text changed in the
 * code. Runs on every start and does nothing when all are current; rounds opened earlier keep the
 * version they pinned. Several server nodes may start at once, so one of them writes at a time.
 */
export async function ensureBuiltInTemplates(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('piiri:built-in-templates'))`);
    for (const builtIn of BUILT_IN_TEMPLATES) {
      const name = JSON.stringify(builtIn.name);
      const content = JSON.stringify(builtIn.content);
      const [current] = await tx
        .select({
          id: assessmentTemplates.id,
          version: assessmentTemplates.currentVersion,
          // jsonb equality ignores key order and spacing, so only a real change makes a version.
          unchanged: sql<boolean>`(${assessmentTemplateVersions.name} = ${name}::jsonb and ${assessmentTemplateVersions.content} = ${content}::jsonb)`,
        })
        .from(assessmentTemplates)
        .innerJoin(
          assessmentTemplateVersions,
          sql`${assessmentTemplateVersions.templateId} = ${assessmentTemplates.id} and ${assessmentTemplateVersions.version} = ${assessmentTemplates.currentVersion}`,
        )
        .where(eq(assessmentTemplates.builtIn, builtIn.key))
        .limit(1);
      if (current?.unchanged) continue;
      if (!current) {
        const [template] = await tx.insert(assessmentTemplates).values({ builtIn: builtIn.key, currentVersion: 1 }).returning({ id: assessmentTemplates.id });
        await tx.insert(assessmentTemplateVersions).values({ templateId: template!.id, version: 1, name: builtIn.name, content: builtIn.content });
        continue;
      }
      const version = current.version + 1;
      await tx.insert(assessmentTemplateVersions).values({ templateId: current.id, version, name: builtIn.name, content: builtIn.content });
      await tx.update(assessmentTemplates).set({ currentVersion: version }).where(eq(assessmentTemplates.id, current.id));
    }
  });
}
