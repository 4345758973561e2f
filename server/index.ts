/**
 * Composition root: environment → database (migrated) → HTTP + Socket.IO server → signals.
 */
import { loadConfig } from "./config";
import { openConfiguredDatabase } from "./db/database";
import { DataDirInUseError } from "./db/dataDirLock";
import { createLogger } from "./logger";
import { createPiiriServer } from "./server";

async function main(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(config.logLevel);
  let database;
  try {
    database = await openConfiguredDatabase(config, logger);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      logger.fatal(error.message);
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  logger.info({ database: database.kind, dataDir: database.kind === "pglite" ? config.dataDir : undefined }, "database ready");

  const server = createPiiriServer({
    database,
    jwtSecret: config.jwtSecret,
    logger,
    clientDistDir: config.clientDistDir,
    trustProxy: config.trustProxy,
  });
  const url = await server.listen(config.port, config.host);
  logger.info({ url }, `Piiri is running at ${url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // A stuck connection must not keep the process alive forever.
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await server.close();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
