import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSignInHint } from "@/lib/auth/demo-sign-in";
import { readEnv } from "@/lib/config/env";

describe("the demo accounts on the sign-in page", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "demo-sign-in-"));
    await writeFile(path.join(dir, "demo-password.txt"), "nuri-secret-password\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("are not named on a newsroom of its own database (npm start sets no password file there)", () => {
    expect(demoSignInHint(readEnv({ DATABASE_URL: "postgresql://u:p@db.example:5432/news" }))).toBeNull();
  });

  it("in the embedded demo: the four accounts with their bylines and, for the desk and the admin, their permission, and the password file, as typed from the project folder", () => {
    const env = readEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:54329/newsroom", NEWSROOM_DEMO_PASSWORD_FILE: path.join(dir, "demo-password.txt") });
    const hint = demoSignInHint(env, dir);
    expect(hint?.accounts.map((account) => `${account.email} ${account.name} ${account.title}${account.permission ? ` (${account.permission})` : ""}`)).toEqual([
      "admin@newsroom.test 정민호 편집국장 (관리자)",
      "editor@newsroom.test 박서연 선임기자 (데스크)",
      "reporter@newsroom.test 이준혁 기자",
      "intern@newsroom.test 최하은 인턴기자",
    ]);
    expect(hint?.password).toEqual({ kind: "file", path: "demo-password.txt" });
    // Outside the project folder, the whole path; the password itself never.
    expect(demoSignInHint(env, "/somewhere/else")?.password).toEqual({ kind: "file", path: path.join(dir, "demo-password.txt") });
    expect(JSON.stringify(hint)).not.toContain("nuri-secret-password");
  });

  it("with DEMO_PASSWORD at the first start (no file written), points to DEMO_PASSWORD", () => {
    const env = readEnv({ NEWSROOM_DEMO_PASSWORD_FILE: path.join(dir, "no-such-file.txt") });
    expect(demoSignInHint(env, dir)?.password).toEqual({ kind: "env" });
  });
});
