// All environment settings are read and checked here, once, so that a bad value stops the
// process at start with one clear line instead of failing later inside a request.
import { z } from "zod";
import { StartupError } from "@/lib/runtime/startup-error";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://user:password@host:5432/database");

const port = z.coerce.number({ error: "must be a port number (1-65535)" }).int("must be a port number (1-65535)").min(1, "must be a port number (1-65535)").max(65535, "must be a port number (1-65535)");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.url().optional(),
  SITE_NAME: z.string().trim().min(1).default("누리일보"),
  DEMO_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  /// A salt for hashing readers' and staff IP addresses in logs; generated for the demo.
  IP_HASH_SALT: z.string().min(16).optional(),
  /// Set to 1 only behind a reverse proxy that sets X-Forwarded-For, X-Forwarded-Host and
  /// X-Forwarded-Proto; without it those headers are ignored (a client could send them).
  TRUST_PROXY: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
  /// Where uploaded images are stored on local disk, and the folder of the embedded database.
  MEDIA_DIR: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
  /// When set, /metrics also answers requests that send "Authorization: Bearer <token>" (it
  /// always answers loopback).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /// The response cache in front of Next.js for public pages (lib/runtime/response-cache/).
  RESPONSE_CACHE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  RESPONSE_CACHE_MB: z.coerce.number({ error: "must be a number of megabytes" }).int().min(1).max(65_536).default(128),
  /// Called with the invalidated tags (POST, JSON {"tags": [...]}) so a CDN that purges by tag follows.
  CDN_PURGE_URL: z.url({ error: "must be a URL" }).optional(),
  NEWSROOM_DATA_DIR: z.string().trim().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends StartupError {
  override name = "ConfigError";
}

/** Parses the given environment (process.env by default); throws ConfigError naming the bad setting. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Bad setting ${key}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/**
 * The settings of this process, read once (npm start has put the embedded database's URL and
 * generated secrets into process.env before the app starts). Every module reads settings here,
 * never process.env itself.
 */
export function serverEnv(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** Forget the settings read so far (tests and npm start change process.env before the app runs). */
export function resetServerEnv(): void {
  cached = undefined;
}

/**
 * The public base URL of the site. NEXTAUTH_URL when set; otherwise derived from the configured
 * host and port, which is right for the embedded demo on one machine. Production deployments
 * (DATABASE_URL set) must set NEXTAUTH_URL: npm start refuses to run without it.
 */
export function siteBaseUrl(env: Env = serverEnv()): string {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/+$/, "");
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/** The settings the running app needs; the database URL must be there by then. */
export function readAppEnv(source: Record<string, string | undefined> = process.env): Env & { DATABASE_URL: string } {
  const env = readEnv(source);
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set (npm start sets it for the embedded database).");
  }
  return { ...env, DATABASE_URL: env.DATABASE_URL };
}
