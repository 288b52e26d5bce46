// `npm start` with no configuration: embedded PostgreSQL, migrations, demo seed on the first run
// only, the demo logins printed, a clean stop on Ctrl-C, and the data kept for the next start.
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { runStart } from "../support/run-start";
import { findFreePort } from "../support/test-cluster";

describe("npm start on the embedded database", () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "newsroom-embedded-"));
    await chmod(dataDir, 0o755);
    env = { NEWSROOM_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()), PORT: String(await findFreePort()), HOST: "127.0.0.1" };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("first start: creates the database, seeds the demo, prints the logins, serves the paper, stops cleanly on SIGINT", async () => {
    const first = runStart(env);
    await first.waitForOutput(/Demo logins/, 180_000);
    await first.waitForOutput(/intern@newsroom\.test/, 5_000);
    const output = first.output();
    expect(output).toMatch(/seeded the demo newsroom: \d+ stories/);
    const password = (await readFile(path.join(dataDir, "demo-password.txt"), "utf8")).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    for (const email of ["admin", "editor", "reporter", "intern"]) {
      expect(output).toMatch(new RegExp(`${email}@newsroom\\.test\\s+${password}`));
    }

    const base = `http://127.0.0.1:${env.PORT}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain("고양특례시");
    // Without NEXTAUTH_URL, next-auth builds every URL on localhost:3000; the embedded
    // demo derives it from its own host and port.
    const providers = JSON.stringify(await (await fetch(`${base}/api/auth/providers`)).json());
    expect(providers).toContain(`http://127.0.0.1:${env.PORT}/api/auth/`);
    expect(providers).not.toContain("localhost:3000");

    // The embedded demo's sign-in page names the demo accounts and where the password is kept,
    // never the password itself (with DATABASE_URL it names nothing: sign-in-demo-accounts.test.ts).
    const login = await (await fetch(`${base}/login`)).text();
    expect(login).toContain("데모 계정");
    for (const email of ["admin", "editor", "reporter", "intern"]) expect(login).toContain(`${email}@newsroom.test`);
    expect(login).toContain(path.join(dataDir, "demo-password.txt"));
    expect(login).not.toContain(password);
    if (browserTestsEnabled) {
      const browser = await launchBrowser();
      const page = await browser.newPage({ viewport: { width: 360, height: 800 }, isMobile: true });
      await page.goto(`${base}/login`);
      await page.screenshot({ path: await screenshotPath("login-embedded-demo-360"), fullPage: true });
      await browser.close();
    }

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopped cleanly");
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  });

  it("second start: reuses the data without seeding again and prints the same logins", async () => {
    const second = runStart(env);
    await second.waitForOutput(/Demo logins/, 120_000);
    expect(second.output()).toContain("demo seed skipped");
    expect(second.output()).not.toContain("seeded the demo newsroom");
    const password = (await readFile(path.join(dataDir, "demo-password.txt"), "utf8")).trim();
    expect(second.output()).toContain(password);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });
});
