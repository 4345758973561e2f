import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "../../server/auth/passwords";
import type { Db } from "../../server/db/database";
import { users } from "../../server/db/schema";
import type { Locale } from "../../shared/locales";

/** The people of the demo programme: a 3AMK-style pilot of project managers with a coordinator and a facilitator. */
export const DEMO_PEOPLE = [
  { key: "coordinator", email: "kaisa.koordinaattori@demo.piiri.fi", displayName: "Kaisa Koordinaattori", locale: "fi", role: "coordinator" },
  { key: "facilitator", email: "olli.ohjaaja@demo.piiri.fi", displayName: "Olli Ohjaaja", locale: "fi", role: "facilitator" },
  { key: "aino", email: "aino.projektipaallikko@demo.piiri.fi", displayName: "Aino Aaltonen", locale: "fi", role: "member" },
  { key: "mikko", email: "mikko.projektipaallikko@demo.piiri.fi", displayName: "Mikko Mäkinen", locale: "fi", role: "member" },
  { key: "sanna", email: "sanna.projektledare@demo.piiri.fi", displayName: "Sanna Sjöberg", locale: "sv", role: "member" },
  { key: "james", email: "james.projectmanager@demo.piiri.fi", displayName: "James Miller", locale: "en", role: "member" },
  { key: "liisa", email: "liisa.projektipaallikko@demo.piiri.fi", displayName: "Liisa Laine", locale: "fi", role: "member" },
  { key: "pekka", email: "pekka.vertaisohjaaja@demo.piiri.fi", displayName: "Pekka Peltonen", locale: "fi", role: "member" },
  { key: "emilia", email: "emilia.vertaisohjaaja@demo.piiri.fi", displayName: "Emilia Eskola", locale: "fi", role: "member" },
  { key: "antti", email: "antti.valmentaja@demo.piiri.fi", displayName: "Antti Airaksinen", locale: "fi", role: "facilitator" },
] as const satisfies readonly { key: string; email: string; displayName: string; locale: Locale; role: string }[];

export type DemoPersonKey = (typeof DEMO_PEOPLE)[number]["key"];

/** Readable, high-entropy enough for a demo: three Finnish words and two digits. */
function demoPassword(): string {
  const words = ["kuusi", "kivi", "sauna", "revontuli", "mustikka", "lumi", "kallio", "saari", "tunturi", "koski", "karhu", "kaisla"];
  const pick = () => words[randomInt(words.length)]!;
  return `${pick()}-${pick()}-${pick()}-${randomInt(10, 100)}`;
}

export interface DemoAccount {
  key: DemoPersonKey;
  id: string;
  email: string;
  displayName: string;
  role: string;
  password: string;
}

/**
 * Creates the demo people, or gives existing ones a fresh password, so running the seed again is safe
 * and always prints passwords that work.
 */
export async function seedDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const person of DEMO_PEOPLE) {
    const password = demoPassword();
    const passwordHash = await hashPassword(password);
    const [row] = await db
      .insert(users)
      .values({ email: person.email, displayName: person.displayName, locale: person.locale, passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
      .returning({ id: users.id });
    const id = row?.id ?? (await db.select({ id: users.id }).from(users).where(eq(users.email, person.email)))[0]!.id;
    accounts.push({ key: person.key, id, email: person.email, displayName: person.displayName, role: person.role, password });
  }
  return accounts;
}
