import "server-only";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId?: string | null;
  /** What happened, e.g. "auth.login.failure", "staff.role.change", "article.approve". */
  action: string;
  targetType?: string;
  targetId?: string | number;
  ipHash?: string;
  detail?: Prisma.InputJsonValue;
}

/** Writes one audit record; pass the transaction client to make it part of the change it records. */
export async function recordAudit(entry: AuditEntry, client: DbTransaction = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
      ipHash: entry.ipHash,
      detail: entry.detail,
    },
  });
}
