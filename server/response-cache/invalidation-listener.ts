// Keeps one process's response cache true to the database: every committed domain event (from
// this instance or any other) reaches it through PostgreSQL's LISTEN/NOTIFY and drops the
// entries it makes stale; a lost connection is re-established and the events written meanwhile
// are caught up; a timer drops what a scheduled story's publication changes, at its time, with
// no cron process (so does a 임시조치's end; its end is recorded once by a job:
// lib/takedowns/expire-takedowns.ts), another drops the 속보 banner from every page when its
// period ends, and a third drops the most-read boxes when their rankings move (most-read-watch.ts).
// The shared query memo (lib/cache/shared-query-memo.ts) follows the same invalidations. A CDN in front can be purged by the same tags through `onInvalidate`.
import pg from "pg";
import { isReaderChatter, READER_CHATTER_GRACE_MS, tagsForEvent, type StoredEvent } from "@/lib/cache/tags-for-event";
import { cacheTag } from "@/lib/cache/cache-tags";
import { sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { holdReadersUntilReplayed } from "@/lib/db/read-replicas";
import { watchMostRead } from "@/server/response-cache/most-read-watch";
import type { ResponseCache } from "@/server/response-cache/response-cache";

const DOMAIN_EVENTS_CHANNEL = "domain_events";
/** setTimeout cannot wait longer than about 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Events are read back this far before the moment the connection was lost. */
const CATCH_UP_MARGIN_MS = 10_000;

export interface InvalidationListener {
  stop(): Promise<void>;
  /** Resolves once the first LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  /** Drops the connection as a network failure would (tests of the catch-up). */
  simulateConnectionLoss(): void;
  /** How many times the most-read rankings have been compared so far (tests wait on it). */
  mostReadChecks(): number;
}

/**
 * The event a notification carries (the trigger sends `{id, type, payload}` when it fits in a
 * notification), or null when it carries only the id and must be read back.
 */
export function eventInNotification(message: string | undefined): StoredEvent | null {
  if (!message?.startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    if (typeof parsed !== "object" || parsed === null || !("type" in parsed) || typeof parsed.type !== "string") return null;
    return { type: parsed.type, payload: "payload" in parsed ? parsed.payload : null };
  } catch {
    return null;
  }
}

export function startInvalidationListener(options: {
  databaseUrl: string;
  /** Absent when only the shared query memo listens (RESPONSE_CACHE=off). */
  cache?: ResponseCache;
  log?: (line: string) => void;
  onInvalidate?: (tags: string[]) => void;
  reconnectDelayMs?: number;
  /** How often the most-read rankings are compared with the ones shown (most-read-watch.ts). */
  mostReadCheckMs?: number;
}): InvalidationListener {
  const { cache, log = () => undefined } = options;
  let client: pg.Client | undefined;
  let stopped = false;
  let lostAt: number | null = null;
  let scheduleTimer: NodeJS.Timeout | undefined;
  let breakingTimer: NodeJS.Timeout | undefined;
  /** The banner end the breaking timer last fired for: the next one is looked for after it. */
  let breakingFiredAt = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const invalidate = (tags: string[]) => {
    if (tags.length === 0) return;
    // First (synchronously): readers stop reading replicas that have not replayed this change yet.
    holdReadersUntilReplayed();
    cache?.invalidate(tags);
    sharedQueryMemo.invalidate(tags);
    options.onInvalidate?.(tags);
  };

  const mostRead = watchMostRead({ invalidate, log, intervalMs: options.mostReadCheckMs });

  async function applyEvents(rows: StoredEvent[]): Promise<void> {
    const chatter = rows.filter(isReaderChatter);
    if (chatter.length > 0) cache?.invalidateChatter(new Set(chatter.flatMap((row) => tagsForEvent(row))), READER_CHATTER_GRACE_MS);
    invalidate([...new Set(rows.filter((row) => !isReaderChatter(row)).flatMap((row) => tagsForEvent(row)))]);
    if (rows.some((row) => row.type.startsWith("article.") || row.type.startsWith("takedown."))) {
      await armScheduleTimer();
      await armBreakingTimer();
    }
  }

  async function readEvents(sql: string, params: unknown[]): Promise<StoredEvent[]> {
    if (!client) return [];
    return (await client.query<StoredEvent>(sql, params)).rows;
  }

  /**
   * Runs `fire` at `at` by this process's clock, never before. Node's timers can fire a
   * millisecond early, and the longest timer is ~24 days. Asking the database for the next time
   * then would be wrong: by PostgreSQL's clock the story may already be due, no longer "next",
   * and never be dropped. So the rest is waited out.
   */
  function fireAt(at: number, setTimer: (timer: NodeJS.Timeout) => void, fire: () => Promise<void>): void {
    const wait = () => {
      if (stopped || !client) return;
      const remaining = at - Date.now();
      if (remaining <= 0) return void fire();
      const timer = setTimeout(wait, Math.min(remaining, MAX_TIMER_MS));
      timer.unref();
      setTimer(timer);
    };
    const timer = setTimeout(wait, Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    timer.unref();
    setTimer(timer);
  }

  // The next moment a scheduled story becomes visible or a block (임시조치) ends: entries never
  // outlive it, and at that moment what it changes is dropped.
  async function armScheduleTimer(): Promise<void> {
    if (!client || stopped) return;
    const { rows } = await client.query<{ at: Date | null }>(
      `SELECT least(
         (SELECT min("publishedAt") FROM "Article" WHERE status = 'SCHEDULED' AND "liveRevisionId" IS NOT NULL AND "publishedAt" > now()),
         (SELECT min("endsAt") FROM "Takedown" WHERE status = 'ACTIVE' AND "endsAt" > now())
       ) AS at`,
    );
    const at = rows[0]?.at?.getTime() ?? null;
    cache?.setNextScheduledPublication(at);
    sharedQueryMemo.setNextScheduledPublication(at);
    clearTimeout(scheduleTimer);
    if (at !== null) fireAt(at, (timer) => (scheduleTimer = timer), () => scheduleDue(at));
  }

  async function scheduleDue(at: number): Promise<void> {
    if (!client) return;
    try {
      const { rows } = await client.query<{ id: number }>(
        `SELECT id FROM "Article" WHERE status = 'SCHEDULED' AND "publishedAt" <= now() AND "publishedAt" >= $1`,
        [new Date(at - 1_000)],
      );
      // Blocks whose time just ended, whether or not their job has recorded it yet.
      const ended = await client.query<{ articleId: number; commentId: number | null }>(
        `SELECT "articleId", "commentId" FROM "Takedown" WHERE "endsAt" <= now() AND "endsAt" >= $1 AND status IN ('ACTIVE', 'EXPIRED')`,
        [new Date(at - 1_000)],
      );
      const endedStories = ended.rows.filter((row) => row.commentId === null).map((row) => cacheTag.story(row.articleId));
      const endedComments = ended.rows.filter((row) => row.commentId !== null).map((row) => cacheTag.comments(row.articleId));
      invalidate([cacheTag.latest, cacheTag.corrections, ...rows.map((row) => cacheTag.story(row.id)), ...endedStories, ...endedComments]);
      await armScheduleTimer();
    } catch (error) {
      log(`response cache: scheduled publication check failed: ${String(error)}`);
    }
  }

  // The next moment a 속보 banner ends: pages showing a banner (the `breaking` tag) never outlive
  // it, and at that moment they are dropped, on every instance, with no event and no cron. Looked
  // for after the end last fired, by this process's clock, so a database clock a little behind
  // cannot make the timer fire again and again for the same moment.
  async function armBreakingTimer(): Promise<void> {
    if (!client || stopped) return;
    const { rows } = await client.query<{ at: Date | null }>(`SELECT min("breakingUntil") AS at FROM "Article" WHERE "breakingUntil" > $1`, [
      new Date(Math.max(Date.now(), breakingFiredAt)),
    ]);
    const at = rows[0]?.at?.getTime() ?? null;
    cache?.setNextBreakingEnd(at);
    clearTimeout(breakingTimer);
    if (at !== null) fireAt(at, (timer) => (breakingTimer = timer), () => breakingEnded(at));
  }

  async function breakingEnded(at: number): Promise<void> {
    breakingFiredAt = at;
    invalidate([cacheTag.breaking]);
    try {
      await armBreakingTimer();
    } catch (error) {
      log(`response cache: could not look for the next breaking banner's end: ${String(error)}`);
    }
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000 });
    next.on("error", () => handleLoss(next));
    next.on("end", () => handleLoss(next));
    next.on("notification", (message) => {
      const carried = eventInNotification(message.payload);
      if (carried) {
        void applyEvents([carried]).catch((error: unknown) => log(`response cache: could not apply an event: ${String(error)}`));
        return;
      }
      const id = Number(message.payload);
      if (!Number.isSafeInteger(id)) return;
      void readEvents(`SELECT type, payload FROM "DomainEvent" WHERE id = $1`, [id])
        .then(applyEvents)
        .catch((error: unknown) => {
          log(`response cache: could not read event ${id}; clearing the cache: ${String(error)}`);
          cache?.store.clear();
          sharedQueryMemo.clear();
        });
    });
    await next.connect();
    await next.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
    client = next;
    if (lostAt !== null) {
      // Events committed while we were not listening: read them back and apply them.
      const missed = await readEvents(`SELECT type, payload FROM "DomainEvent" WHERE "createdAt" >= $1 ORDER BY id`, [new Date(lostAt - CATCH_UP_MARGIN_MS)]);
      await applyEvents(missed);
      log(`response cache: listening again; caught up ${missed.length} events`);
      lostAt = null;
    }
    await armScheduleTimer();
    await armBreakingTimer();
    markReady();
  }

  function handleLoss(lost: pg.Client): void {
    if (stopped || client !== lost) return;
    client = undefined;
    lostAt ??= Date.now();
    log("response cache: lost the invalidation connection; reconnecting");
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      connect().catch((error: unknown) => {
        log(`response cache: reconnect failed (${String(error)}); trying again`);
        scheduleReconnect();
      });
    }, options.reconnectDelayMs ?? 1_000);
    reconnectTimer.unref();
  }

  connect().catch((error: unknown) => {
    lostAt ??= Date.now();
    log(`response cache: could not listen for invalidations yet (${String(error)}); retrying`);
    scheduleReconnect();
  });

  return {
    ready,
    mostReadChecks: () => mostRead.checks(),
    simulateConnectionLoss() {
      const current = client;
      if (current) {
        handleLoss(current);
        void current.end().catch(() => undefined);
      }
    },
    async stop() {
      stopped = true;
      mostRead.stop();
      clearTimeout(scheduleTimer);
      clearTimeout(breakingTimer);
      clearTimeout(reconnectTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
