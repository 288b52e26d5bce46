// The benchmark newspaper: one PostgreSQL cluster under .bench-cache/<version>/ (git-ignored)
// holding one database per size (bench_1000, bench_10000, bench_50000 ...), generated once and
// reused while GENERATOR_VERSION and the migrations stay the same. A run works on a copy
// (CREATE DATABASE ... TEMPLATE), so the cached databases never change.
//
// Each database: the demo newsroom (staff with a known password, demo photos), 20 sections, 200
// reporters, 100 photo rows with real responsive variants (sharp, from the demo photos), N
// published stories with live revisions whose HTML comes from the app's own body renderer
// (renderArticleBody) and whose search entries come from the app's own indexer
// (buildSearchDocument), and 10 comments per story. Stories are rendered in Node and written in
// batches of 1,000 rows per statement (unnest of arrays); comments by INSERT ... SELECT
// generate_series.
import { register } from "node:module";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import type { BodyMedia, BodyMediaLookup } from "@/lib/articles/body/body-extensions";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import { slugFor } from "@/lib/articles/public/slug";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { localDiskStorage } from "@/lib/media/storage";
import { mediaUrl } from "@/lib/media/media-url";
import { buildSearchDocument } from "@/lib/search/search-index";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { findFreePort } from "@/tests/support/test-cluster";
import { BENCH_SECTIONS, COMMENT_POOL, generateStory, reporterName } from "./korean-corpus";

/** Bump when the generated data changes shape: older caches are then left unused. */
const GENERATOR_VERSION = 1;
export const BENCH_PASSWORD = "bench-demo-password-1234";
/** Generated stories have ids FIRST_STORY_ID .. FIRST_STORY_ID + N - 1 (the demo's are below). */
export const FIRST_STORY_ID = 1001;
const COMMENTS_PER_STORY = 10;
const REPORTERS = 200;
const PHOTOS = 100;
/** What each database holds besides its stories (recorded in results.json with each run). */
export const DATASET_SHAPE = { sections: BENCH_SECTIONS.length, reporters: REPORTERS, photos: PHOTOS, commentsPerStory: COMMENTS_PER_STORY } as const;
const BATCH = 1_000;
const DAY = 86_400_000;

export interface BenchCluster {
  adminUrl: string;
  mediaDir: string;
  urlFor(database: string): string;
  /** A fresh copy of the cached database for `stories`, to be changed by a run. */
  copyOf(stories: number, name: string): Promise<string>;
  /** Removes a copy made by copyOf (nothing if it is not there). */
  dropCopy(name: string): Promise<void>;
  stop(): Promise<void>;
}

async function cacheKey(): Promise<string> {
  const migrations = (await readdir(path.join(process.cwd(), "prisma", "migrations"))).filter((name) => /^\d/.test(name)).sort();
  return `v${GENERATOR_VERSION}-${createHash("sha256").update(migrations.join("\n")).digest("hex").slice(0, 10)}`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts the cached cluster (creating it on first use) and generates the databases missing for `sizes`. */
export async function openBenchCluster(options: { cacheDir: string; sizes: number[]; log: (line: string) => void }): Promise<BenchCluster> {
  const folder = path.resolve(options.cacheDir, await cacheKey());
  const mediaDir = path.join(folder, "media");
  await mkdir(mediaDir, { recursive: true });
  // PostgreSQL runs as the `postgres` user when the bench runs as root: it must be able to enter.
  for (let dir = folder; dir !== path.dirname(dir) && dir.startsWith(path.resolve(options.cacheDir)); dir = path.dirname(dir)) await chmod(dir, 0o755);
  await chmod(path.resolve(options.cacheDir), 0o755);
  const database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.join(folder, "postgres"), port: await findFreePort(), password: "bench-only-password", database: "bench_admin", log: options.log });
  const adminUrl = database.urlFor("postgres");
  const manifestFile = path.join(folder, "generated.json");
  const manifest = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, "utf8")) as Record<string, number>) : {};
  try {
    for (const stories of options.sizes) {
      const name = `bench_${stories}`;
      if (manifest[name]) continue;
      const started = Date.now();
      await withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${name}`);
      });
      await generateDatabase(database.urlFor(name), stories, mediaDir, options.log);
      manifest[name] = Date.now() - started;
      await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
      options.log(`dataset ${name} generated in ${Math.round((Date.now() - started) / 1000)} s (cached in ${folder})`);
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    adminUrl,
    mediaDir,
    urlFor: database.urlFor,
    async copyOf(stories, name) {
      await withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${name} TEMPLATE bench_${stories} STRATEGY FILE_COPY`);
      });
      return database.urlFor(name);
    },
    dropCopy: (name) => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    stop: () => database.stop(),
  };
}

