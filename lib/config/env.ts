// All environment settings are read and checked here, once, so that a bad value stops the
// process at start with one clear line instead of failing later inside a request.
import { z } from "zod";
import { StartupError } from "@/lib/config/startup-error";

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

const replicaUrls = z
  .string()
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(postgresUrl).max(16, "at most 16 replicas"));

const port = z.coerce.number({ error: "must be a port number (1-65535)" }).int("must be a port number (1-65535)").min(1, "must be a port number (1-65535)").max(65535, "must be a port number (1-65535)");

const absoluteHttpUrl = z
  .url({ error: "must be an absolute http(s) URL such as https://news.example.kr" })
  .refine((value) => /^https?:\/\//.test(value), "must be an absolute http(s) URL such as https://news.example.kr")
  .transform((value) => value.replace(/\/+$/, ""));

const oneLine = (fallback: string) => z.string().trim().min(1).max(200).default(fallback);

// "서울:60:127,고양:57:128": a place name and its KMA forecast grid (nx:ny), comma-separated.
const weatherPlaces = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const places = value.split(",").map((part) => part.trim()).filter(Boolean).map((part) => {
      const match = /^([^:]{1,20}):(\d{1,3}):(\d{1,3})$/.exec(part);
      return match ? { name: match[1]!.trim(), nx: Number(match[2]), ny: Number(match[3]) } : null;
    });
    if (places.length === 0 || places.some((place) => place === null)) {
      ctx.addIssue({ code: "custom", message: 'must list places as name:nx:ny, comma-separated (e.g. "서울:60:127,고양:57:128")' });
      return z.NEVER;
    }
    return places.filter((place) => place !== null);
  });

/** What the public site says about itself: its address, the paper's legal details, the weather strip. */
const publicSiteSettings = {
  PUBLISHER_COMPANY: oneLine("(주)누리미디어 (데모)"),
  PUBLISHER_ADDRESS: oneLine("서울특별시 중구 세종대로 000, 누리빌딩 5층 (데모 주소)"),
  PUBLISHER_REGISTRATION: oneLine("서울 아00000 (데모)"),
  PUBLISHER_REGISTERED_ON: oneLine("2024-01-02"),
  PUBLISHER_HEAD: oneLine("정민호"),
  PUBLISHER_EDITOR: oneLine("정민호"),
  PUBLISHER_YOUTH_OFFICER: oneLine("박서연"),
  PUBLISHER_PHONE: oneLine("02-000-0000"),
  PUBLISHER_EMAIL: z.email({ error: "must be an e-mail address" }).default("desk@nuri-ilbo.test"),
  /// The KMA open API (data.go.kr) service key: without it, the weather strip is not shown.
  KMA_SERVICE_KEY: z.string().trim().min(10).optional(),
  /// The getUltraSrtNcst endpoint (a different gateway, or a local stand-in for tests).
  KMA_NOWCAST_URL: absoluteHttpUrl.default("https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0/getUltraSrtNcst"),
  WEATHER_PLACES: weatherPlaces.default([
    { name: "서울", nx: 60, ny: 127 },
    { name: "인천", nx: 55, ny: 124 },
    { name: "고양", nx: 57, ny: 128 },
    { name: "수원", nx: 60, ny: 121 },
    { name: "춘천", nx: 73, ny: 134 },
    { name: "대전", nx: 67, ny: 100 },
    { name: "광주", nx: 58, ny: 74 },
    { name: "대구", nx: 89, ny: 90 },
    { name: "부산", nx: 98, ny: 76 },
    { name: "제주", nx: 52, ny: 38 },
  ]),
  /// The Kakao app's JavaScript key (developers.kakao.com, 앱 키): with it, stories get a
  /// KakaoTalk share button through Kakao's SDK. Public by design (Kakao accepts it only from the
  /// site domains registered with the app); without it, no Kakao script or CSP allowance.
  KAKAO_JS_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{20,64}$/, "must be the Kakao app's JavaScript key (letters and digits, from developers.kakao.com > 내 애플리케이션 > 앱 키)")
    .optional(),
  /// How often each app instance writes its buffered page-view counts to the database.
  VIEW_FLUSH_SECONDS: z.coerce.number({ error: "must be a number of seconds (5-3600)" }).int().min(5).max(3600).default(60),
};

/** Where uploaded photos live: local disk (the default) or an S3-compatible bucket shared by every instance. */
const mediaStorageSettings = {
  MEDIA_STORAGE: z.enum(["local", "s3"], { error: "must be local or s3" }).default("local"),
  /// Another S3-compatible service (MinIO, R2, NCP...): its endpoint URL. Empty for AWS S3.
  S3_ENDPOINT: z.url({ error: "must be a URL such as https://s3.example.kr" }).optional(),
  S3_BUCKET: z.string().trim().min(3).max(63).optional(),
  S3_REGION: z.string().trim().min(1).default("ap-northeast-2"),
  /// Without these the AWS SDK's own credential chain applies (instance role, AWS_* variables).
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /// 1 for servers that address buckets as /bucket/key (MinIO and most self-hosted ones).
  S3_FORCE_PATH_STYLE: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
  /// When the bucket (or a CDN before it) is public: /media/<key> redirects there instead of proxying.
  S3_PUBLIC_URL: absoluteHttpUrl.optional(),
};

