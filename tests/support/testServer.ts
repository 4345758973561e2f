import path from "node:path";
import pino from "pino";
import { createPiiriServer, type PiiriServer } from "../../server/server";
import type { Database } from "../../server/db/database";
import { createTestDatabase } from "./databases";

export const TEST_JWT_SECRET = "test-secret-used-only-by-the-test-suite-0123456789";

export interface TestServer {
  /** Base URL such as `http://127.0.0.1:41234`. */
  url: string;
  server: PiiriServer;
  database: Database;
  jwtSecret: string;
  close(): Promise<void>;
}

/**
 * A real Piiri server on port 0 with a database of its own (PGlite or the PostgreSQL server, per the
 * vitest project). `withClient` also serves the built client from `dist/`.
 */
export async function startTestServer(options: { withClient?: boolean } = {}): Promise<TestServer> {
  const testDatabase = await createTestDatabase();
  const server = createPiiriServer({
    database: testDatabase.database,
    jwtSecret: TEST_JWT_SECRET,
    logger: pino({ level: process.env["TEST_LOG_LEVEL"] ?? "silent" }),
    clientDistDir: options.withClient ? path.resolve("dist") : undefined,
  });
  const url = await server.listen(0);
  return {
    url,
    server,
    database: testDatabase.database,
    jwtSecret: TEST_JWT_SECRET,
    async close() {
      await server.close();
      await testDatabase.drop();
    },
  };
}
