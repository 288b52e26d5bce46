// @vitest-environment happy-dom
// Paste from Word, Hancom (한글), Google Docs and a news web page, through the editor's own paste
// path (ProseMirror's pasteHTML runs transformPastedHTML, then the body schema's parse rules).
// The fixtures in tests/fixtures/paste/ are modelled on what each program puts on the clipboard.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { PasteCleanup } from "@/components/editor/paste-cleanup";
import { articleBodyExtensions } from "@/lib/articles/body/body-extensions";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { cleanPastedHtml, readInlineStyle } from "@/components/editor/paste-cleaning";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/paste", name), "utf8");

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function paste(html: string): JSONContent {
  const editor = new Editor({ element: document.createElement("div"), extensions: [...articleBodyExtensions, PasteCleanup] });
  editors.push(editor);
  editor.view.pasteHTML(html);
  return editor.getJSON();
}

interface Block {
  type: string;
  level?: number;
  text: string;
  bold: string[];
  italic: string[];
  links: [string, string][];
}

/** The pasted body flattened to what a reporter would check (the editor's trailing empty line left out). */
function blocksOf(json: JSONContent): Block[] {
  const blocks = flatten(json);
  const last = blocks.at(-1);
  return last?.type === "paragraph" && last.text === "" ? blocks.slice(0, -1) : blocks;
}

function flatten(json: JSONContent, prefix = ""): Block[] {
  const out: Block[] = [];
  for (const node of json.content ?? []) {
    if (node.type === "paragraph" || node.type === "heading") {
      const block: Block = { type: prefix + node.type, text: "", bold: [], italic: [], links: [] };
      if (node.type === "heading") block.level = Number(node.attrs?.level);
      for (const child of node.content ?? []) {
        const text = child.text ?? "";
        block.text += text;
        if (child.marks?.some((mark) => mark.type === "bold")) block.bold.push(text);
        if (child.marks?.some((mark) => mark.type === "italic")) block.italic.push(text);
        const link = child.marks?.find((mark) => mark.type === "link");
        if (link) block.links.push([text, String(link.attrs?.href)]);
      }
      out.push(block);
    } else {
      const nested = node.type === "listItem" ? prefix : `${prefix}${node.type}>`;
      out.push(...flatten(node, nested));
    }
  }
  return out;
}