/** Portal transmission (lib/portal/): stories sent to portals and search engines. */
const portalSettings = {
  /// 1 lets destinations point at private and loopback addresses (a portal reached over a private
  /// network, the tests' local receiver); otherwise such requests are refused (SSRF).
  PORTAL_ALLOW_PRIVATE_ADDRESSES: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
  /// Failed tries of one transmission before it waits for the desk (dead letter).
  PORTAL_MAX_ATTEMPTS: z.coerce.number({ error: "must be a whole number (1-30)" }).int().min(1).max(30).default(8),
  /// The first retry's wait; each further one doubles it (at most an hour).
  PORTAL_RETRY_BASE_SECONDS: z.coerce.number({ error: "must be a number of seconds (0.1-3600)" }).min(0.1).max(3600).default(30),
  /// How long a destination may take to answer one request.
  PORTAL_REQUEST_TIMEOUT_SECONDS: z.coerce.number({ error: "must be a number of seconds (0.5-120)" }).min(0.5).max(120).default(10),
};

/** Readers' mail (lib/subscriptions): without SMTP_URL, mails are written to the data folder instead. */
const readerMailSettings = {
  /// smtp://user:password@host:587 or smtps://...:465 (nodemailer's URL form).
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an SMTP URL such as smtp://user:password@mail.example.kr:587 or smtps://...:465")
    .optional(),
  /// The sender of readers' mails; its domain should be the one SMTP_URL may send for (SPF, DKIM).
  MAIL_FROM: z.email({ error: "must be an e-mail address" }).default("newsletter@nuri-ilbo.test"),
};

/** Readers' Web Push (lib/push): without the key pair, no browser is offered notifications. */
const base64url = (bytes: number, what: string) => z.string().trim().regex(/^[A-Za-z0-9_-]+$/, `must be the ${what} in base64url (npm start generates one)`).refine((value) => Buffer.from(value, "base64url").length === bytes, `must be the ${bytes}-byte ${what} in base64url`);
const webPushSettings = {
  /// The VAPID key pair (P-256) the push services know the paper by; the embedded demo generates
  /// one on its first start (.data/secrets.json). Changing it orphans every browser's subscription.
  VAPID_PUBLIC_KEY: base64url(65, "VAPID public key").optional(),
  VAPID_PRIVATE_KEY: base64url(32, "VAPID private key").optional(),
  /// Who the push services may contact about the paper's pushes (mailto: or https:).
  VAPID_SUBJECT: z.string().trim().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL").optional(),
  /// 1 lets push endpoints be private or loopback addresses (the tests' local push service);
  /// otherwise a reader's endpoint that points inside is refused (SSRF), whatever the portals allow.
  WEB_PUSH_ALLOW_PRIVATE_ADDRESSES: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
};

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
  /// The response cache in front of Next.js for public pages (server/response-cache/).
  RESPONSE_CACHE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /// Whether a lean front process of its own owns the public port, holds the response cache and
  /// answers its hits, handing everything else to Next.js over a Unix socket (server/front/).
  FRONT_PROCESS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  RESPONSE_CACHE_MB: z.coerce.number({ error: "must be a number of megabytes" }).int().min(1).max(65_536).default(128),
  /// Called with the invalidated tags (POST, JSON {"tags": [...]}) so a CDN that purges by tag follows.
  CDN_PURGE_URL: z.url({ error: "must be a URL" }).optional(),
  NEWSROOM_DATA_DIR: z.string().trim().min(1).optional(),
  /// Set by npm start for the embedded demo only (never with DATABASE_URL): where the generated
  /// demo password is kept, so the sign-in page can say where to find it. Not a setting of yours.
  NEWSROOM_DEMO_PASSWORD_FILE: z.string().trim().min(1).optional(),
  /// Read replicas (streaming standbys of DATABASE_URL) for readers' queries, comma-separated.
  DATABASE_REPLICA_URLS: replicaUrls.optional(),
  /// A replica further behind than this is skipped: readers read the primary until it catches up.
  REPLICA_MAX_LAG_SECONDS: z.coerce.number({ error: "must be a number of seconds (1-3600)" }).int().min(1).max(3600).default(10),
  /// Where npm run db:backup puts base backups and the embedded database archives its WAL (default: <data dir>/backups).
  BACKUP_DIR: z.string().trim().min(1).optional(),
  /// How many base backups db:backup keeps (older ones and the WAL only they need are removed).
  BACKUP_KEEP: z.coerce.number({ error: "must be a whole number (1-100)" }).int().min(1).max(100).default(3),
  ...mediaStorageSettings,
  ...publicSiteSettings,
  ...portalSettings,
  ...readerMailSettings,
  ...webPushSettings,
}).superRefine((env, ctx) => {
  if ((env.VAPID_PUBLIC_KEY === undefined) !== (env.VAPID_PRIVATE_KEY === undefined)) {
    ctx.addIssue({ code: "custom", path: [env.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY"], message: "must be set together with the other VAPID key" });
  }
  if (env.MEDIA_STORAGE === "s3" && !env.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "must be set when MEDIA_STORAGE=s3" });
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
