import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("configuration", () => {
  it("defaults to embedded PGlite in ./data on port 3000", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-config-"));
    made.push(dataDir);
    const config = await loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(dataDir);
  });

  it("generates a JWT secret once, keeps it in the data directory and reuses it", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-config-"));
    made.push(dataDir);
    const first = await loadConfig({ DATA_DIR: dataDir });
    const second = await loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect((await readFile(path.join(dataDir, "jwt-secret"), "utf8")).trim()).toBe(first.jwtSecret);
    const other = await mkdtemp(path.join(os.tmpdir(), "piiri-config-"));
    made.push(other);
    expect((await loadConfig({ DATA_DIR: other })).jwtSecret).not.toBe(first.jwtSecret);
  });

  it("uses a configured secret and refuses a weak one or a bad port", async () => {
    const secret = "s".repeat(40);
    expect((await loadConfig({ JWT_SECRET: secret, DATA_DIR: "/nonexistent-never-written" })).jwtSecret).toBe(secret);
    await expect(loadConfig({ JWT_SECRET: "short" })).rejects.toThrow(/JWT_SECRET/);
    await expect(loadConfig({ PORT: "not-a-port", JWT_SECRET: secret })).rejects.toThrow(/PORT/);
  });
});
