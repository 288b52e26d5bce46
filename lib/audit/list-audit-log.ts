import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";

const PAGE_SIZE = 50;

/** The newest audit records first, a page at a time, for admins. */
export async function listAuditLog(actor: StaffUser, options: { page?: number; action?: string } = {}) {
  assertCan(actor, "audit.read");
  // Bounded: a page far past the end is simply empty, and `skip` stays a sane integer.
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), 100_000);
  const where = options.action ? { action: { startsWith: options.action } } : {};
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
