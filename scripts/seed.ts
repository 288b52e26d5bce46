// npm run db:seed — seeds the demo newsroom into DATABASE_URL if it has no staff yet.
import { register } from "node:module";
import { readAppEnv } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { runCli } from "@/server/cli";
import { resolveDemoPassword, printDemoLogins, type DemoPassword } from "@/server/demo-logins";
import { mediaStorage } from "@/lib/media/storage";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

await runCli(async () => {
  const env = readAppEnv();
  await applyMigrations(env.DATABASE_URL, { log: console.log });
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    let password: DemoPassword | undefined;
    const getPassword = async () => (password ??= await resolveDemoPassword(env.DEMO_PASSWORD)).value;
    // The demo seed loads the rights desk's server-only modules (lib/claims/demo-claim.ts).
    register(SERVER_ONLY_IS_EMPTY);
    await seedDemoNewsroom(db, { password: getPassword, storage: mediaStorage, log: console.log });
    if (password) printDemoLogins(password);
  } finally {
    await db.$disconnect();
  }
});
