import "server-only";
// A guest deletes their own comment with the password they chose. Guesses are throttled in
// PostgreSQL (the sign-in throttle's table and rules, lib/auth/login-throttle.ts), counted the
// way the sign-in's device-cookie scheme counts them (lib/auth/device-cookie.ts): per comment
// *and source* (5 wrong passwords within 15 minutes), and per source over all comments (10). A
// lock on one comment therefore holds only the source that guessed: an outsider's wrong guesses
// cannot keep the writer, from any other address, from deleting their comment. Guessing still
// costs: each source gets 5 tries at one comment, 10 in all, with locks doubling in a row; an
// IPv6 source's wider network (its /48) gets NETWORK_FACTOR times as many, so hopping between
// the /64s of one connection does not multiply the guesses.
// (No count per comment over all sources: that count is exactly what let anyone lock a comment
// for everyone; the password only ever deletes that one comment.) The check itself is argon2's
// constant-time comparison. Staff delete through moderation.ts.
import { clearThrottle, lockIfLimitReached, releaseAttempt, reserveAttempt, type Reservation } from "@/lib/auth/login-throttle";
import { deleteCommentSchema } from "@/lib/comments/comment-schemas";
import { verifyCommentPassword } from "@/lib/comments/comment-password";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { NETWORK_FACTOR } from "@/lib/comments/flood-rules";
import { db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { parseInput } from "@/lib/validation";

const SOURCE_LIMIT = 10;
const COMMENT_BY_SOURCE_LIMIT = 5;

function lockedError(reservations: Reservation[], now: Date): DomainError {
  const until = Math.max(...reservations.flatMap((r) => (r.allowed ? [] : [r.lockedUntil.getTime()])));
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new DomainError("LOCKED", `비밀번호를 너무 많이 틀렸습니다. ${Math.ceil(seconds / 60)}분 뒤에 다시 시도하세요.`, { retryAfterSeconds: seconds });
}

export async function deleteOwnComment(commentId: number, input: unknown, visitor: CommentVisitor, now = new Date()): Promise<void> {
  const { password } = parseInput(deleteCommentSchema, input);
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { id: true, articleId: true, status: true, guestPasswordHash: true } });
  if (!comment || comment.status === "DELETED") throw notFound("댓글을 찾을 수 없습니다.");

  const commentKey = `comment-delete:comment:${commentId}:source:${visitor.source}`;
  const reservations = [await reserveAttempt(`comment-delete:source:${visitor.source}`, SOURCE_LIMIT, now), await reserveAttempt(commentKey, COMMENT_BY_SOURCE_LIMIT, now)];
  // For IPv4 the network is the source: its limits are already counted.
  if (visitor.widerSource !== visitor.source) {
    reservations.push(
      await reserveAttempt(`comment-delete:network:${visitor.widerSource}`, SOURCE_LIMIT * NETWORK_FACTOR, now),
      await reserveAttempt(`comment-delete:comment:${commentId}:network:${visitor.widerSource}`, COMMENT_BY_SOURCE_LIMIT * NETWORK_FACTOR, now),
    );
  }
  if (reservations.some((r) => !r.allowed)) {
    await Promise.all(reservations.map(releaseAttempt));
    throw lockedError(reservations, now);
  }
  if (!(await verifyCommentPassword(comment.guestPasswordHash, password))) {
    for (const reservation of reservations) await lockIfLimitReached(reservation, now);
    throw new DomainError("FORBIDDEN", "비밀번호가 맞지 않습니다.", { reason: "password" });
  }
  // The right password: the attempts over all comments are given back, this comment's counts start over.
  const [sourceAttempt, , networkAttempt, networkCommentAttempt] = reservations;
  await Promise.all([
    ...[sourceAttempt, networkAttempt].map((reservation) => (reservation ? releaseAttempt(reservation) : undefined)),
    clearThrottle(commentKey),
    ...(networkCommentAttempt ? [clearThrottle(networkCommentAttempt.key)] : []),
  ]);

  await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({ where: { id: commentId, status: { not: "DELETED" } }, data: { status: "DELETED", hiddenReason: "writer" } });
    if (count === 0) throw notFound("댓글을 찾을 수 없습니다.");
    await emitDomainEvent(tx, { type: "comment.deleted", commentId, articleId: comment.articleId });
  });
}
