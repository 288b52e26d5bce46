import "server-only";
// A reader posts a comment. The path is kept short because it must take hundreds of posts a
// second on two cores (so it runs its statements on pg directly, lib/db/sql.ts):
// 1. one query reads the whole context: the story (public now? comments closed?), an active ban
//    on the source, the comment rules, the blocked-word list's and the staff list's versions and
//    the source's last post (an early answer for the common flood case, before any hashing);
// 2. outside any transaction: the nickname and blocked-word checks (compiled in memory per list
//    version) and the password hash;
// 3. one short transaction: an advisory lock per wider network (an IPv6 /48, an IPv4 address:
//    lib/comments/comment-source.ts), one statement that inserts the comment and reads what the
//    source and its network had done before it (judged by flood-rules.ts; a refusal rolls the
//    insert back), and the `comment.posted` event.
// The lock makes the limits exact under concurrency and across app instances: two posts from one
// network are judged one after the other, each seeing the other's committed row; different
// networks never wait for each other.
import { createHash } from "node:crypto";
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { BLOCKED_WORDS_VERSION_KEY, blockedWordMatcher, COMMENT_LOCK_NAMESPACE, versionFrom } from "@/lib/comments/blocked-word-list";
import { hashCommentPassword } from "@/lib/comments/comment-password";
import { postCommentSchema } from "@/lib/comments/comment-schemas";
import { COMMENT_SETTINGS_KEY, commentSettingsFrom, type CommentSettings } from "@/lib/comments/comment-settings";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { countLinks } from "@/lib/comments/comment-text";
import { judgeFlood, judgeNetworkFlood, type NetworkActivity, type SourceActivity } from "@/lib/comments/flood-rules";
import { IMPERSONATION_MESSAGES, impersonationCheck } from "@/lib/comments/staff-nickname-check";
import { toPublicComment, type PublicComment } from "@/lib/comments/public-comment";
import type pg from "pg";
import { inSqlTransaction, runPooledSql, runSql } from "@/lib/db/sql";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { domainEventInsertFrom } from "@/lib/events/domain-events";
import { formatKstMinute } from "@/lib/format/korean-time";
import { parseInput } from "@/lib/validation";

type HeldReason = "blocked-word" | "links";

export interface PostedComment {
  id: number;
  status: "VISIBLE" | "HELD";
  /** Why the comment waits for the desk, when it does. */
  heldReason: HeldReason | null;
  /** The comment as readers will see it, so the writer's page can show it at once. */
  comment: PublicComment;
}

interface PostingContext {
  commentsClosed: boolean;
  bannedUntil: Date | null;
  settings: unknown;
  wordsVersion: unknown;
  /** Changes whenever a staff member's name, title or active flag may have (see staff-nickname-check.ts). */
  staffVersion: string;
  lastPostAt: Date | null;
}

async function loadPostingContext(articleId: number, source: string, now: Date): Promise<PostingContext | null> {
  const rows = await runPooledSql<PostingContext>(Prisma.sql`
    SELECT a."commentsClosed",
      (SELECT max(b."expiresAt") FROM "CommentBan" b WHERE b."ipHash" = ${source} AND b."expiresAt" > ${now}) AS "bannedUntil",
      (SELECT s."value" FROM "SiteSetting" s WHERE s."key" = ${COMMENT_SETTINGS_KEY}) AS "settings",
      (SELECT s."value" FROM "SiteSetting" s WHERE s."key" = ${BLOCKED_WORDS_VERSION_KEY}) AS "wordsVersion",
      (SELECT count(*)::text || '@' || coalesce(max(u."updatedAt")::text, '') FROM "User" u) AS "staffVersion",
      (SELECT c."createdAt" FROM "Comment" c WHERE c."ipHash" = ${source} ORDER BY c."createdAt" DESC LIMIT 1) AS "lastPostAt"
    FROM "Article" a
    WHERE a."id" = ${articleId} AND ${publiclyVisibleSql("a", now)}`, { prepared: true });
  return rows[0] ?? null;
}

interface NewComment {
  articleId: number;
  body: string;
  nickname: string;
  passwordHash: string;
  source: string;
  widerSource: string;
  status: "VISIBLE" | "HELD";
  heldReason: HeldReason | null;
}

type NetworkColumns = { [K in keyof NetworkActivity as `network${Capitalize<K>}`]: NetworkActivity[K] };

