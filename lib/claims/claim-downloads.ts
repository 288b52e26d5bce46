import "server-only";
// The desk's downloads of a claim (its export, an attachment): signed-in staff only, the domain
// function checks the permission; errors become Korean text answers, never a 500 page.
import { parseArticleId } from "@/lib/articles/article-id";
import { requireStaff } from "@/lib/auth/session";
import type { StaffUser } from "@/lib/auth/staff-user";
import { DomainError } from "@/lib/errors";
import { HTTP_STATUS } from "@/lib/api/error-status";
import { logger } from "@/lib/observability/logger";

/** A Content-Disposition that carries a Korean file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const DOWNLOAD_HEADERS = { "cache-control": "private, no-store", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox" };

/** Runs a download for the signed-in staff member and claim id of the path. */
export async function staffDownload(rawClaimId: string, run: (staff: StaffUser, claimId: number) => Promise<Response>): Promise<Response> {
  try {
    const claimId = parseArticleId(rawClaimId);
    if (claimId === null) throw new DomainError("NOT_FOUND", "청구를 찾을 수 없습니다.");
    return await run(await requireStaff(), claimId);
  } catch (error) {
    if (error instanceof DomainError) return new Response(error.message, { status: HTTP_STATUS[error.code], headers: { "content-type": "text/plain; charset=utf-8", ...DOWNLOAD_HEADERS } });
    logger().error({ err: error }, "claim download failed");
    return new Response("서버 오류로 내려받지 못했습니다. 잠시 뒤 다시 하세요.", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
