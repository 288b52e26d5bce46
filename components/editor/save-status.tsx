"use client";
// What the save engine is doing, in words a reporter reads at a glance.
import { useSyncExternalStore } from "react";
import type { DraftSession, SaveStatus } from "@/components/editor/draft-session";
import { formatKstClock } from "@/lib/format/korean-time";


function describeStatus(status: SaveStatus): { text: string; tone: "calm" | "busy" | "warn" | "alert" } {
  switch (status.kind) {
    case "clean":
      return { text: "바뀐 내용 없음", tone: "calm" };
    case "dirty":
      return { text: "저장 대기 중", tone: "busy" };
    case "saving":
      return { text: "저장 중", tone: "busy" };
    case "saved":
      return { text: `저장됨 ${formatKstClock(status.at)}`, tone: "calm" };
    case "offline":
      return { text: "오프라인: 이 기기에 보관 중", tone: "warn" };
    case "unavailable":
      return { text: `서버에 저장하지 못했습니다: ${status.message} (글은 이 기기에 보관 중이며, 서버가 돌아오면 자동으로 저장합니다)`, tone: "alert" };
    case "needs-headline":
      return { text: "제목을 쓰면 저장됩니다 (이 기기에 보관 중)", tone: "warn" };
    case "error":
      return { text: `저장하지 못했습니다: ${status.message} (이 기기에 보관 중)`, tone: "alert" };
    case "conflict":
      return { text: "다른 곳에서 먼저 저장했습니다: 비교한 뒤 고르세요", tone: "alert" };
    case "taken-over":
      return { text: `${status.by ?? "다른 사람"}님이 편집을 넘겨받았습니다: 읽기 전용`, tone: "alert" };
  }
}

export function SaveStatusBadge({ session }: { session: DraftSession }) {
  const status = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.status,
    () => session.status,
  );
  const { text, tone } = describeStatus(status);
  return (
    <span className={`save-status save-status--${tone}`} role="status" data-testid="save-status" data-status={status.kind}>
      {text}
    </span>
  );
}
