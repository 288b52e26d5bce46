// The response cache in front of Next.js: public pages and feeds are answered from memory,
// pre-compressed, every reader of a page getting the same bytes and headers (its CSP lists the
// hashes of its own inline scripts instead of a per-response nonce: page-script-hashes.ts);
// staff sessions, non-GET requests and anything that sets a cookie go to Next.js. Concurrent misses for one key render once.
// Entries are dropped by tag when domain events say their content changed
// (server/response-cache/invalidation-listener.ts), and never outlive the next scheduled
// publication.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { cacheTag } from "@/lib/cache/cache-tags";
import { nextKstMidnight } from "@/lib/format/korean-time";
import { CacheStore, type CachedResponse } from "@/server/response-cache/cache-store";
import { policyWithScriptHashes, scriptNonceIn } from "@/lib/security/content-security-policy";
import { hashNoncedScripts, headerWithoutNonce } from "@/server/response-cache/page-script-hashes";
import { cacheableRequest, chooseEncoding, type CacheableRequest, type Encoding } from "@/server/response-cache/request-rules";
import { storeBody, storedBodyIn } from "@/server/response-cache/stored-body";

/** What a render produced, captured whole. */
export interface CapturedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  tags: Set<string>;
}

/** What a miss is rendered from: the address with only the parameters its route reads, no cookies. */
export interface RenderRequest {
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
}

export type Render = (req: RenderRequest) => Promise<CapturedResponse>;

export interface ResponseCacheOptions {
  maxBytes: number;
  /** How long an entry may live when no event drops it first. */
  defaultTtlMs?: number;
  /** Not-found answers. */
  notFoundTtlMs?: number;
  /**
   * Counts readers change all the time (reactions, `liveCounts` tag): no event drops them (one
   * per click would cost more than the click), so they live this long, here and at a CDN.
   */
  liveCountsTtlMs?: number;
  /** `s-maxage` told to a CDN in front. */
  cdnMaxAgeSeconds?: number;
  /** Whether a session cookie's value is a live staff session (then Next.js answers); none is without it. */
  isSignedInSession?: (token: string) => Promise<boolean>;
  /**
   * A reader page's HTML without the Next.js runtime, loading the reader bundle instead
   * (reader-page-strip.ts), or null to keep it as rendered. None: pages are kept as rendered.
   */
  stripReaderPage?: (body: Buffer, path: string) => Buffer | null;
  /** Headers every answer carries whatever the page (Strict-Transport-Security on an https site). */
  siteHeaders?: Record<string, string>;
  now?: () => number;
}

