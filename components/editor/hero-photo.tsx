"use client";
// The story's main photo: chosen from the library or uploaded, with its caption and credit (the
// story's own) and alt text (the picture's, kept in the media library).
import { useState } from "react";
import type { MediaOut } from "@/lib/articles/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { rememberMedia, thumbnailUrl } from "@/components/editor/media-cache";
import { MediaPicker } from "@/components/editor/media-picker";
import { MediaOriginNote } from "@/components/newsroom/media/media-origin-note";

export function HeroPhoto({
  hero,
  caption,
  credit,
  disabled,
  onChange,
}: {
  hero: MediaOut | null;
  caption: string;
  credit: string;
  disabled: boolean;
  onChange: (change: { hero?: MediaOut | null; caption?: string; credit?: string }) => void;
}) {
  const [picking, setPicking] = useState(false);
  const [alt, setAlt] = useState(hero?.alt ?? "");
  const [altError, setAltError] = useState<string | null>(null);
  const saveAlt = () => {
    if (!hero || alt === hero.alt) return;
    apiRequest<{ media: MediaOut }>("PATCH", `/api/v1/media/${hero.id}`, { alt })
      .then((body) => {
        rememberMedia(body.media);
        setAltError(null);
        onChange({ hero: body.media });
      })
      .catch((error: Error) => setAltError(error.message));
  };
  return (
    <fieldset className="hero-photo" disabled={disabled}>
      <legend>대표 사진</legend>
      {hero ? (
        <div className="hero-photo__chosen">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded copy */}
          <img src={thumbnailUrl(hero, 480)} alt={hero.alt} width={hero.width} height={hero.height} />
          <div className="form hero-photo__fields">
            <p className="form__hint hero-photo__origin">
              <MediaOriginNote media={hero} /> · 사진 보관함에서 바꿀 수 있습니다
            </p>
            <label>
              사진 설명
              <input value={caption} maxLength={300} onChange={(event) => onChange({ caption: event.target.value })} />
            </label>
            <label className={credit.trim() ? "" : "is-missing"}>
              사진 출처 (필수)
              <input value={credit} maxLength={100} placeholder="예: 사진=누리일보 홍길동 기자" onChange={(event) => onChange({ credit: event.target.value })} />
            </label>
            <label className={alt.trim() ? "" : "is-missing"}>
              대체 텍스트 (필수)
              <input value={alt} maxLength={300} onChange={(event) => setAlt(event.target.value)} onBlur={saveAlt} />
            </label>
            {altError && <p className="form__error">{altError}</p>}
            <div className="actions-row">
              <button type="button" className="button button--secondary" onClick={() => setPicking(true)}>
                다른 사진
              </button>
              <button type="button" className="button button--secondary" onClick={() => onChange({ hero: null })}>
                사진 빼기
              </button>
            </div>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setPicking(true)}>
          대표 사진 고르기 / 올리기
        </button>
      )}
      {picking && (
        <MediaPicker
          title="대표 사진"
          onClose={() => setPicking(false)}
          onPick={(media) => {
            setPicking(false);
            setAlt(media.alt);
            onChange({ hero: media, caption: caption || media.caption, credit: credit || media.credit });
          }}
        />
      )}
    </fieldset>
  );
}
