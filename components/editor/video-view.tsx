"use client";
// How a YouTube video looks while writing: a card with its id. Readers (and the preview) get the
// privacy-enhanced embed the server builds from the id.
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";

export function VideoView({ node, selected, deleteNode, editor }: ReactNodeViewProps) {
  const videoId = typeof node.attrs.videoId === "string" ? node.attrs.videoId : "";
  return (
    <NodeViewWrapper className={`editor-video${selected ? " is-selected" : ""}`} data-testid="editor-video" data-video-id={videoId}>
      <div contentEditable={false} className="editor-video__inner">
        <span className="editor-video__icon" aria-hidden="true">
          ▶
        </span>
        <span>
          YouTube 동영상 <code>{videoId}</code>
        </span>
        <a href={`https://www.youtube.com/watch?v=${videoId}`} target="_blank" rel="noopener noreferrer">
          YouTube에서 보기
        </a>
        {editor.isEditable && (
          <button type="button" className="button button--secondary" onClick={() => deleteNode()}>
            빼기
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}
