// With DATABASE_URL (a newsroom on its own database) the sign-in page names no demo accounts and
// no password file, even when the environment carries the embedded demo's variable. (The
// embedded demo's page, which does: embedded-start.test.ts.)
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppInstance, type AppInstance } from "../support/app-instance";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

const expectNoDemoAccounts = (html: string) => {
  expect(html).toContain("로그인");
  expect(html).not.toContain("데모 계정");
  expect(html).not.toContain("@newsroom.test");
  expect(html).not.toContain("demo-password");
};

describe("the sign-in page of a newsroom on its own database", () => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await startAppInstance(databaseUrl, { NEWSROOM_DEMO_PASSWORD_FILE: "/tmp/demo-password.txt" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("names no demo accounts", async () => {
    expectNoDemoAccounts(await (await fetch(`${baseUrl}/login`)).text());
  });

  it("names none either when NEWSROOM_DEMO_PASSWORD_FILE is in the environment (npm start removes it with DATABASE_URL)", async () => {
    expectNoDemoAccounts(await (await fetch(`${app.baseUrl}/login`)).text());
  });
});
