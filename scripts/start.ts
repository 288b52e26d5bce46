// npm start / npm run dev: the whole newsroom in one command.
// Without DATABASE_URL: embedded PostgreSQL in .data/, migrations, demo seed on the first run,
// a production build when the sources changed, then the server on PORT (3000).
// With DATABASE_URL: the same against that database, without the demo seed.
import { register } from "node:module";
import { rerenderStaleBodies } from "@/lib/articles/body/rerender-bodies";
import { readEnv, resetServerEnv, siteBaseUrl } from "@/lib/config/env";
import { checkDatabaseReachable } from "@/lib/db/reachability";
import { createPrismaClient } from "@/lib/db/client";
import { prepareWalArchive, walArchiveSettings } from "@/lib/db/backups";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { mediaStorage } from "@/lib/media/storage";
import { ensureProductionBuild } from "@/server/build";
import { runCli } from "@/server/cli";
import { StartupError } from "@/lib/config/startup-error";
import { printDemoLogins, resolveDemoPassword, type DemoPassword } from "@/server/demo-logins";
import { assertPortFree, startHttpServer, type RunningServer } from "@/server/http-server";
import { defaultBackupDir, demoPasswordFile, loadOrCreateLocalSecrets, postgresDataDir, readSavedDemoPassword } from "@/server/local-data";
import { syncSearchIndex } from "@/lib/search/search-index";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { seedDemoPortal } from "@/lib/seed/demo-portal";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[newsroom] ${line}`);

await runCli(async () => {
  // Next.js reads NODE_ENV itself; it must match the mode we start it in.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  const env = readEnv();

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    if (!env.NEXTAUTH_SECRET && !dev) {
      throw new StartupError("NEXTAUTH_SECRET must be set when DATABASE_URL is (at least 32 characters; try: openssl rand -base64 32)");
    }
    if (!env.NEXTAUTH_URL && !dev) {
      // Without it next-auth builds its sign-in and sign-out URLs on http://localhost:3000.
      throw new StartupError("NEXTAUTH_URL must be set when DATABASE_URL is: the site's public address, e.g. https://news.example.com");
    }
    if (!env.IP_HASH_SALT && !dev) {
      // Without a secret salt, hashed IPs in the security log could be reversed by trying them all.
      throw new StartupError("IP_HASH_SALT must be set when DATABASE_URL is (at least 16 random characters; try: openssl rand -base64 24)");
    }
    await checkDatabaseReachable(databaseUrl);
    // Your own database: the sign-in page names no demo accounts, whatever the environment says.
    delete process.env.NEWSROOM_DEMO_PASSWORD_FILE;
  } else {
    const secrets = await loadOrCreateLocalSecrets();
    log(`starting the embedded PostgreSQL (data in ${postgresDataDir}) ...`);
    // Every finished WAL segment is archived for npm run db:backup / db:restore (lib/db/backups.ts).
    const backupDir = env.BACKUP_DIR ?? defaultBackupDir;
    await prepareWalArchive(backupDir);
    embedded = await startEmbeddedPostgres({
      dataDir: postgresDataDir,
      port: env.EMBEDDED_PG_PORT,
      password: secrets.postgresPassword,
      database: "newsroom",
      settings: walArchiveSettings(backupDir),
      log,
    });
    databaseUrl = embedded.urlFor("newsroom");
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
    process.env.IP_HASH_SALT ??= secrets.ipHashSalt;
    // Readers' Web Push: the key pair the push services know this newsroom by (lib/push).
    if (!process.env.VAPID_PUBLIC_KEY && !process.env.VAPID_PRIVATE_KEY) {
      process.env.VAPID_PUBLIC_KEY = secrets.vapidPublicKey;
      process.env.VAPID_PRIVATE_KEY = secrets.vapidPrivateKey;
    }
    // The embedded demo runs on this machine: its address is the configured host and port.
    process.env.NEXTAUTH_URL ??= siteBaseUrl(env);
    // The embedded demo's sign-in page names the demo accounts and where their password is.
    process.env.NEWSROOM_DEMO_PASSWORD_FILE = demoPasswordFile;
  }
  resetServerEnv();
  const stopDatabase = async () => embedded?.stop();

  // Installed as soon as there is something to stop, so a SIGTERM during migrations, the seed or
  // the first build does not leave PostgreSQL running on the data folder.
  let server: RunningServer | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ...`);
    await server?.close();
    await stopDatabase();
    log("stopped cleanly");
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));
  // A crash must not leave PostgreSQL running on the data folder (the next start would refuse).
  process.on("uncaughtException", (error) => {
    console.error("unexpected error:", error);
    void shutdown("uncaughtException", 1);
  });

  try {
    // Checked after the database so that a second start on the same data folder is told that
    // the folder is in use (the more useful message) rather than that the port is.
    await assertPortFree(env.PORT, env.HOST);
    const migrated = await applyMigrations(databaseUrl, { log });
    log(`database ready (${migrated.applied.length} new migrations, ${migrated.alreadyApplied} already applied)`);
    {
      // Story HTML made by an older body renderer is rebuilt before anyone is served it.
      const db = createPrismaClient(databaseUrl);
      try {
        await rerenderStaleBodies(db, log);
      } finally {
        await db.$disconnect();
      }
    }

    let demoPassword: DemoPassword | undefined;
    if (embedded) {
      const db = createPrismaClient(databaseUrl);
      try {
        // The demo seed loads the rights desk's server-only modules (lib/claims/demo-claim.ts).
        register(SERVER_ONLY_IS_EMPTY);
        await seedDemoNewsroom(db, {
          password: async () => (demoPassword = await resolveDemoPassword(env.DEMO_PASSWORD)).value,
          storage: mediaStorage,
          log,
        });
        if ((await seedDemoPortal(db)).seeded) log("seeded the demo's portal destinations: an active pull feed, an IndexNow ping left off");
      } finally {
        await db.$disconnect();
      }
      const saved = env.DEMO_PASSWORD ?? (await readSavedDemoPassword());
      demoPassword ??= saved ? { value: saved, source: env.DEMO_PASSWORD ? "env" : "saved" } : undefined;
    }

    // Stories written by other means than the workflow (the demo seed, a restored backup) get
    // their search index entries here.
    const indexDb = createPrismaClient(databaseUrl);
    try {
      const synced = await syncSearchIndex(indexDb);
      if (synced.written || synced.removed) log(`search index: ${synced.written} written, ${synced.removed} removed`);
    } finally {
      await indexDb.$disconnect();
    }

    if (!dev) {
      const build = await ensureProductionBuild(log);
      log(build === "reused" ? "using the existing build" : "build finished");
    }
    server = await startHttpServer({ dev, port: env.PORT, host: env.HOST });
    const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
    log(`ready: http://${shownHost}:${env.PORT}  (newsroom: http://${shownHost}:${env.PORT}/newsroom)`);
    if (demoPassword) printDemoLogins(demoPassword);
    else if (embedded) log("demo logins: admin@, editor@, reporter@, intern@newsroom.test (password: the DEMO_PASSWORD used at the first start)");

  } catch (error) {
    await stopDatabase();
    throw error;
  }
});
