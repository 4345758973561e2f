import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../server/db/database";
import { createPiiriServer, type PiiriServer } from "../../server/server";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { ApiClient, newAccount, type ErrorResponseBody } from "../support/http";
import { TEST_JWT_SECRET } from "../support/testServer";

/**
 * A TCP relay between the server and PostgreSQL that the test can cut and restore, so the outage is a
 * real lost connection rather than a stubbed error.
 */
class CuttableRelay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((incoming) => {
      const outgoing = net.connect(this.target);
      for (const socket of [incoming, outgoing]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      incoming.pipe(outgoing).pipe(incoming);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

let testDatabase: TestDatabase;
let relay: CuttableRelay;
let database: Database;
let server: PiiriServer;
let url: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const direct = new URL(testDatabase.url!);
  relay = new CuttableRelay({ host: direct.hostname, port: Number(direct.port || 5432) });
  await relay.start();
  const relayed = new URL(direct);
  relayed.host = `127.0.0.1:${relay.port}`;
  database = await openDatabase({ kind: "postgres", url: relayed.toString() });
  server = createPiiriServer({ database, jwtSecret: TEST_JWT_SECRET, logger: pino({ level: "silent" }) });
  url = await server.listen(0);
});

afterAll(async () => {
  await server?.close();
  await database?.close().catch(() => undefined);
  await relay?.cut().catch(() => undefined);
  await testDatabase?.drop();
});

describe("a PostgreSQL outage", () => {
  it("answers 503 while the database is unreachable and recovers by itself", async () => {
    const client = new ApiClient(url);
    expect((await client.get("/api/health")).status).toBe(200);

    await relay.cut();
    const health = await client.get<ErrorResponseBody>("/api/health");
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe("database_unavailable");
    const register = await client.post<ErrorResponseBody>("/api/auth/register", newAccount());
    expect(register.status).toBe(503);
    expect(register.body.error.code).toBe("database_unavailable");

    await relay.start();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await client.get("/api/health")).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await client.post("/api/auth/register", newAccount())).status).toBe(201);
  });
});
