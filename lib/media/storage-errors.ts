// A store that cannot take a file (read-only or full folder, unreachable bucket) is the
// newsroom's problem, not the reporter's: one Korean message that says so and that nothing was
// kept, instead of a raw 500. The cause goes to the log, never to the client (it names paths).
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

export const MEDIA_STORE_UNAVAILABLE_MESSAGE =
  "사진 저장소에 지금 쓸 수 없어 사진을 저장하지 못했습니다. 올린 파일은 남지 않았으니 잠시 뒤 다시 올리세요. 계속되면 시스템 담당자에게 알려 주세요.";

export function mediaStorageUnavailable(cause: unknown): DomainError {
  const reason = cause instanceof Error ? `${cause.name}: ${(cause as NodeJS.ErrnoException).code ?? cause.message}` : String(cause);
  logger().error({ reason }, "media storage: write failed");
  return new DomainError("UNAVAILABLE", MEDIA_STORE_UNAVAILABLE_MESSAGE);
}
