// Bad input to `npm start` gets one line naming the problem and a non-zero exit, never a bare
// stack trace; and the data folder is never started twice.
import { createServer } from "node:http";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runStart } from "../support/run-start";
import { findFreePort } from "../support/test-cluster";

const SECRET = "s".repeat(40);
const SALT = "salt-salt-salt-salt-1";

async function expectOneLineFailure(env: Record<string, string>, message: RegExp) {
  const started = runStart(env);
  expect(await started.exited).toBe(1);
  const errorLines = started.output().split("\n").filter((line) => line.startsWith("error:"));
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toMatch(message);
  expect(started.output()).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

describe("npm start with bad input", () => {
  it("a DATABASE_URL that is not a PostgreSQL URL", async () => {
    await expectOneLineFailure({ DATABASE_URL: "mysql://root@localhost/news", NEXTAUTH_SECRET: SECRET }, /^error: Bad setting DATABASE_URL: must look like postgresql:\/\//);
  });

  it("an unreachable database", async () => {
    const port = await findFreePort();
    await expectOneLineFailure(
      { DATABASE_URL: `postgresql://u:p@127.0.0.1:${port}/news`, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://news.example", IP_HASH_SALT: SALT },
      new RegExp(`^error: cannot reach the database at 127\\.0\\.0\\.1:${port}/news: connection refused`),
    );
  });

  it("DATABASE_URL without NEXTAUTH_SECRET", async () => {
    await expectOneLineFailure({ DATABASE_URL: process.env.DATABASE_URL ?? "" }, /^error: NEXTAUTH_SECRET must be set when DATABASE_URL is/);
  });

  it("DATABASE_URL without NEXTAUTH_URL (next-auth would build its URLs on localhost:3000)", async () => {
    await expectOneLineFailure({ DATABASE_URL: process.env.DATABASE_URL ?? "", NEXTAUTH_SECRET: SECRET }, /^error: NEXTAUTH_URL must be set when DATABASE_URL is/);
  });

  it("DATABASE_URL without IP_HASH_SALT", async () => {
    await expectOneLineFailure({ DATABASE_URL: process.env.DATABASE_URL ?? "", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://news.example" }, /^error: IP_HASH_SALT must be set when DATABASE_URL is/);
  });

  it("TRUST_PROXY that is neither 0 nor 1", async () => {
    await expectOneLineFailure({ TRUST_PROXY: "yes" }, /^error: Bad setting TRUST_PROXY: must be 0 or 1/);
  });

  it("a port already in use", async () => {
    const blocker = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expectOneLineFailure(
        { DATABASE_URL: process.env.DATABASE_URL ?? "", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://news.example", IP_HASH_SALT: SALT, PORT: String(port), HOST: "127.0.0.1" },
        new RegExp(`^error: port ${port} is already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it("a second start on a data folder whose database is already running says it is in use", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "newsroom-data-"));
    await chmod(dataDir, 0o755);
    const running = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), password: "first-start-pw", database: "newsroom" });
    try {
      await expectOneLineFailure(
        { NEWSROOM_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()), PORT: String(await findFreePort()) },
        /^error: the database in .+ is already in use by another running newsroom \(PostgreSQL PID \d+\)/,
      );
      // The first server is unharmed.
      const again = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), password: "x", database: "newsroom" }).catch((error: Error) => error);
      expect(again).toBeInstanceOf(Error);
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