function expectStorable(json: JSONContent) {
  const parsed = articleBodySchema.safeParse(json);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

function expectNoFormattingDebris(cleaned: string) {
  expect(cleaned).not.toMatch(/style=|class=|<script|<style|<font|<o:p|mso-|<span|<img|<iframe|onclick|javascript:|docs-internal-guid|<!--/i);
}

describe("paste from Microsoft Word", () => {
  const html = fixture("word.html");

  it("keeps headings, bold, italic, the link and Word's fake lists as real nested lists", () => {
    const blocks = blocksOf(paste(html));
    expect(blocks).toEqual([
      { type: "heading", level: 2, text: "시의회, 내년 예산안 심사 착수", bold: [], italic: [], links: [] },
      {
        type: "paragraph",
        text: expect.stringMatching(/^누리시의회가\s25일 내년도 본예산안 심사에 들어갔다\. 총액은 1조 2천억 원으로 역대 최대다\. 자세한 내용은 시\s예산 공개 페이지에 있다\.$/),
        bold: ["총액은 1조 2천억 원"],
        italic: ["역대 최대"],
        links: [[expect.stringMatching(/^시\s예산 공개 페이지$/), "https://www.nuri.example/budget/2027"]],
      },
      { type: "heading", level: 2, text: "주요 쟁점", bold: [], italic: [], links: [] },
      { type: "bulletList>paragraph", text: "청년 주거 지원금 증액", bold: [], italic: [], links: [] },
      { type: "bulletList>paragraph", text: "도시철도 2호선 연장 구간 설계비", bold: ["연장 구간"], italic: [], links: [] },
      { type: "bulletList>bulletList>paragraph", text: "시민 공청회 결과 반영", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "상임위원회 예비 심사", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "예산결산특별위원회 종합 심사", bold: [], italic: [], links: [] },
      { type: "paragraph", text: "본회의 의결은 다음 달 16일이다.", bold: [], italic: [], links: [] },
    ]);
  });

  it("drops Word's styles, classes, <o:p>, conditional comments and list markers", () => {
    const cleaned = cleanPastedHtml(html);
    expectNoFormattingDebris(cleaned);
    expect(cleaned).not.toContain("·");
    expect(cleaned).not.toContain("§");
    expectStorable(paste(html));
  });
});

describe("paste from Hancom 한글 (HWP)", () => {
  const html = fixture("hancom.html");

  it("keeps bold and italic written as quoted inline styles, bulleted and numbered paragraphs as lists, and the link", () => {
    const blocks = blocksOf(paste(html));
    expect(blocks).toEqual([
      { type: "paragraph", text: "누리시, 겨울철 한파 쉼터 120곳 운영", bold: ["누리시, 겨울철 한파 쉼터 120곳 운영"], italic: [], links: [] },
      {
        type: "paragraph",
        text: "누리시는 다음 달부터 경로당과 주민센터 120곳을 한파 쉼터로 운영한다고 밝혔다. 쉼터는 평일 오전 9시부터 오후 9시까지 문을 연다.",
        bold: ["경로당과 주민센터 120곳"],
        italic: ["평일 오전 9시부터 오후 9시까지"],
        links: [],
      },
      { type: "bulletList>paragraph", text: "난방비 지원 대상 확대", bold: [], italic: [], links: [] },
      { type: "bulletList>paragraph", text: "독거노인 안부 확인 주 2회", bold: [], italic: [], links: [] },
      { type: "bulletList>paragraph", text: "한파 특보 때 야간 개방", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "쉼터 위치는 시 누리집에서 확인", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "문의는 120 다산콜", bold: [], italic: [], links: [] },
      { type: "paragraph", text: "자세한 내용은 누리시 누리집에서 볼 수 있다.", bold: [], italic: [], links: [["누리시 누리집", "https://www.nuri.example/cold-shelter"]] },
    ]);
  });

  it("drops Hancom's fonts, colours and classes; an underline that was only a link's style is not kept", () => {
    const cleaned = cleanPastedHtml(html);
    expectNoFormattingDebris(cleaned);
    expect(JSON.stringify(paste(html))).not.toContain("underline");
    expectStorable(paste(html));
  });

  it("reads Hancom's quoted style values", () => {
    expect(readInlineStyle(`font-family:"함초롬바탕";font-weight:"bold"; font-style : 'italic' `)).toEqual(
      new Map([
        ["font-family", "함초롬바탕"],
        ["font-weight", "bold"],
        ["font-style", "italic"],
      ]),
    );
  });
});

describe("paste from Google Docs", () => {
  const html = fixture("google-docs.html");

  it("unwraps the docs-internal-guid <b> (not bold), keeps style-only bold/italic, the heading, lists and the link", () => {
    const blocks = blocksOf(paste(html));
    expect(blocks).toEqual([
      { type: "heading", level: 2, text: "현장에서 본 선거 유세", bold: [], italic: [], links: [] },
      {
        type: "paragraph",
        text: "후보들은 이날 전통시장 세 곳을 돌며 민생 경제를 강조했다. 일정은 선관위 일정표에 나와 있다.",
        bold: ["전통시장 세 곳"],
        italic: ["민생 경제"],
        links: [["선관위 일정표", "https://www.nuri.example/election/schedule"]],
      },
      { type: "bulletList>paragraph", text: "교통 공약", bold: [], italic: [], links: [] },
      { type: "bulletList>paragraph", text: "보육 공약", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "오전 10시 북부시장", bold: [], italic: [], links: [] },
      { type: "orderedList>paragraph", text: "오후 3시 중앙시장", bold: [], italic: [], links: [] },
    ]);
  });

  it("drops Google's inline styles and the link underline", () => {
    const cleaned = cleanPastedHtml(html);
    expectNoFormattingDebris(cleaned);
    expect(JSON.stringify(paste(html))).not.toMatch(/underline|#1155cc/);
    expectStorable(paste(html));
  });
});

describe("paste from a news web page", () => {
  const html = fixture("web-page.html");

  it("keeps headline, paragraphs, bold, italic, the list and absolute links; drops scripts, ads, photos, navigation", () => {
    const blocks = blocksOf(paste(html));
    expect(blocks.map((block) => block.text)).toEqual([
      "도서관 야간 개방 확대",
      "입력 2026.11.20 09:12",
      "시립도서관이 다음 달부터 평일 밤 10시까지 문을 연다. 시는 이용자 설문 결과를 반영했다고 밝혔다.",
      "이용 시간 바뀌는 곳",
      "중앙도서관: 밤 10시까지",
      "북부분관: 밤 9시까지",
      "자세한 일정은 도서관 누리집과 관련 기사에서 확인할 수 있다. 공유하기 클릭",
      "Copyright ⓒ 뉴스 예시. 무단 전재 및 재배포 금지.",
    ]);
    expect(blocks[0]).toMatchObject({ type: "heading", level: 2 });
    expect(blocks[2]?.bold).toEqual(["평일 밤 10시까지", "이용자 설문"]);
    expect(blocks[3]).toMatchObject({ type: "heading", level: 3 });
    expect(blocks[4]).toMatchObject({ type: "bulletList>paragraph", italic: ["밤 10시"] });
    // Only the absolute https link survives; the relative one and both javascript: ones are text.
    expect(blocks[6]?.links).toEqual([["도서관 누리집", "https://library.nuri.example/hours"]]);
  });

  it("drops scripts, styles, classes, event handlers, fonts, the ad iframe and foreign images", () => {
    const cleaned = cleanPastedHtml(html);
    expectNoFormattingDebris(cleaned);
    expect(cleaned).not.toMatch(/dataLayer|adsbygoogle|cdn\.news\.example|열람실 모습|다른 기사/);
    expectStorable(paste(html));
  });
});

describe("paste inside the editor", () => {
  it("a copied figure and video keep their ids and text (ProseMirror's own clipboard HTML)", () => {
    const html = '<figure data-pm-slice="0 0 []" class="article-figure" data-media-id="abc123" data-alt="대체" data-caption="설명" data-credit="출처"><figcaption>설명 <span class="article-figure__credit">출처</span></figcaption></figure><figure class="article-video" data-video-id="dQw4w9WgXcQ"></figure>';
    const json = paste(html);
    expect(json.content?.filter((node) => node.type === "figure" || node.type === "youtube")).toEqual([
      { type: "figure", attrs: { mediaId: "abc123", alt: "대체", caption: "설명", credit: "출처" } },
      { type: "youtube", attrs: { videoId: "dQw4w9WgXcQ" } },
    ]);
    expectStorable(json);
  });
});
