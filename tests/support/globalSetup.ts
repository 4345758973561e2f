import pg from "pg";
import { ensurePostgresTemplate, pgliteTemplatePath, TEST_DATABASE_PREFIX } from "./databases";

/** Prepares migrated templates once, so each test file only copies one. */
export async function setup(): Promise<void> {
  await pgliteTemplatePath();
  if (process.env["TEST_DATABASE_URL"]) await ensurePostgresTemplate();
}

/** Drops databases that test files left behind (a crashed file cannot drop its own). */
export async function teardown(): Promise<void> {
  if (!process.env["TEST_DATABASE_URL"]) return;
  const admin = new pg.Client({ connectionString: process.env["TEST_DATABASE_URL"] });
  await admin.connect();
  try {
    const leftovers = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}
