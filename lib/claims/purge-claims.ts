import "server-only";
// The claimant's personal data is destroyed once the retention period after the claim's end has
// passed (개인정보 보호법 제21조): the period the admin sets now, or the one the claimant agreed to
// if that was shorter. Emptied: name, contacts, address, relation, their words (the passage, the
// requested text, the reason and their supplements), the source hash and every attachment. Kept:
// the evidence snapshot (what the paper published, unchanged), the kind, the dates and clocks, the
// desk's decisions and the publication. Open claims are never purged.
//
// Run by the job queue on a schedule (lib/claims/claim-jobs.ts) in every instance; each claim is
// emptied by one conditional UPDATE (`purgedAt IS NULL`), so two runs at once never purge, or
// record, a claim twice.
import { readClaimSettings } from "@/lib/claims/claim-settings";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";

const BATCH = 200;

/** Purges one batch of expired claims; returns their ids. */
async function purgeBatch(now: Date): Promise<number[]> {
  return db.$transaction(async (tx) => {
    const { retentionDays } = await readClaimSettings(tx);
    const rows = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "RightsClaim" SET
        "claimantName" = NULL, "claimantEmail" = NULL, "claimantPhone" = NULL, "claimantAddress" = NULL,
        "relation" = NULL, "relationDetail" = NULL, "disputedPassage" = NULL, "requestedText" = NULL,
        "reason" = NULL, "storyReference" = NULL, "sourceHash" = NULL, "purgedAt" = ${now}, "updatedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "RightsClaim"
        WHERE "purgedAt" IS NULL AND "closedAt" IS NOT NULL
          AND "closedAt" + make_interval(days => LEAST("retentionDays", ${retentionDays}::int)) < ${now}
        ORDER BY "closedAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ) AND "purgedAt" IS NULL
      RETURNING "id"`;
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return ids;
    await tx.rightsClaimAttachment.deleteMany({ where: { claimId: { in: ids } } });
    // The claimant's own words in the history (their claim's receipt carries none; supplements do).
    await tx.rightsClaimAction.updateMany({ where: { claimId: { in: ids }, actorId: null, action: "supplement" }, data: { note: null } });
    for (const id of ids) await emitDomainEvent(tx, { type: "claim.purged", claimId: id, at: now.toISOString() });
    return ids;
  });
}

/** Purges every claim past its retention; returns how many. */
export async function purgeExpiredClaims(now = new Date()): Promise<number> {
  let purged = 0;
  for (;;) {
    const ids = await purgeBatch(now);
    purged += ids.length;
    if (ids.length < BATCH) return purged;
  }
}
