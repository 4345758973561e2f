import { existsSync } from "node:fs";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { firstPageStrings } from "./vite.config";

/**
 * Suites: unit (pure), integration on PGlite, integration on a PostgreSQL server (TEST_DATABASE_URL),
 * several server nodes sharing a Redis server (TEST_REDIS_URL), and e2e in real Chromium. Locally a
 * missing PostgreSQL, Redis or Chromium skips its suite loudly; in CI (CI=true) it is an error, so no
 * suite is ever skipped there.
 */
const inCi = process.env["CI"] === "true" || process.env["CI"] === "1";
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const hasPostgres = Boolean(process.env["TEST_DATABASE_URL"]);
const hasRedis = Boolean(process.env["TEST_REDIS_URL"]);
const hasChromium = existsSync(chromiumPath);

function missing(what: string, how: string): void {
  const message = `\n*** ${what} — ${how}\n`;
  if (inCi) throw new Error(`CI must run every suite:${message}`);
  // Workers load this file again; say it once.
  if (process.env["PIIRI_WARNED_" + what.length]) return;
  process.env["PIIRI_WARNED_" + what.length] = "1";
  console.warn(`\u001b[33m${message}*** That suite is SKIPPED.\u001b[0m\n`);
}
if (!hasPostgres) missing("TEST_DATABASE_URL is not set", "the PostgreSQL integration suite needs a server, e.g. postgres://postgres@127.0.0.1:5432/test");
if (!hasRedis) missing("TEST_REDIS_URL is not set", "the several-nodes suite needs a Redis server, e.g. redis://127.0.0.1:6379");
if (!hasChromium) missing(`Chromium not found at ${chromiumPath}`, "install it (apt-get install chromium) or set CHROMIUM_PATH");

// `*.pglite.test.ts` and `*.postgres.test.ts` are about one backend only (the data-directory lock, a
// server outage); `*.redis.test.ts` need a Redis server too; every other integration file runs on both.
const integrationFiles = ["tests/integration/**/*.test.ts"];
const redisFiles = ["tests/integration/**/*.redis.test.ts"];

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "server/**/*.test.ts", "shared/**/*.test.ts"] } },
  {
    extends: true,
    test: { name: "integration-pglite", include: integrationFiles, exclude: ["**/*.postgres.test.ts", ...redisFiles], env: { PIIRI_TEST_DB: "pglite" } },
  },
];
if (hasPostgres) {
  projects.push({
    extends: true,
    test: { name: "integration-postgres", include: integrationFiles, exclude: ["**/*.pglite.test.ts", ...redisFiles], env: { PIIRI_TEST_DB: "postgres" } },
  });
}
if (hasRedis) {
  // Nodes share the PostgreSQL server when there is one, as in production; otherwise one embedded database.
  projects.push({
    extends: true,
    test: { name: "integration-redis", include: redisFiles, env: { PIIRI_TEST_DB: hasPostgres ? "postgres" : "pglite" } },
  });
}
if (hasChromium) {
  // Browser tests run last and one file at a time: two Chromiums, a server and the other suites at once
  // on a small machine turn waits for the page into timeouts that say nothing about Piiri.
  projects.push({
    extends: true,
    test: {
      name: "e2e",
      include: ["tests/e2e/**/*.test.ts"],
      env: { PIIRI_TEST_DB: "pglite", CHROMIUM_PATH: chromiumPath },
      fileParallelism: false,
      sequence: { groupOrder: 1 },
      // A user flow through several pages and two browsers is long; the limit only catches a hang.
      testTimeout: 120_000,
    },
  });
}

export default defineConfig({
  // Client modules under unit test import the first page's strings, which the build serves.
  plugins: [firstPageStrings()],
  test: {
    globalSetup: ["tests/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects,
  },
});