// Headers worth replaying from a rendered response; everything else is per-response or ours.
const REPLAYED_HEADERS = ["content-type", "content-security-policy", "location", "x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "content-language", "link"];
// 451: a story under a 임시조치 (its notice is dropped with the story's tag when the block ends).
const CACHEABLE_STATUSES = new Set([200, 301, 308, 404, 410, 451]);
/**
 * How long after its lifetime ends an entry may still be answered while one render replaces it
 * (the stale-while-revalidate a CDN in front is told, too). Only entries whose lifetime alone
 * ended: a change, a scheduled publication, a banner's end or midnight make readers wait for
 * the new page.
 */
const REFRESH_GRACE_MS = 600_000;
/** Readers' changes to one tag per second that still drop its entries at once. */
const CALM_CHANGES_PER_SECOND = 3;

/**
 * HIT/MISS: answered from the cache. UPDATING: a copy whose lifetime has just run out, answered
 * while one render replaces it. STALE: an expired copy, because a fresh render failed (the
 * database is down, say). BYPASS: rendered and answered, not stored. PASS: not touched; the
 * caller answers.
 */
export type CacheOutcome = "HIT" | "MISS" | "UPDATING" | "STALE" | "BYPASS" | "PASS";

type Answer = { entry: CachedResponse; outcome: "MISS" | "STALE" } | null;
/** A render, and the entry made of it when its answer may be kept (see ResponseCache.renderAndKeep). */
type Kept = { captured: CapturedResponse; entry: CachedResponse | null };

export class ResponseCache {
  readonly store: CacheStore;
  private readonly pending = new Map<string, Promise<Answer>>();
  /** How often each tag changed in the current second (see invalidateChatter). */
  private readonly recentChanges = new Map<string, { since: number; count: number; stormyUntil: number }>();
  private nextScheduledAt: number | null = null;
  /** When the next 속보 banner ends: entries showing banners (the `breaking` tag) are not served past it. */
  private nextBreakingEndAt: number | null = null;
  private readonly options: Required<Omit<ResponseCacheOptions, "maxBytes">>;

  constructor(options: ResponseCacheOptions) {
    this.store = new CacheStore(options.maxBytes);
    this.options = {
      isSignedInSession: options.isSignedInSession ?? (() => Promise.resolve(false)),
      stripReaderPage: options.stripReaderPage ?? (() => null),
      siteHeaders: options.siteHeaders ?? {},
      defaultTtlMs: options.defaultTtlMs ?? 10 * 60_000,
      liveCountsTtlMs: options.liveCountsTtlMs ?? 2_000,
      notFoundTtlMs: options.notFoundTtlMs ?? 60_000,
      cdnMaxAgeSeconds: options.cdnMaxAgeSeconds ?? 60,
      now: options.now ?? Date.now,
    };
  }

  /** The next moment a scheduled story becomes public: no entry may be served past it. */
  setNextScheduledPublication(at: number | null): void {
    this.nextScheduledAt = at;
  }

  /** The next moment a 속보 banner ends (the listener drops the `breaking` tag then, too). */
  setNextBreakingEnd(at: number | null): void {
    this.nextBreakingEndAt = at;
  }

  invalidate(tags: Iterable<string>): number {
    this.forgetRendersInFlight();
    return this.store.invalidate(tags);
  }

  /**
   * Renders under way when something changed may show what was there before, so requests from
   * now on do not wait for them (they render anew); their own waiters still get their answer,
   * which is not kept (see CacheStore.ticket). Which pages a render touches is known only once it
   * is done, so every one is let go: a few more renders, only when the desk or a writer changed
   * something (not for readers' comments and likes: see invalidateChatter).
   */
  private forgetRendersInFlight(): void {
    this.pending.clear();
  }

  /**
   * For readers' own changes (comments, likes): entries holding a tag that changes now and then
   * are dropped at once; once a tag changes more than CALM_CHANGES_PER_SECOND times within a
   * second (a storm on a busy story), its entries are let expire within `graceMs` instead, so
   * they are rendered a few times a second at most rather than once per change.
   */
  invalidateChatter(tags: Iterable<string>, graceMs: number): void {
    const now = this.options.now();
    const calm: string[] = [];
    const stormy: string[] = [];
    for (const tag of tags) {
      const seen = this.recentChanges.get(tag);
      const current = seen && now - seen.since < 1_000 ? { ...seen, count: seen.count + 1 } : { since: now, count: 1, stormyUntil: seen?.stormyUntil ?? 0 };
      // A storm lasts until a second has passed without one: the counting window starting over
      // must not drop the entry at each second's first changes.
      if (current.count > CALM_CHANGES_PER_SECOND) current.stormyUntil = now + 1_000;
      this.recentChanges.set(tag, current);
      (now < current.stormyUntil ? stormy : calm).push(tag);
    }
    if (this.recentChanges.size > 10_000) {
      for (const [tag, seen] of this.recentChanges) if (now - seen.since >= 1_000 && now >= seen.stormyUntil) this.recentChanges.delete(tag);
    }
    // Renders in flight are still joined here: readers' chatter comes hundreds of times a second,
    // and a list a moment old is what the grace allows anyway (it is not kept: CacheStore.ticket).
    if (calm.length > 0) this.store.invalidate(calm);
    if (stormy.length > 0) this.store.expireWithin(stormy, graceMs, now);
  }

  /**
   * Answers `req` from the cache (rendering it once on a miss) when it is a cacheable public
   * request; returns "PASS" without touching `res` otherwise. A hit is answered before this
   * returns, and returns its outcome as it is: no promise, no callback queued, for the bulk of
   * the traffic (only a session cookie to verify, or a miss, makes it a promise).
   */
  handle(req: IncomingMessage, res: ServerResponse, render: Render, onOutcome: (outcome: CacheOutcome) => void = () => undefined): CacheOutcome | Promise<CacheOutcome> {
    const cacheable = cacheableRequest(req);
    if (!cacheable) return this.pass(onOutcome);
    if (cacheable.sessionToken === null) return this.answer(cacheable, req, res, render, onOutcome);
    return this.options.isSignedInSession(cacheable.sessionToken).then((signedIn) => (signedIn ? this.pass(onOutcome) : this.answer(cacheable, req, res, render, onOutcome)));
  }

  /**
   * Answers `req` from a fresh entry and returns that entry when it is a cacheable request
   * without a session cookie that the cache holds; returns null without touching `res` otherwise
   * (then `handle` does the rest). server/hit-lane.ts calls it first for every plain GET.
   */
  answerHit(req: IncomingMessage, res: ServerResponse): CachedResponse | null {
    const cacheable = cacheableRequest(req);
    if (!cacheable || cacheable.sessionToken !== null) return null;
    return this.sendFresh(cacheable.key, this.options.now(), req, res);
  }

  /**
   * Answers from the entry under `key` as a HIT when it is fresh at `now`, and returns it; returns
   * null without touching `res` otherwise. `onOutcome` is told before the answer is written: the
   * response's "finish" (where the access log and the metrics read it) can come first.
   */
  private sendFresh(key: string, now: number, req: IncomingMessage, res: ServerResponse, onOutcome?: (outcome: CacheOutcome) => void): CachedResponse | null {
    const cached = this.store.get(key, now);
    if (!cached) return null;
    this.store.stats.hits += 1;
    onOutcome?.("HIT");
    this.send(req, res, cached, "HIT");
    return cached;
  }

  private pass(onOutcome: (outcome: CacheOutcome) => void): "PASS" {
    this.store.stats.bypasses += 1;
    onOutcome("PASS");
    return "PASS";
  }

  private answer(cacheable: CacheableRequest, req: IncomingMessage, res: ServerResponse, render: Render, onOutcome: (outcome: CacheOutcome) => void): CacheOutcome | Promise<CacheOutcome> {
    const now = this.options.now();
    if (this.sendFresh(cacheable.key, now, req, res, onOutcome)) return "HIT";
    const expired = this.store.getRefreshable(cacheable.key, now);
    if (!expired) return this.renderOrWait(cacheable, req, res, render, onOutcome);
    // Readers of a busy page do not all wait for its new render, nor queue behind it.
    this.refreshInBackground(cacheable, req, render);
    onOutcome("UPDATING");
    this.send(req, res, expired, "UPDATING");
    return "UPDATING";
  }

  /** One render of an expired entry's page, stored when it may be; nobody waits for it here. */
  private refreshInBackground(cacheable: CacheableRequest, req: IncomingMessage, render: Render): void {
    const { key } = cacheable;
    if (this.pending.has(key)) return;
    this.store.stats.misses += 1;
    // A failed render leaves the expired copy in place (the next reader tries again).
    const refreshing: Promise<Answer> = this.renderAndKeep(key, renderRequestFor(cacheable, req), render)
      .then(({ entry }) => (entry ? { entry, outcome: "MISS" as const } : null))
      .catch(() => null)
      .finally(() => {
        if (this.pending.get(key) === refreshing) this.pending.delete(key);
      });
    this.pending.set(key, refreshing);
  }

  private async renderOrWait(cacheable: CacheableRequest, req: IncomingMessage, res: ServerResponse, render: Render, onOutcome: (outcome: CacheOutcome) => void): Promise<CacheOutcome> {
    const { key } = cacheable;
    this.store.stats.misses += 1;
    const renderRequest = renderRequestFor(cacheable, req);
    let waiting = this.pending.get(key);
    const leader = !waiting;
    if (!waiting) {
      const rendering: Promise<Answer> = this.renderAndStore(key, renderRequest, req, res, render, onOutcome).finally(() => {
        if (this.pending.get(key) === rendering) this.pending.delete(key);
      });
      waiting = rendering;
      this.pending.set(key, rendering);
    }
    const answer = await waiting;
    if (answer) {
      if (answer.outcome === "STALE") this.store.stats.staleServed += 1;
      onOutcome(answer.outcome);
      this.send(req, res, answer.entry, answer.outcome);
      return answer.outcome;
    }
    // Not cacheable: the leader has already answered with what was rendered for it; anyone who
    // waited renders for themselves (the answer may be personal, e.g. it sets a cookie).
    if (!leader) {
      const captured = await render(renderRequest);
      onOutcome("BYPASS");
      sendCaptured(res, captured, req.method === "HEAD");
    }
    return "BYPASS";
  }

  private async renderAndStore(
    key: string,
    renderRequest: RenderRequest,
    req: IncomingMessage,
    res: ServerResponse,
    render: Render,
    onOutcome: (outcome: CacheOutcome) => void,
  ): Promise<Answer> {
    let kept: Kept;
    try {
      kept = await this.renderAndKeep(key, renderRequest, render);
    } catch (error) {
      const stale = this.store.getStale(key, this.options.now());
      if (stale) return { entry: stale, outcome: "STALE" };
      throw error;
    }
    const { captured, entry } = kept;
    if (entry) return { entry, outcome: "MISS" };
    // A failed render (5xx) must not replace a page readers could still be given.
    if (captured.status >= 500) {
      const stale = this.store.getStale(key, this.options.now());
      if (stale) return { entry: stale, outcome: "STALE" };
    }
    onOutcome("BYPASS");
    sendCaptured(res, captured, req.method === "HEAD");
    return null;
  }

  /**
   * Renders `renderRequest` and, when the answer may be kept (not a failure, a cacheable status,
   * no cookie), makes it an entry and stores it under `key`; a change to what it shows since the
   * render began keeps it out of the store or shortens its life (CacheStore.set), but the entry is
   * still returned for those who waited for it.
   */
  private async renderAndKeep(key: string, renderRequest: RenderRequest, render: Render): Promise<Kept> {
    const ticket = this.store.ticket();
    const captured = await render(renderRequest);
    if (captured.status >= 500) return { captured, entry: null };
    const entry = this.toEntry(key, new URL(renderRequest.url, "http://cache.invalid").pathname, captured);
    if (entry) this.store.set(entry, ticket);
    return { captured, entry };
  }

  private toEntry(key: string, path: string, captured: CapturedResponse): CachedResponse | null {
    if (!CACHEABLE_STATUSES.has(captured.status) || captured.headers["set-cookie"] !== undefined) return null;
    // A page rendered with a nonce is stored with the hashes of the scripts that carried it
    // instead: the same bytes and policy for every reader, and for a CDN that keeps it.
    const csp = headerValue(captured.headers["content-security-policy"]);
    const nonce = csp === undefined ? null : scriptNonceIn(csp);
    // Stripped before hashing: the scripts left (the saved text size, JSON-LD) are all the policy
    // lists. Not-found and withdrawn-story pages too: readers reach them by links like any other.
    const isPage = (captured.status < 300 || captured.status >= 400) && (headerValue(captured.headers["content-type"]) ?? "").startsWith("text/html");
    const rendered = (isPage ? this.options.stripReaderPage(captured.body, path) : null) ?? captured.body;
    const page = nonce === null ? { body: rendered, scriptHashes: [] } : hashNoncedScripts(rendered, nonce);
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = headerValue(captured.headers[name]);
      if (value === undefined) continue;
      if (nonce === null) headers[name] = value;
      else headers[name] = name === "content-security-policy" ? (policyWithScriptHashes(value, page.scriptHashes) ?? value) : headerWithoutNonce(value, nonce);
    }
    const body = storeBody(page.body);
    const now = this.options.now();
    // A page whose data functions named nothing is assumed to show the newest stories: dropped on
    // every publication rather than kept stale.
    const tags = [...(captured.tags.size > 0 ? captured.tags : [cacheTag.latest]), cacheTag.site];
    // Pages showing the most-read boxes get the default lifetime: they are dropped when the rankings
    // move (server/response-cache/most-read-watch.ts).
    const ttl = captured.status === 404 ? this.options.notFoundTtlMs : captured.tags.has(cacheTag.liveCounts) ? this.options.liveCountsTtlMs : this.options.defaultTtlMs;
    const bannerEnd = captured.tags.has(cacheTag.breaking) ? (this.nextBreakingEndAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    // Every page prints today's date (and "Today" ranks since midnight): no entry outlives the day.
    const hardEnd = Math.min(this.nextScheduledAt ?? Number.POSITIVE_INFINITY, bannerEnd, nextKstMidnight(now));
    const expiresAt = Math.min(now + ttl, hardEnd);
    // Live counts are never answered past their seconds: a reader who just clicked sees the count.
    const refreshUntil = now + ttl < hardEnd && !captured.tags.has(cacheTag.liveCounts) ? Math.min(now + ttl + REFRESH_GRACE_MS, hardEnd) : 0;
    const etag = `W/"${createHash("sha1").update(body.identity).update(String(captured.status)).digest("base64url")}"`;
    Object.assign(headers, this.options.siteHeaders, this.cachingHeaders(etag, tags));
    return { key, path, status: captured.status, headers, body, etag, tags, storedAt: now, expiresAt, refreshUntil };
  }

  /** What a browser and a CDN are told about keeping an entry's answers (a 304 carries them too). */
  private cachingHeaders(etag: string, tags: string[]): Record<string, string> {
    return {
      etag,
      vary: "Accept-Encoding",
      // Browsers revalidate every time (a cheap 304); a CDN in front may keep it briefly and is
      // purged by tag (surrogate-key) when the content changes.
      "cache-control": tags.includes(cacheTag.liveCounts)
        ? // No purge follows a reader's click: a CDN keeps live counts no longer than we do. No
          // stale-while-revalidate: browsers obey it too, and Chromium then answers the bar's
          // fetch with the counts it kept while it revalidates them in the background, a request
          // whose end it never reports (DevTools shows it pending; the page never goes network-idle).
          `public, max-age=0, s-maxage=${Math.max(1, Math.round(this.options.liveCountsTtlMs / 1000))}`
        : `public, max-age=0, s-maxage=${this.options.cdnMaxAgeSeconds}, stale-while-revalidate=600`,
      "surrogate-key": tags.join(" "),
    };
  }

  /** Writes `entry` as the answer: its stored headers and one of its stored bodies, as they are. */
  private send(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, outcome: CacheOutcome): void {
    if (ifNoneMatchHits(req.headers["if-none-match"], entry.etag)) {
      res.writeHead(304, answerHeaders(entry, "304", outcome));
      res.end();
      return;
    }
    const encoding = chooseEncoding(req.headers["accept-encoding"]);
    let headers = answerHeaders(entry, encoding, outcome);
    if (headers.location) headers = { ...headers, location: withQueryOf(req, headers.location) };
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : bodyIn(entry, encoding));
  }
}

