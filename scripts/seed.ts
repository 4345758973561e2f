/**
 * `npm run seed -- --demo` fills the configured database (DATA_DIR or DATABASE_URL) with a demo
 * programme and prints the demo people's passwords. Safe to run again: it refreshes the passwords.
 */
import { loadConfig } from "../server/config";
import { openConfiguredDatabase } from "../server/db/database";
import { seedDemoAccounts } from "./demo/accounts";

async function main(): Promise<void> {
  if (!process.argv.includes("--demo")) {
    console.error("Usage: npm run seed -- --demo   (fills a demo programme and prints its passwords)");
    process.exit(64);
  }
  const config = await loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const accounts = await seedDemoAccounts(database.db);
    const where = config.databaseUrl ? "the PostgreSQL database in DATABASE_URL" : `the embedded database in ${config.dataDir}`;
    console.log(`\nPiiri demo data is ready in ${where}.\nSign in with any of these accounts:\n`);
    const width = Math.max(...accounts.map((account) => account.email.length));
    for (const account of accounts) {
      console.log(`  ${account.email.padEnd(width)}  ${account.password.padEnd(28)}  ${account.displayName} (${account.role})`);
    }
    console.log("\nRunning the seed again gives everyone a new password.\n");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
