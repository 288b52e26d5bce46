import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OLD_SPACE_LIMIT_MB, START_NODE_ARGS } from "@/server/start-command";

const scripts = (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("npm start's command", () => {
  it("is the one the bench and the tests' app start the server with", () => {
    expect(scripts.start).toBe(["node", ...START_NODE_ARGS].join(" "));
  });

  it("caps V8's old generation", () => {
    expect(START_NODE_ARGS).toContain(`--max-old-space-size=${OLD_SPACE_LIMIT_MB}`);
  });
});