/** What a page is rendered from for everyone: the reader's cookies (a made-up session among them) play no part. */
function renderRequestFor(cacheable: CacheableRequest, req: IncomingMessage): RenderRequest {
  const { cookie: _cookie, ...headers } = req.headers;
  return { url: cacheable.url, headers, remoteAddress: req.socket.remoteAddress };
}

function bodyIn(entry: CachedResponse, encoding: Encoding): Buffer {
  return storedBodyIn(entry.body, encoding);
}

// The ones a 304 repeats (RFC 9110 15.4.5); the browser keeps the rest, the CSP among them, with its copy.
const REVALIDATION_HEADERS = ["etag", "vary", "cache-control", "surrogate-key", "strict-transport-security"];

/**
 * The whole header set of an answer from `entry`, made once per encoding (or 304) and outcome and
 * kept with the entry: a hit hands Node the same object every time.
 */
function answerHeaders(entry: CachedResponse, answer: Encoding | "304", outcome: CacheOutcome): Record<string, string> {
  // Looked up by the two names as they are: a hit builds no key.
  const made = ((entry.answerHeaders ??= {})[answer] ??= {});
  let headers = made[outcome];
  if (headers) return headers;
  if (answer === "304") {
    headers = Object.fromEntries(REVALIDATION_HEADERS.flatMap((name) => (entry.headers[name] === undefined ? [] : [[name, entry.headers[name]]])));
  } else {
    headers = { ...entry.headers };
    if (answer !== "identity") headers["content-encoding"] = answer;
    headers["content-length"] = String(bodyIn(entry, answer).length);
  }
  headers["x-cache"] = outcome;
  made[outcome] = headers;
  return headers;
}

/**
 * A redirect stored for the plain address, sent on with the query string the reader came with:
 * a shared link's `?utm_source=...` survives the canonical redirect (it was left out of the key).
 */
function withQueryOf(req: IncomingMessage, location: string): string {
  if (location.includes("?")) return location;
  // Parsed, so whatever raw bytes the request line held go out percent-encoded.
  return `${location}${new URL(req.url ?? "/", "http://cache.invalid").search}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

/** Replays a captured render as it was (for answers that may not be cached). */
function sendCaptured(res: ServerResponse, captured: CapturedResponse, headOnly: boolean): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(captured.headers)) {
    if (value === undefined || name === "transfer-encoding" || name === "connection" || name === "content-length") continue;
    headers[name] = value;
  }
  headers["content-length"] = String(captured.body.length);
  headers["x-cache"] = "BYPASS";
  res.writeHead(captured.status, headers);
  res.end(headOnly ? undefined : captured.body);
}
