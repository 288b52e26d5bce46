"use client";
// How a body image looks while writing: the picture, and its alt text, caption and credit
// edited in place (alt text and credit are required before the story goes to the desk).
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { thumbnailUrl, useMedia } from "@/components/editor/media-cache";

export function FigureView({ node, updateAttributes, selected, deleteNode, editor }: ReactNodeViewProps) {
  const mediaId = typeof node.attrs.mediaId === "string" ? node.attrs.mediaId : null;
  const media = useMedia(mediaId);
  const text = (name: "alt" | "caption" | "credit") => (typeof node.attrs[name] === "string" ? (node.attrs[name] as string) : "");
  const readOnly = !editor.isEditable;
  return (
    <NodeViewWrapper className={`editor-figure${selected ? " is-selected" : ""}`} data-testid="editor-figure" data-media-id={mediaId ?? ""}>
      <div contentEditable={false} className="editor-figure__inner">
        {media ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded copy, not a page image
          <img src={thumbnailUrl(media, 720)} alt={text("alt")} width={media.width} height={media.height} draggable={false} />
        ) : (
          <div className="editor-figure__missing">사진을 불러오는 중…</div>
        )}
        <div className="editor-figure__fields">
          <label>
            사진 설명
            <input value={text("caption")} readOnly={readOnly} maxLength={500} placeholder="무엇이 찍혔는지 독자에게 설명" onChange={(event) => updateAttributes({ caption: event.target.value })} />
          </label>
          <label className={text("credit").trim() ? "" : "is-missing"}>
            사진 출처 (필수)
            <input value={text("credit")} readOnly={readOnly} maxLength={100} placeholder="예: 사진=누리일보 홍길동 기자" onChange={(event) => updateAttributes({ credit: event.target.value })} />
          </label>
          <label className={text("alt").trim() ? "" : "is-missing"}>
            대체 텍스트 (필수)
            <input value={text("alt")} readOnly={readOnly} maxLength={300} placeholder="화면을 볼 수 없는 독자를 위한 설명" onChange={(event) => updateAttributes({ alt: event.target.value })} />
          </label>
          {!readOnly && (
            <button type="button" className="button button--secondary editor-figure__remove" onClick={() => deleteNode()}>
              사진 빼기
            </button>
          )}
        </div>
      </div>
    </NodeViewWrapper>
  );
}
