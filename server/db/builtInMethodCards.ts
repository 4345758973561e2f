import { sql } from "drizzle-orm";
import { BUILT_IN_METHOD_CARDS } from "../domain/methodCards";
import type { Db } from "./database";
import { methodCards } from "./schema";

/**
 * Writes the built-in method cards in one statement: new keys are added and changed texts replace the
 * stored ones (agendas refer to cards by id, so they follow). Runs on every start; several nodes
 * starting at once simply write the same rows.
 */
export async function ensureBuiltInMethodCards(db: Db): Promise<void> {
  await db
    .insert(methodCards)
    .values(
      BUILT_IN_METHOD_CARDS.map((card) => ({
        key: card.key,
        phase: card.phase,
        title: card.title,
        purpose: card.purpose,
        whenToUse: card.whenToUse,
        groupSizeMin: card.groupSize.min,
        groupSizeMax: card.groupSize.max,
        durationMin: card.durationMinutes.min,
        durationMax: card.durationMinutes.max,
        virtualFriendly: card.virtualFriendly,
        steps: card.steps,
        virtualTips: card.virtualTips,
        materials: card.materials,
      })),
    )
    .onConflictDoUpdate({
      target: methodCards.key,
      set: {
        phase: sql`excluded.phase`,
        title: sql`excluded.title`,
        purpose: sql`excluded.purpose`,
        whenToUse: sql`excluded.when_to_use`,
        groupSizeMin: sql`excluded.group_size_min`,
        groupSizeMax: sql`excluded.group_size_max`,
        durationMin: sql`excluded.duration_min`,
        durationMax: sql`excluded.duration_max`,
        virtualFriendly: sql`excluded.virtual_friendly`,
        steps: sql`excluded.steps`,
        virtualTips: sql`excluded.virtual_tips`,
        materials: sql`excluded.materials`,
      },
    });
}
