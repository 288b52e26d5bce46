// Hostile addresses for every page and GET route of the app (reader and newsroom), as nobody and
// as each staff role: generated path segments (real ids and slugs mixed with NUL, broken
// escapes, huge numbers, path tricks, long Hangul ...) and query strings (the names each file
// reads, repeated names, undecodable escapes). Whatever arrives, the answer is never a 5xx, and
// no reader address shows a story that must not be public. The routes are found from the app/
// tree (tests/support/page-routes.ts), so a new page is fuzzed by existing.
//
// Runs per route and caller: FUZZ_RUNS, else 12 (the CI's count, as for the API fuzz).
import { fc, it } from "@fast-check/vitest";
import { beforeAll, describe, expect, inject } from "vitest";
import { createFuzzCallers, FUZZ_CALLERS, fuzzRuns, type FuzzCaller, type FuzzCallers } from "../support/fuzz-callers";
import { hostileSegment, hostileString } from "../support/hostile-input";
import { discoverPageRoutes, fillPattern, type DynamicSegment, type PageRoute } from "../support/page-routes";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { expectNoPlantedStory } from "../support/planted-stories";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const RUNS = fuzzRuns(12);
const ROUTES = discoverPageRoutes();

// Parameter names every page might read, beside the ones found in each page's source.
const COMMON_QUERY_NAMES = ["page", "q", "cursor", "sort", "limit", "status", "view", "id", "v", "callbackUrl", "__proto__", "_rsc"];

/** Query strings no URLSearchParams would write: bad escapes, empty names, bracket names. */
const RAW_QUERY_JUNK = ["%", "%ZZ", "q=%E0%A4%A", "=", "&&&", "page[]=1&page[]=2", "q=%00", "page=%00", "page=1e309", "page=-0", "cursor=..%2F..", "a=%C0%AF"];

interface RealValues {
  articleIds: string[];
  sectionSlugs: string[];
  tagSlugs: string[];
  userIds: string[];
  mediaKeys: string[];
}

const real: RealValues = { articleIds: [], sectionSlugs: [], tagSlugs: [], userIds: [], mediaKeys: [] };

/** The real values that make sense for a segment (what a real address would carry there). */
function realValuesFor(segment: DynamicSegment): () => string[] {
  switch (`${segment.after}/${segment.name}`) {
    case "articles/id":
      return () => real.articleIds;
    case "articles/slug":
      return () => ["planted", "x", "%EA%B8%B0%EC%82%AC"];
    case "articles/file": // /og/articles/<id>.jpg
      return () => real.articleIds.map((id) => `${id}.jpg`);
    case "sections/slug":
      return () => real.sectionSlugs;
    case "tags/slug":
      return () => real.tagSlugs.map(encodeURIComponent);
    case "reporters/id":
    case "staff/id":
      return () => real.userIds;
    case "sitemaps/file":
      return () => ["pages.xml", "reporters.xml", "articles-1.xml", "articles-0.xml"];
    case "media/key":
      return () => real.mediaKeys;
    default:
      return () => [...real.articleIds, ...real.sectionSlugs, ...real.userIds];
  }
}

function segmentValues(segment: DynamicSegment): fc.Arbitrary<string[]> {
  const one = hostileSegment(realValuesFor(segment));
  if (segment.kind === "one") return one.map((value) => [value]);
  // A media key is several folders deep; an optional catch-all may be absent.
  const parts = segment.after === "media" ? one.map((value) => value.split("/")) : one.map((value) => [value]);
  return fc.array(parts, { minLength: segment.kind === "catch-all" ? 1 : 0, maxLength: 3 }).map((lists) => lists.flat());
}

function hostileQueryFor(route: PageRoute): fc.Arbitrary<string> {
  const names = fc.constantFrom(...new Set([...route.queryNames, ...COMMON_QUERY_NAMES]));
  const pairs = fc
    .array(fc.tuple(names, hostileString.map((value) => value.slice(0, 2000))), { maxLength: 4 })
    .map((entries) => {
      try {
        return new URLSearchParams(entries).toString();
      } catch {
        return "";
      }
    });
  return fc.oneof({ weight: 4, arbitrary: pairs }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_JUNK) }, { weight: 1, arbitrary: fc.constant("") });
}

