"use client";
// The story's main photo: chosen from the library or uploaded, with its caption, credit and alt
// text for this story, pre-filled from the library's (which remembers what stories give it: see
// lib/media/photo-texts.ts) and the story's own once changed here.
import { useState } from "react";
import type { MediaOut } from "@/lib/articles/editor/editor-types";
import { thumbnailUrl } from "@/components/editor/media-cache";
import { MediaPicker } from "@/components/editor/media-picker";
import { MediaOriginNote } from "@/components/newsroom/media/media-origin-note";

export interface HeroTexts {
  caption: string;
  credit: string;
  alt: string;
}

export function HeroPhoto({ hero, texts, disabled, onChange }: { hero: MediaOut | null; texts: HeroTexts; disabled: boolean; onChange: (change: { hero?: MediaOut | null } & Partial<HeroTexts>) => void }) {
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="hero-photo" disabled={disabled}>
      <legend>대표 사진</legend>
      {hero ? (
        <div className="hero-photo__chosen">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded copy */}
          <img src={thumbnailUrl(hero, 480)} alt={texts.alt} width={hero.width} height={hero.height} />
          <div className="form hero-photo__fields">
            <p className="form__hint hero-photo__origin">
              <MediaOriginNote media={hero} /> · 사진 보관함에서 바꿀 수 있습니다
            </p>
            <label>
              사진 설명
              <input value={texts.caption} maxLength={300} onChange={(event) => onChange({ caption: event.target.value })} />
            </label>
            <label className={texts.credit.trim() ? "" : "is-missing"}>
              사진 출처 (필수)
              <input value={texts.credit} maxLength={100} placeholder="예: 사진=누리일보 홍길동 기자" onChange={(event) => onChange({ credit: event.target.value })} />
            </label>
            <label className={texts.alt.trim() ? "" : "is-missing"}>
              대체 텍스트 (필수)
              <input value={texts.alt} maxLength={300} placeholder="화면을 볼 수 없는 독자를 위한 설명" onChange={(event) => onChange({ alt: event.target.value })} />
            </label>
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
            // The library's texts for this photo (the previous photo's belong to that one).
            onChange({ hero: media, caption: media.caption, credit: media.credit, alt: media.alt });
          }}
        />
      )}
    </fieldset>
  );
}
