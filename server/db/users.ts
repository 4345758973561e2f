import { eq } from "drizzle-orm";
import type { User } from "../../shared/schemas/auth";
import { isLocale, DEFAULT_LOCALE } from "../../shared/locales";
import type { Db } from "./database";
import { users } from "./schema";

export type UserRow = typeof users.$inferSelect;

export function presentUser(row: UserRow): User {
  return { id: row.id, email: row.email, displayName: row.displayName, locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE };
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}
