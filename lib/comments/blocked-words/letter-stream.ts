// Turns a comment into the "letter stream" the blocked-word patterns run over, so that the ways
// people hide a word all look alike to them:
// - full-width, half-width, circled and other compatibility characters are folded (NFKC), and
//   conjoining jamo (U+1100...) become the compatibility jamo (ㄱ, ㅏ) es-hangul works with;
// - every Hangul syllable and loose jamo is taken apart into its jamo with es-hangul
//   (compound vowels and double finals split: 괜 -> ㄱㅗㅐㄴ, ㅄ -> ㅂㅅ);
// - a syllable is written "<" + its jamo, a loose jamo "^" + the jamo, so patterns can tell 시발
//   from ㅅㅂ from ㅅㅣㅂㅏㄹ, and a final consonant from the first consonant of the next syllable;
// - Latin letters are lower-cased, digits kept (both may stand for letters: 1 for ㅣ, 7 for ㄱ);
// - "!" and "|" are kept (they look like ㅣ); white space becomes " " (a word boundary); every
//   other symbol, emoji or foreign letter becomes "." (a separator); runs of either become one.
// Each stream position remembers which letter it came from, so a match can be checked against
// word boundaries and mapped back onto the text.
import { disassemble, getJongseong } from "es-hangul";

type CellKind = "syllable" | "jamo" | "latin" | "digit" | "mark" | "space" | "separator";

export interface Cell {
  kind: CellKind;
  /** Index into `plain` of the character this cell came from. */
  at: number;
  /** Which white-space-separated chunk of the text the cell is in. */
  chunk: number;
}

export interface LetterStream {
  /** The text after folding (NFKC outside Hangul, compatibility jamo, lower case). */
  plain: string;
  /** The same with Latin letters in their original case (QWERTY conversion needs Shift). */
  cased: string;
  stream: string;
  /** For each position of `stream`, the index of its cell. */
  cellAt: Int32Array;
  cells: Cell[];
}

const isSyllable = (code: number) => code >= 0xac00 && code <= 0xd7a3;
const isCompatJamo = (code: number) => code >= 0x3131 && code <= 0x318e;
export const isCompatVowel = (char: string) => char >= "ㅏ" && char <= "ㅣ";

// Conjoining jamo -> compatibility jamo, derived from Unicode's own decompositions rather than a
// hand-written table: each compatibility jamo decomposes (NFKD) to its conjoining initial or
// vowel; a conjoining final is found by attaching it to 가 and asking es-hangul for the final.
const CONJOINING_TO_COMPAT: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let code = 0x3131; code <= 0x318e; code += 1) {
    const compat = String.fromCharCode(code);
    const conjoining = compat.normalize("NFKD");
    if (conjoining.length === 1 && conjoining !== compat && !map.has(conjoining)) map.set(conjoining, compat);
  }
  for (let code = 0x11a8; code <= 0x11c2; code += 1) {
    const final = String.fromCharCode(code);
    const syllable = `가${final}`.normalize("NFC");
    const compat = syllable.length === 1 ? getJongseong(syllable) : "";
    if (compat && !map.has(final)) map.set(final, compat);
  }
  return map;
})();

/** One character folded: itself when already plain, otherwise NFKC with conjoining jamo made compatible. */
function foldChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80 || isSyllable(code) || isCompatJamo(code)) return char;
  let folded = "";
  for (const part of char.normalize("NFKC")) folded += CONJOINING_TO_COMPAT.get(part) ?? part;
  return folded;
}

const SPACE = /\s/;

/** Builds the letter stream of `text` (which should already be NFC, as stored comments are). */
export function buildLetterStream(text: string): LetterStream {
  let cased = "";
  let plain = "";
  for (const char of text.normalize("NFC")) {
    for (const folded of foldChar(char)) {
      // Lower-cased one character at a time and only where that keeps the length, so `plain`
      // and `cased` stay aligned index for index.
      const lower = folded.toLowerCase();
      cased += folded;
      plain += lower.length === folded.length ? lower : folded;
    }
  }

  let stream = "";
  const cellIndexes: number[] = [];
  const cells: Cell[] = [];
  let chunk = 0;
  const emit = (kind: CellKind, at: number, output: string) => {
    cells.push({ kind, at, chunk });
    stream += output;
    for (let i = 0; i < output.length; i += 1) cellIndexes.push(cells.length - 1);
  };

  for (let at = 0; at < plain.length; at += 1) {
    const char = plain.charAt(at);
    const code = char.charCodeAt(0);
    if (isSyllable(code)) emit("syllable", at, `<${disassemble(char)}`);
    else if (isCompatJamo(code)) emit("jamo", at, [...disassemble(char)].map((jamo) => `^${jamo}`).join(""));
    else if (char >= "a" && char <= "z") emit("latin", at, char);
    else if (char >= "0" && char <= "9") emit("digit", at, char);
    else if (char === "!" || char === "|") emit("mark", at, char);
    else if (SPACE.test(char)) {
      const last = cells.at(-1);
      if (last?.kind === "space") continue;
      if (last?.kind === "separator") {
        // ". " and " ." are one gap; it counts as white space (a word boundary).
        last.kind = "space";
        stream = `${stream.slice(0, -1)} `;
        chunk += 1;
        last.chunk = chunk;
        continue;
      }
      chunk += 1;
      emit("space", at, " ");
    } else {
      const last = cells.at(-1);
      if (last?.kind === "separator" || last?.kind === "space") continue;
      emit("separator", at, ".");
    }
  }
  return { plain, cased, stream, cellAt: Int32Array.from(cellIndexes), cells };
}

export const isLetterCell = (cell: Cell) => cell.kind === "syllable" || cell.kind === "jamo" || cell.kind === "latin" || cell.kind === "digit";
