import { describe, expect, it } from "vitest";
import { ConfigError, readAppEnv, readEnv } from "@/lib/config/env";

describe("environment settings", () => {
  it("uses defaults when nothing is set", () => {
    const env = readEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SITE_NAME).toBe("누리일보");
  });

  it("treats empty values as unset", () => {
    expect(readEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/x" }, /DATABASE_URL: must look like postgresql:\/\//],
    ["DATABASE_URL", { DATABASE_URL: "not a url" }, /DATABASE_URL/],
    ["PORT", { PORT: "abc" }, /PORT: must be a port number/],
    ["PORT", { PORT: "70000" }, /PORT: must be a port number/],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET: must be at least 32 characters/],
    ["DEMO_PASSWORD", { DEMO_PASSWORD: "short" }, /DEMO_PASSWORD/],
  ])("a bad %s fails with a ConfigError naming it", (_key, source, message) => {
    expect(() => readEnv(source)).toThrow(ConfigError);
    expect(() => readEnv(source)).toThrow(message);
  });

  it("accepts a good configuration", () => {
    const env = readEnv({ DATABASE_URL: "postgresql://u:p@db.example:5432/news", PORT: "8080", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db.example:5432/news", PORT: 8080 });
  });

  it("the app refuses to run without a database URL", () => {
    expect(() => readAppEnv({})).toThrow(/DATABASE_URL is not set/);
  });
});
