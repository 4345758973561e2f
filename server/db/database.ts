import path from "node:path";
import { fileURLToPath } from "node:url";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import pg from "pg";
import type { Logger } from "pino";
import * as schema from "./schema";
import { acquireDataDirLock, type DataDirLock } from "./dataDirLock";
import { ensureBuiltInMethodCards } from "./builtInMethodCards";
import { ensureBuiltInTemplates } from "./builtInTemplates";

/** The reference data that ships in the code: self-assessment templates and facilitation method cards. */
async function ensureReferenceData(db: Db): Promise<void> {
  await ensureBuiltInTemplates(db);
  await ensureBuiltInMethodCards(db);
}

/** The drizzle handle every repository and command takes; the same on PGlite and a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DatabaseTarget =
  /** A PostgreSQL server. */
  | { kind: "postgres"; url: string }
  /** Embedded PostgreSQL kept in a folder; one process at a time. */
  | { kind: "pglite"; dataDir: string }
  /** An already-open PGlite (tests load a migrated snapshot into memory). */
  | { kind: "pglite-instance"; client: PGlite };

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, writes the built-in reference data (self-assessment
 * templates) and returns a handle ready for use.
 */
export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url, logger);
  if (target.kind === "pglite-instance") return wrapPglite(target.client, undefined);
  await mkdir(target.dataDir, { recursive: true });
  const lock = await acquireDataDirLock(target.dataDir);
  try {
    const client = new PGlite(path.join(target.dataDir, "pgdata"));
    await client.waitReady;
    return await wrapPglite(client, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function wrapPglite(client: PGlite, lock: DataDirLock | undefined): Promise<Database> {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  await ensureReferenceData(db);
  return {
    db,
    kind: "pglite",
    async ping() {
      await client.query("select 1");
    },
    async close() {
      if (!client.closed) await client.close();
      await lock?.release();
    },
  };
}

async function openPostgres(url: string, logger?: Logger): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000 });
  // An idle client losing its server must not crash the process; the next query reports the outage.
  pool.on("error", (error) => logger?.warn({ err: error }, "PostgreSQL connection lost"));
  await migrateWithLock(pool);
  const db = drizzlePostgres(pool, { schema }) as unknown as Db;
  try {
    await ensureReferenceData(db);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db,
    kind: "postgres",
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

/** Several server nodes may start at once; an advisory lock lets exactly one of them migrate. */
async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('piiri:migrations'))");
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('piiri:migrations'))");
    }
  } finally {
    client.release();
  }
}

/** The database the configuration names: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite. */
export function openConfiguredDatabase(config: { databaseUrl: string | undefined; dataDir: string }, logger?: Logger): Promise<Database> {
  return openDatabase(config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir }, logger);
}

/**
 * Runs hand-written SQL (for statements drizzle's builder cannot express, such as data-modifying CTEs)
 * and returns its rows. Both drivers answer with `{ rows }`; column names are as the SQL spells them.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
