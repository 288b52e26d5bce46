// Rude gestures written with symbols rather than words: the middle-finger emoji (any skin tone),
// 凸 (unless it is the 凹凸 of a bumpy road), ┌∩┐, and ㅗ, the Hangul vowel drawn like a raised
// finger, standing on its own (ㅗ, ㅗㅗ) rather than with other letters (ㅗㅜㅑ, ㅈㅗㅈ). Not a
// word list: the matcher always looks for them.
import type { LetterStream } from "@/lib/comments/blocked-words/letter-stream";

/** What a gesture is reported as, in the place of a listed word. */
export const GESTURE_WORD = "ㅗ";

const GESTURE_SYMBOLS = /\u{1F595}|(?<!凹)凸(?!凹)|┌\s*∩\s*┐/u;

/** The first rude gesture in the text, as [from, to) in `letters.plain`, or null. */
export function findRudeGesture(letters: LetterStream): [number, number] | null {
  const symbol = GESTURE_SYMBOLS.exec(letters.plain);
  if (symbol) return [symbol.index, symbol.index + symbol[0].length];
  // Runs of loose jamo next to each other (separators and spaces end a run).
  let runStart = -1;
  let onlyFinger = true;
  const cells = letters.cells;
  for (let index = 0; index <= cells.length; index += 1) {
    const cell = cells[index];
    const previous = cells[index - 1];
    const continues = cell?.kind === "jamo" && previous?.kind === "jamo" && cell.at === previous.at + 1;
    if (!continues && runStart !== -1 && previous) {
      if (onlyFinger) return [cells[runStart]?.at ?? 0, previous.at + 1];
      runStart = -1;
    }
    if (cell?.kind !== "jamo") continue;
    if (runStart === -1) {
      runStart = index;
      onlyFinger = true;
    }
    if (letters.plain.charAt(cell.at) !== "ㅗ") onlyFinger = false;
  }
  return null;
}
