"use client";
// The story's fields above the body: headline, deck (1-3 lines), section, tags and summary.
import type { EditorMeta } from "@/components/editor/editor-bridge";
import { TagsInput } from "@/components/editor/tags-input";

export function EditorFields({ meta, sections, readOnly, onChange }: { meta: EditorMeta; sections: { id: number; name: string }[]; readOnly: boolean; onChange: (change: Partial<EditorMeta>) => void }) {
  return (
    <fieldset className="editor-fields form" disabled={readOnly}>
      <label>
        제목
        <input className="editor-headline" name="headline" value={meta.headline} maxLength={200} onChange={(event) => onChange({ headline: event.target.value })} placeholder="제목" />
      </label>
      <div className="editor-deck">
        <span className="editor-deck__label">부제 (1~3줄)</span>
        {meta.subHeadlines.map((line, index) => (
          <div key={index} className="editor-deck__line">
            <input
              name={`subHeadline${index}`}
              aria-label={`부제 ${index + 1}`}
              value={line}
              maxLength={120}
              onChange={(event) => onChange({ subHeadlines: meta.subHeadlines.map((other, i) => (i === index ? event.target.value : other)) })}
            />
            {meta.subHeadlines.length > 1 && (
              <button type="button" className="button button--secondary" aria-label={`부제 ${index + 1} 빼기`} onClick={() => onChange({ subHeadlines: meta.subHeadlines.filter((_, i) => i !== index) })}>
                ×
              </button>
            )}
          </div>
        ))}
        {meta.subHeadlines.length < 3 && (
          <button type="button" className="button button--secondary" onClick={() => onChange({ subHeadlines: [...meta.subHeadlines, ""] })}>
            부제 추가
          </button>
        )}
      </div>
      <div className="editor-fields__row">
        <label>
          섹션
          <select name="section" value={meta.sectionId ?? ""} onChange={(event) => onChange({ sectionId: event.target.value ? Number(event.target.value) : null })}>
            <option value="">섹션 고르기</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <div className="editor-fields__tags">
          <span>태그</span>
          <TagsInput tags={meta.tags} disabled={readOnly} onChange={(tags) => onChange({ tags })} />
        </div>
      </div>
      <label>
        요약 <span className="form__hint">(링크 미리보기용, 비우면 첫 문단)</span>
        <textarea name="summary" value={meta.summary} maxLength={300} rows={2} onChange={(event) => onChange({ summary: event.target.value })} />
      </label>
    </fieldset>
  );
}
