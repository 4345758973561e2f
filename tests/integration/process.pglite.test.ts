import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, newAccount } from "../support/http";
import { spawnServer } from "../support/processes";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-process-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the server process on embedded PGlite", () => {
  it("creates its data directory, keeps a generated secret there, refuses a second process and stops cleanly on SIGTERM", async () => {
    const first = spawnServer({ DATA_DIR: dataDir });
    const url = await first.ready;

    const client = new ApiClient(url);
    const account = newAccount();
    expect((await client.post("/api/auth/register", account)).status).toBe(201);
    const secretPath = path.join(dataDir, "jwt-secret");
    expect(existsSync(secretPath)).toBe(true);
    expect(statSync(secretPath).mode & 0o777).toBe(0o600);

    // A second process on the same folder must not open (and corrupt) the database.
    const second = spawnServer({ DATA_DIR: dataDir });
    await expect(second.ready).rejects.toThrow(/already in use by process/);
    expect(await second.exited).toBe(2);
    expect((await new ApiClient(url).get("/api/health")).status).toBe(200);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopped");
    expect(existsSync(path.join(dataDir, "piiri.lock"))).toBe(false);

    // Restarted on the same folder: the account and the generated secret are still there.
    const restarted = spawnServer({ DATA_DIR: dataDir });
    const restartedUrl = await restarted.ready;
    const again = new ApiClient(restartedUrl);
    const login = await again.post<{ accessToken: string }>("/api/auth/login", { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    again.accessToken = login.body.accessToken;
    expect((await again.get("/api/me")).status).toBe(200);
    client.accessToken = undefined;
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toBe(0);
  });

  it("takes over the lock of a process that was killed", async () => {
    const killed = spawnServer({ DATA_DIR: dataDir });
    await killed.ready;
    killed.child.kill("SIGKILL");
    await killed.exited;
    expect(existsSync(path.join(dataDir, "piiri.lock"))).toBe(true);

    const next = spawnServer({ DATA_DIR: dataDir });
    const url = await next.ready;
    expect((await new ApiClient(url).get("/api/health")).status).toBe(200);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  });
});
