"use client";
// One photo in the library: thumbnail, caption, credit, alt text, origin, who uploaded it; the
// uploader and the desk can edit them in place (PATCH /api/v1/media/:id).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatKstDate } from "@/lib/format/korean-time";
import type { MediaOut } from "@/lib/media/media-output";
import { MediaOriginFields } from "./media-origin-fields";
import { MediaOriginNote } from "./media-origin-note";
import { MediaThumbnail } from "./media-thumbnail";

interface ApiError {
  error?: { message?: string };
}

export function MediaCard({ media, editable }: { media: MediaOut; editable: boolean }) {
  const router = useRouter();
  const [current, setCurrent] = useState(media);
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/media/${media.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ alt: text("alt"), caption: text("caption"), credit: text("credit"), origin: text("origin") || null, originSource: text("originSource") }),
      });
      const body = (await response.json().catch(() => ({}))) as ApiError & { media?: MediaOut };
      if (!response.ok || !body.media) {
        setError(body.error?.message ?? "저장하지 못했습니다. 잠시 뒤 다시 해 보세요.");
        return;
      }
      setCurrent(body.media);
      setEditing(false);
      router.refresh();
    } catch {
      setError("서버에 닿지 못했습니다. 연결을 확인하고 다시 저장하세요. 입력한 내용은 그대로 있습니다.");
    } finally {
      setPending(false);
    }
  }

  const date = formatKstDate(new Date(current.createdAt));
  return (
    <li className="media-card" data-testid="media-card">
      <MediaThumbnail media={current} />
      {editing ? (
        <form
          className="form media-card__form"
          onSubmit={(event) => {
            event.preventDefault();
            void save(event.currentTarget);
          }}
        >
          <label>
            대체 텍스트 (사진을 볼 수 없는 독자용)
            <input name="alt" defaultValue={current.alt} maxLength={300} />
          </label>
          <label>
            사진 설명
            <textarea name="caption" defaultValue={current.caption} maxLength={300} />
          </label>
          <label>
            출처
            <input name="credit" defaultValue={current.credit} maxLength={100} />
          </label>
          <MediaOriginFields origin={current.origin} source={current.originSource} unsetLabel="미기록" />
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <div className="actions-row">
            <button type="submit" disabled={pending}>
              {pending ? "저장 중…" : "저장"}
            </button>
            <button type="button" className="button--secondary" onClick={() => setEditing(false)} disabled={pending}>
              취소
            </button>
          </div>
        </form>
      ) : (
        <div className="media-card__text">
          <p className="media-card__caption">{current.caption || <span className="media-card__missing">사진 설명 없음</span>}</p>
          <p className="media-card__meta">
            출처: {current.credit || <span className="media-card__missing">없음</span>}
            <br />
            대체 텍스트: {current.alt || <span className="media-card__missing">없음</span>}
            <br />
            <MediaOriginNote media={current} />
            <br />
            {current.uploader?.name ?? "(떠난 직원)"} · {date} · {current.width}×{current.height}
          </p>
          {editable && (
            <button type="button" className="button--secondary" onClick={() => setEditing(true)}>
              고치기
            </button>
          )}
        </div>
      )}
    </li>
  );
}
