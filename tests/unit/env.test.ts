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
    ["MEDIA_STORAGE", { MEDIA_STORAGE: "ftp" }, /MEDIA_STORAGE: must be local or s3/],
    ["S3_BUCKET", { MEDIA_STORAGE: "s3" }, /S3_BUCKET: must be set when MEDIA_STORAGE=s3/],
    ["S3_ENDPOINT", { MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_ENDPOINT: "minio" }, /S3_ENDPOINT/],
    ["KAKAO_JS_KEY", { KAKAO_JS_KEY: "not a key!" }, /KAKAO_JS_KEY: must be the Kakao app's JavaScript key/],
  ])("a bad %s fails with a ConfigError naming it", (_key, source, message) => {
    expect(() => readEnv(source)).toThrow(ConfigError);
    expect(() => readEnv(source)).toThrow(message);
  });

  it("keeps media on local disk unless S3 is chosen, and reads the S3 settings", () => {
    expect(readEnv({}).MEDIA_STORAGE).toBe("local");
    const env = readEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "nuri-media", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "1", S3_PUBLIC_URL: "https://img.example.kr/" });
    expect(env).toMatchObject({ MEDIA_STORAGE: "s3", S3_BUCKET: "nuri-media", S3_REGION: "ap-northeast-2", S3_FORCE_PATH_STYLE: "1", S3_PUBLIC_URL: "https://img.example.kr" });
  });

  it("reads the Kakao JavaScript key, unset by default", () => {
    expect(readEnv({}).KAKAO_JS_KEY).toBeUndefined();
    expect(readEnv({ KAKAO_JS_KEY: " 0123456789abcdef0123456789abcdef " }).KAKAO_JS_KEY).toBe("0123456789abcdef0123456789abcdef");
  });

  it("accepts a good configuration", () => {
    const env = readEnv({ DATABASE_URL: "postgresql://u:p@db.example:5432/news", PORT: "8080", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db.example:5432/news", PORT: 8080 });
  });

  it("the app refuses to run without a database URL", () => {
    expect(() => readAppEnv({})).toThrow(/DATABASE_URL is not set/);
  });
});
