/** Applies pending migrations to the configured database and exits (the server also does this on start). */
import { loadConfig } from "../server/config";
import { openConfiguredDatabase } from "../server/db/database";

const config = await loadConfig();
const database = await openConfiguredDatabase(config);
await database.close();
console.log(`Migrations applied to ${config.databaseUrl ? "DATABASE_URL" : config.dataDir}.`);
