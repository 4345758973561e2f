/**
 * `npm run seed -- --demo` fills the configured database (DATA_DIR or DATABASE_URL) with a demo
 * programme, its groups' chats, notebooks and self-assessments, and prints the demo people's passwords.
 * Safe to run again: it refreshes the passwords and keeps everything else as it is.
 */
import { loadConfig } from "../server/config";
import { openConfiguredDatabase } from "../server/db/database";
import { seedDemoAccounts } from "./demo/accounts";
import { seedDemoAssessments } from "./demo/assessments";
import { seedDemoChat } from "./demo/chat";
import { seedDemoGatherings } from "./demo/gatherings";
import { seedDemoMeetings } from "./demo/meetings";
import { seedDemoNotebooks } from "./demo/notes";
import { DEMO_PROGRAMMES, demoGroupIds, seedDemoProgrammes } from "./demo/programmes";

async function main(): Promise<void> {
  if (!process.argv.includes("--demo")) {
    console.error("Usage: npm run seed -- --demo   (fills a demo programme and prints its passwords)");
    process.exit(64);
  }
  const config = await loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const accounts = await seedDemoAccounts(database.db);
    const programmes = await seedDemoProgrammes(database.db, accounts);
    const chat = await seedDemoChat(database.db, accounts);
    const notebooks = await seedDemoNotebooks(database.db, await demoGroupIds(database.db, DEMO_PROGRAMMES.map((programme) => programme.name)));
    const assessments = await seedDemoAssessments(database.db, accounts);
    const meetings = await seedDemoMeetings(database.db, accounts);
    const gatherings = await seedDemoGatherings(database.db, accounts);
    const where = config.databaseUrl ? "the PostgreSQL database in DATABASE_URL" : `the embedded database in ${config.dataDir}`;
    console.log(`\nPiiri demo data is ready in ${where}.`);
    for (const name of programmes.created) console.log(`  Created the programme "${name}" with its groups, goals and check-ins.`);
    for (const name of programmes.kept) console.log(`  Kept the programme "${name}" as it was.`);
    for (const name of chat.seeded) console.log(`  Wrote a chat with threads and reactions in "${name}".`);
    for (const name of chat.kept) console.log(`  Kept the chat of "${name}" as it was.`);
    if (notebooks > 0) console.log(`  Wrote notebooks with meeting notes and tips for ${notebooks} groups.`);
    for (const name of assessments.seeded) console.log(`  Answered start and end self-assessments and closing feedback in "${name}".`);
    for (const name of assessments.kept) console.log(`  Kept the self-assessments of "${name}" as they were.`);
    for (const name of meetings.seeded) console.log(`  Planned meetings (held ones with summaries, coming ones) or a scheduling poll in "${name}".`);
    for (const name of meetings.kept) console.log(`  Kept the meetings of "${name}" as they were.`);
    for (const name of gatherings.seeded) console.log(`  Organised the gathering "${name}" with answers and a learning digest.`);
    if (gatherings.kept.length > 0) console.log("  Kept the programme's gatherings as they were.");
    console.log("\nSign in with any of these accounts:\n");
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
