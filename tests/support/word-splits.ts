// Finds words a page breaks across two lines, as a reader sees them: every character's box is
// measured with a DOM Range, and a word (a run of characters without white space, inside one
// inline formatting context) whose characters sit on more than one line is split. Korean words
// (어절) carry their particles, so "바로잡습니 / 다" or "열었 / 으면" is a split, as is
// "정정· / 반론". A token without Hangul wider than its whole line (a long URL or number) has to
// break; those are reported apart, with whether they stay inside their box.
import type { Page } from "playwright-core";

interface SplitWord {
  word: string;
  /** The text of the element the word is in, for the failure message. */
  context: string;
  /** The lines the word's characters were found on, as text. */
  lines: string[];
}

interface LongToken {
  word: string;
  /** Whether every character stays inside the box that holds the text (no overflow). */
  fits: boolean;
}

export interface WordWrapReport {
  splits: SplitWord[];
  longTokens: LongToken[];
  /** Characters measured (so a test can tell that it looked at something). */
  characters: number;
}

/** Measures every visible word under `rootSelector` (the whole page by default). */
export function measureWordWrap(page: Page, rootSelector = "body"): Promise<WordWrapReport> {
  // Sent as source: it runs in the page, where the transpiler's helper that keeps function names
  // (esbuild's __name, used under tsx) does not exist.
  return page.evaluate(`(() => { const __name = (target) => target; return (${measureInPage.toString()})(${JSON.stringify(rootSelector)}); })()`) as Promise<WordWrapReport>;
}

/** Runs in the browser. */
function measureInPage(rootSelector: string): WordWrapReport {
  const report: WordWrapReport = { splits: [], longTokens: [], characters: 0 };
  const range = document.createRange();
  const blockOf = (node: Node): Element => {
    let element = node.parentElement;
    // Only plain inline boxes share a line box with their neighbours; an inline-block (a button)
    // lays out its own lines.
    while (element && ["inline", "contents"].includes(getComputedStyle(element).display) && element.parentElement) element = element.parentElement;
    return element ?? document.body;
  };
  const hidden = (node: Node) => {
    const parent = node.parentElement;
    if (!parent || parent.closest(".visually-hidden, script, style, noscript, template")) return true;
    return parent.getClientRects().length === 0;
  };

  interface Measured {
    char: string;
    rect: DOMRect;
  }
  const check = (word: Measured[], block: Element) => {
    if (word.length < 2) return;
    const lines: Measured[][] = [[word[0]!]];
    for (let index = 1; index < word.length; index++) {
      const previous = word[index - 1]!.rect;
      const current = word[index]!.rect;
      // Below the previous character's middle: a new line.
      if (current.top > previous.top + previous.height / 2) lines.push([]);
      lines.at(-1)!.push(word[index]!);
    }
    if (lines.length === 1) return;
    const text = word.map((measured) => measured.char).join("");
    const box = block.getBoundingClientRect();
    const style = getComputedStyle(block);
    const available = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const unbroken = word.reduce((sum, measured) => sum + measured.rect.width, 0);
    // Only a token without Hangul (an address, a number) may be too long for its line, and only
    // for a real column: a box squeezed narrower than a Korean word or than 120 px is the bug
    // this looks for (a flex item shrunk to one syllable).
    if (unbroken > available + 0.5 && available >= 120 && !/\p{Script=Hangul}/u.test(text)) {
      const fits = word.every((measured) => measured.rect.right <= box.right + 0.5 && measured.rect.left >= box.left - 0.5);
      report.longTokens.push({ word: text, fits });
      return;
    }
    report.splits.push({
      word: text,
      context: (block.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80),
      lines: lines.map((line) => line.map((measured) => measured.char).join("")),
    });
  };

  for (const root of Array.from(document.querySelectorAll(rootSelector))) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let word: Measured[] = [];
    let wordBlock: Element | null = null;
    const flush = () => {
      if (wordBlock) check(word, wordBlock);
      word = [];
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (hidden(node)) {
        flush();
        continue;
      }
      const block = blockOf(node);
      if (block !== wordBlock) {
        flush();
        wordBlock = block;
      }
      const data = (node as Text).data;
      let offset = 0;
      for (const char of data) {
        const start = offset;
        offset += char.length;
        if (/\s/.test(char)) {
          flush();
          wordBlock = block;
          continue;
        }
        range.setStart(node, start);
        range.setEnd(node, offset);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        report.characters++;
        word.push({ char, rect });
      }
    }
    flush();
  }
  return report;
}
