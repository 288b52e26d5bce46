import "server-only";
// What the desk reads: per story, where it went (which revision, when, with what result) and
// what it may do there; per destination, the log with filters and the failures waiting.
import type { StaffUser } from "@/lib/auth/staff-user";
import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PortalAction, PortalTransmissionStatus } from "@/lib/generated/prisma/enums";
import { searchTermSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

const rowSelect = {
  id: true,
  articleId: true,
  action: true,
  status: true,
  revisionNumber: true,
  category: true,
  reason: true,
  lastError: true,
  responseStatus: true,
  attempts: true,
  nextAttemptAt: true,
  correctionType: true,
  correctionNote: true,
  createdAt: true,
  sentAt: true,
  requestedBy: { select: { name: true } },
} as const satisfies Prisma.PortalTransmissionSelect;

export type TransmissionRow = Prisma.PortalTransmissionGetPayload<{ select: typeof rowSelect }>;

/** Every destination with this story's transmissions there (newest first) and whether it is held. */
export async function getStoryTransmissions(actor: StaffUser, articleId: number) {
  assertCan(actor, "portal.read");
  const [destinations, rows, holds] = await Promise.all([
    db.portalDestination.findMany({ select: { id: true, name: true, kind: true, active: true }, orderBy: { id: "asc" } }),
    db.portalTransmission.findMany({ where: { articleId }, orderBy: { id: "desc" }, select: { ...rowSelect, destinationId: true } }),
    db.portalHold.findMany({ where: { articleId }, select: { destinationId: true } }),
  ]);
  const held = new Set(holds.map((hold) => hold.destinationId));
  return destinations.map((destination) => ({ destination, held: held.has(destination.id), rows: rows.filter((row) => row.destinationId === destination.id) }));
}

export type StoryTransmissions = Awaited<ReturnType<typeof getStoryTransmissions>>;

export interface LogFilters {
  status?: PortalTransmissionStatus;
  action?: PortalAction;
  /** Words of the headline. */
  q?: string;
  page?: number;
}

const PAGE_SIZE = 50;

/** A destination's transmissions, newest first, filtered; with the counts by status and the failures waiting. */
export async function getDestinationLog(actor: StaffUser, destinationId: number, filters: LogFilters = {}) {
  assertCan(actor, "portal.read");
  const destination = await db.portalDestination.findUnique({ where: { id: destinationId }, select: { id: true, name: true, kind: true, active: true, lastFetchedAt: true } });
  if (!destination) throw notFound("송고처를 찾을 수 없습니다.");
  const q = parseInput(searchTermSchema, filters.q || undefined);
  const where: Prisma.PortalTransmissionWhereInput = {
    destinationId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(q ? { article: { headline: { contains: q, mode: "insensitive" } } } : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const withStory = { ...rowSelect, article: { select: { headline: true } } } as const;
  const [rows, total, counts, failures] = await Promise.all([
    db.portalTransmission.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: withStory }),
    db.portalTransmission.count({ where }),
    db.portalTransmission.groupBy({ by: ["status"], where: { destinationId }, _count: { _all: true } }),
    db.portalTransmission.findMany({
      where: { destinationId, OR: [{ status: "DEAD" }, { status: "PENDING", attempts: { gt: 0 } }] },
      orderBy: { id: "asc" },
      take: 100,
      select: withStory,
    }),
  ]);
  const byStatus = Object.fromEntries(counts.map((count) => [count.status, count._count._all])) as Partial<Record<PortalTransmissionStatus, number>>;
  return { destination, rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), byStatus, failures };
}