// Addresses that once answered 500 or no HTTP answer at all, tried on every run: a NUL in a
// section's or tag's slug; ?page=1e309 on the comment desk; a repeated callbackUrl on /login; a
// 10 KB query that the sign-in redirect encoded again into a 16 KB Location header.
const KNOWN_HOSTILE_QUERIES = ["page=1e309", "page=%00", "callbackUrl=&callbackUrl=", new URLSearchParams([["reason", "가".repeat(1000)], ["reason", "가".repeat(100)]]).toString()];

function knownHostileExamples(route: PageRoute): [string[][], string][] {
  if (route.dynamic.length === 0) return KNOWN_HOSTILE_QUERIES.map((query) => [[], query]);
  const withSegment = (segment: string) => route.dynamic.map(() => [segment]);
  return [...["%00", "a%00b"].map((segment): [string[][], string] => [withSegment(segment), ""]), ...KNOWN_HOSTILE_QUERIES.map((query): [string[][], string] => [withSegment("1"), query])];
}

async function open(url: string, cookie: string | undefined) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = /text|xml|json|javascript/.test(type) ? bytes.toString("utf8") : "";
  return { status: response.status, text };
}

describe("every page and GET route survives hostile addresses as every caller", () => {
  const planting = plantStoriesInTheApp(databaseUrl);
  let callers: FuzzCallers;

  beforeAll(async () => {
    const { db, planted } = planting;
    callers = await createFuzzCallers(db, baseUrl);
    const [articles, sections, tags, media] = await Promise.all([
      db.article.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 20 }),
      db.section.findMany({ select: { slug: true } }),
      db.tag.findMany({ select: { slug: true }, take: 20 }),
      db.media.findMany({ select: { storageKey: true }, take: 5 }),
    ]);
    real.articleIds = [...new Set([...articles.map((a) => String(a.id)), ...Object.values(planted.ids).map(String)])];
    real.sectionSlugs = [...new Set([...sections.map((s) => s.slug), planted.sectionSlug])];
    real.tagSlugs = [...new Set([...tags.map((t) => t.slug), planted.tagSlug, ...planted.privateTags.map((t) => t.slug)])];
    real.userIds = [planted.authorId, ...Object.values(callers.userIds)];
    real.mediaKeys = media.map((m) => m.storageKey);
  }, 120_000);

  it("finds the app's pages and routes in app/", () => {
    const patterns = ROUTES.map((route) => route.pattern);
    // A few that must be there, of each kind: reader pages, newsroom pages, GET routes.
    expect(patterns).toEqual(expect.arrayContaining(["/", "/sections/[slug]", "/tags/[slug]", "/articles/[id]/[[...slug]]", "/newsroom/articles/[id]", "/login", "/feed.xml", "/sections/[slug]/feed.xml", "/media/[...key]"]));
    expect(patterns.filter((pattern) => pattern.startsWith("/api"))).toEqual([]);
    expect(ROUTES.length).toBeGreaterThanOrEqual(25);
  });

  for (const route of ROUTES) {
    for (const caller of FUZZ_CALLERS) {
      it.prop([fc.tuple(...route.dynamic.map(segmentValues)), hostileQueryFor(route)], { numRuns: RUNS, examples: knownHostileExamples(route) })(
        `GET ${route.pattern} as ${caller}`,
        async (values, query) => {
          const url = `${baseUrl}${fillPattern(route, values)}${query ? `?${query}` : ""}`;
          const answer = await open(url, callers.cookieFor(caller as FuzzCaller));
          expect(answer.status, `${url.slice(0, 300)} -> ${answer.text.slice(0, 300)}`).toBeLessThan(500);
          // Reader addresses show nothing that must not be public, whoever asks and whatever the address.
          if (!route.newsroom && answer.text) expectNoPlantedStory(planting.planted, answer.text, url.slice(0, 200));
        },
      );
    }
  }
});
