import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { MIGRATIONS_FOLDER, openDatabase, type Database } from "../../server/db/database";

/** Which database the integration tests of this vitest project run on. */
export type TestBackend = "pglite" | "postgres";

export function testBackend(): TestBackend {
  return process.env["PIIRI_TEST_DB"] === "postgres" ? "postgres" : "pglite";
}

/** Changes whenever a migration changes, so cached templates never go stale. */
export function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(full));
  }
  return hash.digest("hex").slice(0, 12);
}

const CACHE_DIR = path.resolve("node_modules/.cache/piiri-tests");

/**
 * A fresh PGlite costs seconds to initialise; a migrated one is dumped once per migration set and every
 * test file loads its own copy into memory.
 */
export async function pgliteTemplatePath(): Promise<string> {
  const dumpPath = path.join(CACHE_DIR, `pglite-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(dumpPath)) return dumpPath;
  await mkdir(CACHE_DIR, { recursive: true });
  const client = new PGlite();
  const database = await openDatabase({ kind: "pglite-instance", client });
  const dump = await client.dumpDataDir("gzip");
  await database.close();
  const partial = `${dumpPath}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, dumpPath);
  return dumpPath;
}

function serverUrl(databaseName: string): string {
  const base = process.env["TEST_DATABASE_URL"];
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export function postgresTemplateName(): string {
  return `piiri_template_${migrationsFingerprint()}`;
}

/** Creates (once per migration set) a migrated template database on the PostgreSQL server. */
export async function ensurePostgresTemplate(): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: process.env["TEST_DATABASE_URL"] });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}"`);
      const database = await openDatabase({ kind: "postgres", url: serverUrl(name) });
      await database.close();
    }
  } finally {
    await admin.end();
  }
  return name;
}

export const TEST_DATABASE_PREFIX = "piiri_test_";

export interface TestDatabase {
  database: Database;
  /** A connection URL for child processes (PostgreSQL only). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A database of its own for one test file, already migrated, on the project's backend. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === "pglite") {
    const dump = await readFile(await pgliteTemplatePath());
    const client = new PGlite({ loadDataDir: new Blob([dump]) });
    const database = await openDatabase({ kind: "pglite-instance", client });
    return { database, url: undefined, drop: () => database.close() };
  }
  const template = await ensurePostgresTemplate();
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: process.env["TEST_DATABASE_URL"] });
  await admin.connect();
  try {
    // Copies from one template serialise on the server; a concurrent copy may briefly see it busy.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = serverUrl(name);
  const database = await openDatabase({ kind: "postgres", url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await dropPostgresDatabase(name);
    },
  };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env["TEST_DATABASE_URL"] });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
