/**
 * Composition root: environment → database (migrated) → HTTP + Socket.IO server → signals.
 */
import { loadConfig } from "./config";
import { openConfiguredDatabase } from "./db/database";
import { DataDirInUseError } from "./db/dataDirLock";
import { createLogger } from "./logger";
import { connectScaleOut } from "./realtime/scaleOut";
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

  // Several nodes on one database share live updates through Redis; a single node needs none.
  const scaleOut = config.redisUrl ? await connectScaleOut(config.redisUrl, logger) : undefined;
  if (scaleOut) logger.info("sharing live updates with other nodes through Redis");
  const server = createPiiriServer({
    database,
    jwtSecret: config.jwtSecret,
    logger,
    clientDistDir: config.clientDistDir,
    trustProxy: config.trustProxy,
    socketAdapter: scaleOut?.socketAdapter,
    noteRelay: scaleOut?.noteRelay,
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
    await scaleOut?.close();
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