/**
 * Inserts the comment and, in the same statement, reads what its source and its wider network
 * had done before it (the statement's snapshot does not include its own insert). Run under the
 * network's lock; when the flood rules then refuse, the caller throws and the transaction rolls
 * the insert back. One statement instead of reads and an insert: this path is measured in round
 * trips. For IPv4 the network is the source: its activity is not read twice (`network` is null).
 */
async function insertReadingActivity(
  tx: pg.PoolClient,
  comment: NewComment,
  fingerprint: string,
  settings: CommentSettings,
  now: Date,
): Promise<{ id: number; activity: SourceActivity; network: NetworkActivity | null }> {
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const duplicateSince = new Date(now.getTime() - settings.duplicateWindowMinutes * 60_000);
  const intervalStart = new Date(now.getTime() - settings.minIntervalSeconds * 1000);
  const since = new Date(Math.min(hourAgo.getTime(), duplicateSince.getTime(), intervalStart.getTime()));
  const sameText = Prisma.sql`c."createdAt" > ${duplicateSince} AND ${commentFingerprintSql} = ${fingerprint}`;
  const thisHourOnStory = Prisma.sql`c."articleId" = ${comment.articleId} AND c."createdAt" > ${hourAgo}`;
  const readNetwork = comment.widerSource !== comment.source;
  const networkCte = readNetwork
    ? Prisma.sql`, "network" AS (
      SELECT count(*) FILTER (WHERE c."createdAt" > ${intervalStart})::int AS "networkPostsInInterval",
        min(c."createdAt") FILTER (WHERE c."createdAt" > ${intervalStart}) AS "networkOldestInInterval",
        count(*) FILTER (WHERE ${thisHourOnStory})::int AS "networkPostsThisHourOnStory",
        min(c."createdAt") FILTER (WHERE ${thisHourOnStory}) AS "networkOldestThisHourOnStory",
        max(c."createdAt") FILTER (WHERE ${sameText}) AS "networkSameTextAt"
      FROM "Comment" c
      WHERE c."networkHash" = ${comment.widerSource} AND c."createdAt" > ${since}
    )`
    : Prisma.empty;
  const rows = await runSql<{ id: number } & SourceActivity & Partial<NetworkColumns>>(
    tx,
    Prisma.sql`
    WITH "activity" AS (
      SELECT max(c."createdAt") AS "lastPostAt",
        count(*) FILTER (WHERE ${thisHourOnStory})::int AS "postsThisHourOnStory",
        min(c."createdAt") FILTER (WHERE ${thisHourOnStory}) AS "oldestThisHourOnStory",
        max(c."createdAt") FILTER (WHERE ${sameText}) AS "sameTextAt"
      FROM "Comment" c
      WHERE c."ipHash" = ${comment.source} AND c."createdAt" > ${since}
    )${networkCte}, "inserted" AS (
      INSERT INTO "Comment" ("articleId", "body", "guestName", "guestPasswordHash", "ipHash", "networkHash", "status", "hiddenReason", "createdAt", "updatedAt")
      VALUES (${comment.articleId}, ${comment.body}, ${comment.nickname}, ${comment.passwordHash}, ${comment.source}, ${comment.widerSource}, ${comment.status}::"CommentStatus", ${comment.heldReason}, ${now}, ${now})
      RETURNING "id"
    ), "event" AS (
      ${domainEventInsertFrom({ type: "comment.posted", commentId: 0, articleId: comment.articleId, status: comment.status }, "inserted", { commentId: "id" })}
    )
    SELECT "inserted"."id", "activity".*${readNetwork ? Prisma.sql`, "network".*` : Prisma.empty} FROM "inserted", "activity"${readNetwork ? Prisma.sql`, "network"` : Prisma.empty}`,
    { prepared: true },
  );
  const row = rows[0];
  if (!row) throw new Error("comment insert returned no row");
  const { id, lastPostAt, postsThisHourOnStory, oldestThisHourOnStory, sameTextAt } = row;
  const network = readNetwork
    ? {
        postsInInterval: row.networkPostsInInterval ?? 0,
        oldestInInterval: row.networkOldestInInterval ?? null,
        postsThisHourOnStory: row.networkPostsThisHourOnStory ?? 0,
        oldestThisHourOnStory: row.networkOldestThisHourOnStory ?? null,
        sameTextAt: row.networkSameTextAt ?? null,
      }
    : null;
  return { id, activity: { lastPostAt, postsThisHourOnStory, oldestThisHourOnStory, sameTextAt }, network };
}

