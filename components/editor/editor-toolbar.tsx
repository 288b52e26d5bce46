"use client";
// The formatting toolbar: Korean labels, shortcuts in the tooltips, and active states that follow
// the selection. It reads the editor through one useEditorState selector, so a keystroke
// re-renders only this bar, and only when one of these values actually changed.
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "⌘" : "Ctrl";
const alt = isMac ? "⌥" : "Alt";

interface ButtonSpec {
  key: string;
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  run: () => void;
  icon: string;
}

export function EditorToolbar({ editor, onLink, onImage, onVideo }: { editor: Editor; onLink: () => void; onImage: () => void; onVideo: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      paragraph: current.isActive("paragraph"),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      underline: current.isActive("underline"),
      strike: current.isActive("strike"),
      link: current.isActive("link"),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: ButtonSpec[][] = [
    [
      { key: "undo", label: "실행 취소", shortcut: `${mod}+Z`, disabled: !state.canUndo, run: () => chain().undo().run(), icon: "↶" },
      { key: "redo", label: "다시 실행", shortcut: `${mod}+Shift+Z`, disabled: !state.canRedo, run: () => chain().redo().run(), icon: "↷" },
    ],
    [
      { key: "paragraph", label: "본문", shortcut: `${mod}+${alt}+0`, active: state.paragraph, run: () => chain().setParagraph().run(), icon: "본문" },
      { key: "h2", label: "소제목", shortcut: `${mod}+${alt}+2`, active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run(), icon: "소제목" },
      { key: "h3", label: "작은제목", shortcut: `${mod}+${alt}+3`, active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run(), icon: "작은제목" },
    ],
    [
      { key: "bold", label: "굵게", shortcut: `${mod}+B`, active: state.bold, run: () => chain().toggleBold().run(), icon: "B" },
      { key: "italic", label: "기울임", shortcut: `${mod}+I`, active: state.italic, run: () => chain().toggleItalic().run(), icon: "I" },
      { key: "underline", label: "밑줄", shortcut: `${mod}+U`, active: state.underline, run: () => chain().toggleUnderline().run(), icon: "U" },
      { key: "strike", label: "취소선", shortcut: `${mod}+Shift+S`, active: state.strike, run: () => chain().toggleStrike().run(), icon: "S" },
      { key: "link", label: "링크", shortcut: `${mod}+K`, active: state.link, run: onLink, icon: "링크" },
    ],
    [
      { key: "bulletList", label: "글머리 목록", shortcut: `${mod}+Shift+8`, active: state.bulletList, run: () => chain().toggleBulletList().run(), icon: "• 목록" },
      { key: "orderedList", label: "번호 목록", shortcut: `${mod}+Shift+7`, active: state.orderedList, run: () => chain().toggleOrderedList().run(), icon: "번호 목록" },
      { key: "blockquote", label: "인용", shortcut: `${mod}+Shift+B`, active: state.blockquote, run: () => chain().toggleBlockquote().run(), icon: "❝ 인용" },
      { key: "hr", label: "구분선", run: () => chain().setHorizontalRule().run(), icon: "―" },
    ],
    [
      { key: "image", label: "사진 넣기", run: onImage, icon: "사진" },
      { key: "video", label: "YouTube 동영상 넣기", run: onVideo, icon: "동영상" },
    ],
  ];
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="본문 서식">
      {groups.map((group, index) => (
        <div className="editor-toolbar__group" key={index}>
          {group.map((button) => {
            const tooltip = button.shortcut ? `${button.label} (${button.shortcut})` : button.label;
            return (
              <button
                key={button.key}
                type="button"
                className={`editor-toolbar__button${button.active ? " is-active" : ""}`}
                data-command={button.key}
                title={tooltip}
                aria-label={button.label}
                aria-pressed={button.active === undefined ? undefined : button.active}
                disabled={!state.editable || button.disabled}
                // Keep the selection in the editor: a mousedown on the button would move focus away.
                onMouseDown={(event) => event.preventDefault()}
                onClick={button.run}
              >
                {button.icon}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
