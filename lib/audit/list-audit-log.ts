import "server-only";
// The security log for admins, newest first, a page at a time, filtered by person and kind, each
// entry as one line in staff's words (lib/audit/audit-labels.ts): people and stories by name.
import { AUDIT_KINDS, auditActionLabel, describeAuditDetail, type AuditKind } from "@/lib/audit/audit-labels";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const PAGE_SIZE = 50;

interface AuditLine {
  id: string;
  at: Date;
  /** "이름 직함", or for a failed sign-in to an unknown account, "-". */
  who: string;
  what: string;
  /** The person, story, comment or photo it was about, by name. */
  target: string;
  detail: string;
  /** The first characters of the salted IP hash: enough to see two lines came from one place. */
  source: string;
}

export interface AuditFilter {
  page?: number;
  actorId?: string;
  kind?: AuditKind;
}

const person = (user: { name: string; title: string }) => `${user.name} ${user.title}`;
const detailOf = (detail: Prisma.JsonValue) => (detail && typeof detail === "object" && !Array.isArray(detail) ? (detail as Record<string, unknown>) : {});

export async function listAuditLog(actor: StaffUser, filter: AuditFilter = {}) {
  assertCan(actor, "audit.read");
  // Bounded: a page far past the end is simply empty, and `skip` stays a sane integer.
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), 100_000);
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.kind ? { OR: AUDIT_KINDS[filter.kind].prefixes.map((prefix) => ({ action: { startsWith: prefix } })) } : {}),
  };
  const [rows, total, staff] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, include: { actor: { select: { name: true, title: true } } } }),
    db.auditLog.count({ where }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, title: true } }),
  ]);
  const names = new Map(staff.map((user) => [user.id, person(user)]));
  const articleIds = new Set<number>();
  const mediaIds = new Set<string>();
  for (const row of rows) {
    const detail = detailOf(row.detail);
    if (row.targetType === "Article" && row.targetId) articleIds.add(Number(row.targetId));
    if (row.targetType === "Comment" && typeof detail.articleId === "number") articleIds.add(detail.articleId);
    if (row.targetType === "Media" && row.targetId) mediaIds.add(row.targetId);
  }
  const [articles, media] = await Promise.all([
    db.article.findMany({ where: { id: { in: [...articleIds].filter(Number.isSafeInteger) } }, select: { id: true, headline: true } }),
    db.media.findMany({ where: { id: { in: [...mediaIds] } }, select: { id: true, caption: true, altText: true } }),
  ]);
  const headlines = new Map(articles.map((article) => [article.id, article.headline]));
  const photos = new Map(media.map((item) => [item.id, item.caption || item.altText]));

  const targetOf = (row: (typeof rows)[number]): string => {
    const detail = detailOf(row.detail);
    switch (row.targetType) {
      case "User":
        return row.targetId === row.actorId ? "" : (names.get(row.targetId ?? "") ?? "떠난 직원");
      case "Article":
        return `「${headlines.get(Number(row.targetId)) ?? "지워진 기사"}」`;
      case "Comment":
        return typeof detail.articleId === "number" ? `「${headlines.get(detail.articleId) ?? "지워진 기사"}」의 댓글` : "댓글";
      case "Media":
        return photos.get(row.targetId ?? "") ? `사진 「${photos.get(row.targetId ?? "")}」` : "사진";
      case "SiteSetting":
        return "댓글 운영 설정";
      case "BlockedWord":
        return "금칙어 목록";
      default:
        return "";
    }
  };

  const lines: AuditLine[] = rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    who: row.actor ? person(row.actor) : "-",
    what: auditActionLabel(row.action),
    target: targetOf(row),
    detail: describeAuditDetail(row, names),
    source: row.ipHash ? row.ipHash.slice(0, 6) : "",
  }));
  return { lines, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), people: staff.map((user) => ({ id: user.id, label: person(user) })) };
}