/** Times the dataset generation took, by database name (ms), from the cache's manifest. */
export async function generationTimes(cacheDir: string): Promise<Record<string, number>> {
  const file = path.join(cacheDir, await cacheKey(), "generated.json");
  return existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as Record<string, number>) : {};
}

async function generateDatabase(url: string, stories: number, mediaDir: string, log: (line: string) => void): Promise<void> {
  await applyMigrations(url);
  const db = createPrismaClient(url);
  try {
    // The demo seed loads the rights desk's server-only modules (lib/claims/demo-claim.ts).
    register(SERVER_ONLY_IS_EMPTY);
    await seedDemoNewsroom(db, { password: async () => BENCH_PASSWORD, storage: localDiskStorage(mediaDir) });
  } finally {
    await db.$disconnect();
  }
  await withClient(url, async (client) => {
    const editorId = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'editor@newsroom.test'`)).rows[0]!.id;
    const sectionIds = await insertSections(client);
    const reporterIds = await insertReporters(client);
    const photos = await insertPhotos(client, mediaDir, editorId);
    await insertStories(client, { stories, editorId, sectionIds, reporterIds, photos, log });
    log(`  ${stories * COMMENTS_PER_STORY} comments ...`);
    await client.query(
      `INSERT INTO "Comment" ("articleId", body, "guestName", "guestPasswordHash", "ipHash", status, "likeCount", "createdAt", "updatedAt")
       SELECT $1::int + (g % $2::int), ($3::text[])[1 + g % array_length($3::text[], 1)], '독자' || (g % 997), 'bench-not-a-hash',
              md5(g::text), 'VISIBLE', g % 7, timezone('UTC', now()) - make_interval(secs => g), timezone('UTC', now()) - make_interval(secs => g)
       FROM generate_series(0, $4::int - 1) AS g`,
      [FIRST_STORY_ID, stories, COMMENT_POOL, stories * COMMENTS_PER_STORY],
    );
    await client.query(`SELECT setval(pg_get_serial_sequence('"Article"', 'id'), (SELECT max(id) FROM "Article"))`);
    log("  ANALYZE ...");
    await client.query("VACUUM ANALYZE");
  });
}

async function insertSections(client: pg.Client): Promise<number[]> {
  await client.query(
    `INSERT INTO "Section" (slug, name, "sortOrder", "updatedAt") SELECT s.slug, s.name, s.ord, timezone('UTC', now()) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(slug, name, ord)
     ON CONFLICT DO NOTHING`,
    [BENCH_SECTIONS.map((s) => s.slug), BENCH_SECTIONS.map((s) => s.name)],
  );
  return (await client.query<{ id: number }>(`SELECT id FROM "Section" ORDER BY id`)).rows.map((row) => row.id);
}

async function insertReporters(client: pg.Client): Promise<string[]> {
  const ids = Array.from({ length: REPORTERS }, (_, n) => `benchreporter${n}`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, title, "bylineEmail", "updatedAt")
     SELECT id, id || '@newsroom.test', name, 'bench-no-sign-in', 'REPORTER', '기자', id || '@nuri-ilbo.test', timezone('UTC', now()) FROM unnest($1::text[], $2::text[]) AS r(id, name)`,
    [ids, ids.map((_, n) => reporterName(n))],
  );
  return ids;
}

/** 100 photo rows with real 480/960 px JPEG and WebP variants made from the demo photos. */
async function insertPhotos(client: pg.Client, mediaDir: string, uploaderId: string): Promise<BodyMediaLookup> {
  const demo = (await client.query<{ storageKey: string }>(`SELECT "storageKey" FROM "Media" ORDER BY "storageKey"`)).rows;
  const storage = localDiskStorage(mediaDir);
  const lookup = new Map<string, BodyMedia>();
  const rows: { id: string; key: string; width: number; height: number; bytes: number; variants: string }[] = [];
  for (let n = 0; n < PHOTOS; n += 1) {
    const source = demo[n % demo.length]!.storageKey;
    const original = (await storage.get(source))!;
    const key = `bench/photo-${n}.jpg`;
    const meta = await sharp(original).metadata();
    const variants = [];
    for (const width of [480, 960]) {
      const jpegKey = `bench/photo-${n % demo.length}-w${width}.jpg`;
      const webpKey = `bench/photo-${n % demo.length}-w${width}.webp`;
      const resized = sharp(original).resize({ width });
      if (!existsSync(path.join(mediaDir, jpegKey))) {
        await storage.put(jpegKey, await resized.clone().jpeg({ quality: 80 }).toBuffer(), "image/jpeg");
        await storage.put(webpKey, await resized.clone().webp({ quality: 75 }).toBuffer(), "image/webp");
      }
      variants.push({ width, height: Math.round(((meta.height ?? 0) * width) / (meta.width ?? 1)), jpegKey, webpKey });
    }
    if (!existsSync(path.join(mediaDir, key))) await storage.put(key, original, "image/jpeg");
    const id = `benchphoto${n}`;
    rows.push({ id, key, width: meta.width ?? 0, height: meta.height ?? 0, bytes: original.length, variants: JSON.stringify(variants) });
    lookup.set(id, { url: mediaUrl(key), width: meta.width ?? 0, height: meta.height ?? 0, variants });
  }
  await client.query(
    `INSERT INTO "Media" (id, "storageKey", "mimeType", "byteSize", width, height, "altText", caption, credit, variants, "uploaderId")
     SELECT id, key, 'image/jpeg', bytes, width, height, '현장 사진', '취재 현장의 모습.', '누리일보', variants::jsonb, $7 FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[]) AS m(id, key, bytes, width, height, variants)`,
    [rows.map((r) => r.id), rows.map((r) => r.key), rows.map((r) => r.bytes), rows.map((r) => r.width), rows.map((r) => r.height), rows.map((r) => r.variants), uploaderId],
  );
  return lookup;
}

async function insertStories(
  client: pg.Client,
  refs: { stories: number; editorId: string; sectionIds: number[]; reporterIds: string[]; photos: BodyMediaLookup; log: (line: string) => void },
): Promise<void> {
  const photoIds = [...refs.photos.keys()];
  const now = Date.now();
  // Spread over about two years, newest last (the highest id is the newest story).
  const spacing = Math.max(60_000, Math.floor((730 * DAY) / refs.stories));
  for (let start = 0; start < refs.stories; start += BATCH) {
    const columns = { id: [] as number[], headline: [] as string[], deck: [] as string[], slug: [] as string[], section: [] as number[], hero: [] as string[], author: [] as string[], json: [] as string[], html: [] as string[], text: [] as string[], version: [] as number[], published: [] as string[], searchHeadline: [] as string[], content: [] as string[], tokens: [] as string[] };
    for (let n = start; n < Math.min(refs.stories, start + BATCH); n += 1) {
      const id = FIRST_STORY_ID + n;
      const photo = photoIds[n % photoIds.length]!;
      const story = generateStory(n + 1, n % 3 === 0 ? photoIds[(n * 7) % photoIds.length]! : null);
      const body = articleBodySchema.parse(story.body);
      const rendered = renderArticleBody(body, refs.photos);
      const search = buildSearchDocument({ headline: story.headline, subHeadlines: story.subHeadlines, bodyText: rendered.text, heroCaption: "취재 현장의 모습." });
      columns.id.push(id);
      columns.headline.push(story.headline);
      columns.deck.push(JSON.stringify(story.subHeadlines));
      columns.slug.push(slugFor(story.headline));
      columns.section.push(refs.sectionIds[n % refs.sectionIds.length]!);
      columns.hero.push(photo);
      columns.author.push(refs.reporterIds[(n * 13) % refs.reporterIds.length]!);
      columns.json.push(JSON.stringify(body));
      columns.html.push(rendered.html);
      columns.text.push(rendered.text);
      columns.version.push(rendered.renderVersion);
      columns.published.push(new Date(now - (refs.stories - n) * spacing).toISOString());
      columns.searchHeadline.push(search.headline);
      columns.content.push(search.content);
      columns.tokens.push(JSON.stringify(search.tokens));
    }
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Article" (id, headline, "subHeadlines", slug, "sectionId", "heroImageId", "heroCaption", "heroCredit", "bodyJson", "bodyHtml", "bodyText", "renderVersion", status, "authorId", "createdAt", "updatedAt", "submittedAt", "approvedAt", "approvedById", "publishedAt")
       SELECT id, headline, ARRAY(SELECT jsonb_array_elements_text(deck::jsonb)), slug, section, hero, '취재 현장의 모습.', '누리일보', json::jsonb, html, body_text, version, 'PUBLISHED', author, published - interval '3 hours', published, published - interval '1 hour', published, $13, published
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::timestamp[]) AS s(id, headline, deck, slug, section, hero, author, json, html, body_text, version, published)`,
      [columns.id, columns.headline, columns.deck, columns.slug, columns.section, columns.hero, columns.author, columns.json, columns.html, columns.text, columns.version, columns.published, refs.editorId],
    );
    await client.query(
      `INSERT INTO "ArticleRevision" (id, "articleId", number, kind, "articleVersion", headline, "subHeadlines", "sectionId", "heroImageId", "heroCaption", "heroCredit", "tagNames", "bodyJson", "bodyHtml", "bodyText", "renderVersion", "createdById", "createdAt")
       SELECT 'benchrev' || a.id, a.id, 1, 'APPROVE', 1, a.headline, a."subHeadlines", a."sectionId", a."heroImageId", a."heroCaption", a."heroCredit", '{}', a."bodyJson", a."bodyHtml", a."bodyText", a."renderVersion", $3, a."approvedAt"
       FROM "Article" a WHERE a.id BETWEEN $1 AND $2`,
      [columns.id[0], columns.id.at(-1), refs.editorId],
    );
    await client.query(`UPDATE "Article" SET "liveRevisionId" = 'benchrev' || id WHERE id BETWEEN $1 AND $2`, [columns.id[0], columns.id.at(-1)]);
    await client.query(
      `INSERT INTO "ArticleSearchDocument" ("articleId", "revisionId", headline, content, tokens, "publishedAt", "updatedAt")
       SELECT id, 'benchrev' || id, headline, content, ARRAY(SELECT jsonb_array_elements_text(tokens::jsonb)), published, timezone('UTC', now())
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::timestamp[]) AS d(id, headline, content, tokens, published)`,
      [columns.id, columns.searchHeadline, columns.content, columns.tokens, columns.published],
    );
    await client.query("COMMIT");
    const done = Math.min(refs.stories, start + BATCH);
    if (done % 5_000 === 0 || done === refs.stories) refs.log(`  stories ${done.toLocaleString("en")} / ${refs.stories.toLocaleString("en")}`);
  }
}
