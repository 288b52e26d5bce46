// npm run db:migrate — applies pending migrations to DATABASE_URL (see lib/db/migrations.ts).
import { readAppEnv } from "@/lib/config/env";
import { applyMigrations } from "@/lib/db/migrations";
import { runCli } from "@/server/cli";

await runCli(async () => {
  const env = readAppEnv();
  const result = await applyMigrations(env.DATABASE_URL, { log: console.log });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already there`);
});
