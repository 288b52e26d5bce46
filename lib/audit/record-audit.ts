import "server-only";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { writeAuditEntry, type AuditEntry } from "@/lib/audit/audit-consumer";

/** Writes one audit record; pass the transaction client to make it part of the change it records. */
export async function recordAudit(entry: AuditEntry, client: DbTransaction = db): Promise<void> {
  await writeAuditEntry(client, entry);
}
