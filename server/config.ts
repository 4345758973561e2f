import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  /** Set when several server nodes share one database: they share live updates through this Redis. */
  REDIS_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set when Piiri runs behind a reverse proxy, so rate limits see the client's address. */
  TRUST_PROXY: z.stringbool().default(false),
  CLIENT_DIST_DIR: z.string().default("./dist"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  jwtSecret: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  trustProxy: boolean;
  clientDistDir: string;
}

/** Reads the environment; a missing JWT secret is generated once and kept in the data directory. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    jwtSecret: values.JWT_SECRET ?? (await readOrCreateSecret(dataDir)),
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    clientDistDir: path.resolve(values.CLIENT_DIST_DIR),
  };
}

async function readOrCreateSecret(dataDir: string): Promise<string> {
  const secretPath = path.join(dataDir, "jwt-secret");
  try {
    const existing = (await readFile(secretPath, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(secretPath, secret, { mode: 0o600 });
  return secret;
}
