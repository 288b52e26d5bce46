import "server-only";
// The desk takes a 속보 banner down before its time (a wrong flash, a story that stopped being
// breaking). Check, conditional update, emit: the banner's end moves to now only if it is still
// up, and the event drops the banner from every instance's cached pages.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";

export async function endBreakingBanner(actor: StaffUser, id: number, now = new Date()): Promise<void> {
  // The banner is the desk's, as the approval that raised it was (403 before anything is read).
  assertCan(actor, "article.approve");
  await db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({ where: { id, breakingUntil: { gt: now } }, data: { breakingUntil: now } });
    if (count === 0) {
      const exists = await tx.article.count({ where: { id } });
      throw exists ? conflict("이 기사의 속보 배너는 이미 내려가 있습니다.") : notFound("기사를 찾을 수 없습니다.");
    }
    await emitDomainEvent(tx, { type: "article.breaking-ended", articleId: id, actorId: actor.id, at: now.toISOString() });
  });
}