// "The same text" ignores ASCII case, spacing and ASCII punctuation, so "좋은 기사!!" and
// "좋은기사" are one text. Written identically in SQL (for stored comments) and JavaScript (for
// the new one), with explicit ASCII sets so the database's locale cannot make them disagree.
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const NOISE = "[ \n!-/:-@\\[-`{-~]+";
const commentFingerprintSql = Prisma.sql`regexp_replace(translate(c."body", ${UPPER}, ${LOWER}), ${NOISE}, '', 'g')`;

export function commentFingerprint(body: string): string {
  return body.replace(/[A-Z]/g, (letter) => letter.toLowerCase()).replace(new RegExp(NOISE, "g"), "");
}

/** The advisory lock key of a source or network: 32 bits of a hash of it (itself a salted hash). */
function sourceLockKey(source: string): number {
  return createHash("sha1").update(source).digest().readInt32BE(0);
}

function tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError("LOCKED", message, { retryAfterSeconds });
}

/** Posts a guest's comment on story `articleId`; see the notes at the top for what is checked. */
export async function postComment(articleId: number, input: unknown, visitor: CommentVisitor, now = new Date()): Promise<PostedComment> {
  const { nickname, password, body } = parseInput(postCommentSchema, input);
  const context = await loadPostingContext(articleId, visitor.source, now);
  if (!context) throw notFound("기사를 찾을 수 없습니다.");
  if (context.commentsClosed) throw new DomainError("FORBIDDEN", "이 기사는 댓글을 닫았습니다.", { reason: "closed" });
  if (context.bannedUntil) {
    throw new DomainError("FORBIDDEN", `운영 원칙을 어긴 댓글 때문에 ${formatKstMinute(context.bannedUntil)}까지 댓글을 쓸 수 없습니다.`, { reason: "banned" });
  }
  const settings = commentSettingsFrom(context.settings);
  const early = judgeFlood({ lastPostAt: context.lastPostAt, postsThisHourOnStory: 0, oldestThisHourOnStory: null, sameTextAt: null }, settings, now);
  if (!early.allowed) throw tooManyRequests(early.message, early.retryAfterSeconds);

  const impersonation = (await impersonationCheck(context.staffVersion))(nickname);
  if (impersonation) throw invalid(IMPERSONATION_MESSAGES[impersonation], { fieldErrors: { nickname: IMPERSONATION_MESSAGES[impersonation] } });
  const matcher = await blockedWordMatcher(versionFrom(context.wordsVersion));
  if (matcher.findBlockedWord(nickname)) throw invalid("닉네임에 쓸 수 없는 표현이 있습니다.", { fieldErrors: { nickname: "닉네임에 쓸 수 없는 표현이 있습니다." } });
  let heldReason: HeldReason | null = null;
  const hit = matcher.findBlockedWord(body);
  if (hit) {
    if (settings.blockedWordAction === "reject") throw invalid("욕설이나 비하 표현이 있어 등록할 수 없습니다. 고쳐서 다시 써주세요.", { fieldErrors: { body: "쓸 수 없는 표현이 있습니다." } });
    heldReason = "blocked-word";
  } else if (countLinks(body) > settings.maxLinks) {
    heldReason = "links";
  }
  const passwordHash = await hashCommentPassword(password);
  const status = heldReason ? "HELD" : "VISIBLE";

  // Three round trips: BEGIN with the source's lock; the insert with its activity read and its
  // event; COMMIT (or ROLLBACK when the flood rules refuse, which takes the event back too).
  return inSqlTransaction(
    async (tx) => {
      const comment = { articleId, body, nickname, passwordHash, source: visitor.source, widerSource: visitor.widerSource, status, heldReason } as const;
      const { id, activity, network } = await insertReadingActivity(tx, comment, commentFingerprint(body), settings, now);
      for (const verdict of [judgeFlood(activity, settings, now), ...(network ? [judgeNetworkFlood(network, settings, now)] : [])]) {
        if (!verdict.allowed) throw tooManyRequests(verdict.message, verdict.retryAfterSeconds);
      }
      const shown = toPublicComment({ id, guestName: nickname, ipHash: visitor.source, body, likeCount: 0, createdAt: now });
      return { id, status, heldReason, comment: shown };
    },
    // The wider network's lock (for IPv4, the address's): its sources are judged one after the
    // other, so the network's limits hold exactly too.
    { advisoryLock: [COMMENT_LOCK_NAMESPACE, sourceLockKey(visitor.widerSource)] },
  );
}
