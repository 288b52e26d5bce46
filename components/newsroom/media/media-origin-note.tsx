// A photo's origin in a line ("출처 유형: 통신 · 연합뉴스"), for the library's cards and the editor's photo box.
import type { MediaOut } from "@/lib/media/media-output";
import { describeMediaOrigin } from "@/lib/origins/media-origin";

export function MediaOriginNote({ media, className }: { media: Pick<MediaOut, "origin" | "originSource">; className?: string }) {
  return (
    <span className={className} data-testid="media-origin" data-origin={media.origin ?? ""}>
      출처 유형: {media.origin ? describeMediaOrigin(media.origin, media.originSource) : <span className="media-card__missing">미기록</span>}
    </span>
  );
}
