// Finds a blocked word in a comment, however it was disguised (word-pattern.ts says what counts
// as a disguise), without flagging innocent text. Compiled once per word list: all words become
// one regular expression that V8 compiles to machine code, so a comment is checked in a single
// pass over its letter stream.
//
// Two kinds of innocent text need more than a pattern:
// - Words that contain a blocked word inside them (시발점, 등신대): an allow-list of such words;
//   a match that lies inside one of them is ignored.
// - Two real words whose edges meet (수박씨 발라, 다시 발견): spaces are both a way to hide a word
//   (시 발, 씨 발 놈) and the boundary between words. A match that crosses a space is kept only
//   when it starts at the start of its first word or ends at the end of its last one. People
//   who split a word apart split it into whole pieces (시 발, 씨 발놈, 개새 끼); a match that
//   needs the tail of one real word and the head of the next (수박[씨 발]라) is a coincidence.
//   Separators that are not white space (시.발, 시1발) are always a disguise.
// - Kinds of innocent text (innocent-classes.ts): years of the sixty-year cycle (병신년), letter
//   faces (ㅇㅂㅇ), a one-syllable word used as a verb stem (씹어 먹다).
// - A Hangul word matched without any Hangul (c8 for 시팔: a look-alike and a number) counts only
//   as a whole word of its own, so English words and numbers in a sentence are left alone.
// QWERTY-typed Hangul (tlqkf for 시발, typed with the keyboard in English mode) is converted with
// es-hangul and checked too, for chunks made only of Latin letters. Rude gestures written with
// symbols (🖕, ㅗ) are found by rude-gestures.ts.
import { convertHangulToQwerty, convertQwertyToHangul } from "es-hangul";
import { calendarPhrasesContaining, isEmoticonFace, isVerbEnding } from "@/lib/comments/blocked-words/innocent-classes";
import { buildLetterStream, isLetterCell, type LetterStream } from "@/lib/comments/blocked-words/letter-stream";
import { findRudeGesture, GESTURE_WORD } from "@/lib/comments/blocked-words/rude-gestures";
import { charClass, compileWordPattern, type WordPattern } from "@/lib/comments/blocked-words/word-pattern";

export interface BlockedWordHit {
  /** The blocked word as listed. */
  word: string;
  /** The part of the (folded) comment that matched. */
  excerpt: string;
}

export interface BlockedWordMatcher {
  readonly wordCount: number;
  findBlockedWord(text: string): BlockedWordHit | null;
}

// A match that shows a vowel (or something standing for one: a look-alike, a romanised syllable,
// a number read aloud, but not a digit used as a separator between loose consonants) is more
// than initials.
const VOWEL_OR_LOOKALIKE = /[ㅏ-ㅣ1l!|icaeouy]|[0-9](?!\^)/;

interface Candidate {
  pattern: WordPattern;
  start: number;
  end: number;
}

/** Compiles `words` (and the innocent words they hide in) into a matcher. */
export function compileBlockedWords(words: readonly string[], innocentWords: readonly string[] = []): BlockedWordMatcher {
  const patterns = [...new Set(words)].map(compileWordPattern).filter((pattern): pattern is WordPattern => pattern !== null);
  if (patterns.length === 0) return { wordCount: 0, findBlockedWord: () => null };

  // One expression per first character: "[ㄱㄲ7](?:<rest of 개>(?:(rest of 개새끼)|(rest of 개소리)|...)|<another way to start>(?:...))",
  // with a capture group per word telling which one it was. V8 skips quickly over every position
  // where the first character is not there, and a comment without any of a scanner's first
  // characters (Latin letters, digits) skips that scanner altogether.
  const groups = new Map<string, { chars: string; heads: Map<string, { tails: string[]; owners: number[] }> }>();
  patterns.forEach((pattern, index) => {
    for (const start of pattern.starts) {
      const key = charClass(start.chars);
      const group = groups.get(key) ?? { chars: start.chars, heads: new Map() };
      const head = group.heads.get(start.head) ?? { tails: [], owners: [] };
      head.tails.push(`(${start.tail})`);
      head.owners.push(index);
      group.heads.set(start.head, head);
      groups.set(key, group);
    }
  });
  const scanners = [...groups.entries()].map(([key, group]) => {
    const heads = [...group.heads.entries()];
    return {
      chars: [...group.chars],
      regex: new RegExp(`${key}(?:${heads.map(([head, { tails }]) => `${head}(?:${tails.join("|")})`).join("|")})`, "g"),
      owners: heads.flatMap(([, { owners }]) => owners),
    };
  });
  const sticky = patterns.map((pattern) => new RegExp(pattern.source, "y"));
  const containsAnyWord = (text: string) => {
    const { stream } = buildLetterStream(text);
    return scanners.some(({ regex }) => {
      regex.lastIndex = 0;
      return regex.test(stream);
    });
  };
  const innocent = [...new Set([...innocentWords, ...calendarPhrasesContaining(containsAnyWord)].map((word) => buildLetterStream(word).plain.replace(/\s+/g, " ").trim()))].filter(Boolean);
  // Converting QWERTY to Hangul is slow (tens of µs a word), so only chunks that contain the keys
  // of some blocked word (시발: tlqkf; Shift only changes the case) are converted.
  const qwertyKeys = patterns
    .filter((pattern) => /[가-힣]/.test(pattern.word))
    .map((pattern) => convertHangulToQwerty(pattern.word).toLowerCase().replace(/[^a-z]/g, ""))
    .filter((keys) => keys.length >= 2);
  const qwertyHint = qwertyKeys.length ? new RegExp([...new Set(qwertyKeys)].join("|")) : null;

  const innocentRanges = (plain: string): [number, number][] => {
    const ranges: [number, number][] = [];
    for (const word of innocent) {
      for (let at = plain.indexOf(word); at !== -1; at = plain.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
    }
    return ranges;
  };

  /** Whether a match is a real use of the word (see the notes at the top). */
  const isRealUse = (letters: LetterStream, candidate: Candidate, allowed: [number, number][]): boolean => {
    const { pattern } = candidate;
    const matched = letters.stream.slice(candidate.start, candidate.end);
    const initialsOnly = !VOWEL_OR_LOOKALIKE.test(matched);
    if (initialsOnly && !pattern.initialsCount) return false;
    const firstIndex = letters.cellAt[candidate.start] ?? 0;
    const lastIndex = letters.cellAt[candidate.end - 1] ?? 0;
    const firstCell = letters.cells[firstIndex];
    const lastCell = letters.cells[lastIndex];
    if (!firstCell || !lastCell) return false;
    if (allowed.some(([from, to]) => firstCell.at >= from && lastCell.at < to)) return false;
    if (initialsOnly && isEmoticonFace(letters, firstIndex, lastIndex)) return false;
    const startsInsideWord = letters.cells.some((cell) => cell.chunk === firstCell.chunk && cell.at < firstCell.at && isLetterCell(cell));
    const endsInsideWord = letters.cells.some((cell) => cell.chunk === lastCell.chunk && cell.at > lastCell.at && isLetterCell(cell));
    if (pattern.hangul && !letters.cells.slice(firstIndex, lastIndex + 1).some((cell) => cell.kind === "syllable" || cell.kind === "jamo")) {
      if (pattern.unitCount < 2 || startsInsideWord || endsInsideWord) return false;
    }
    if (pattern.singleSyllable) {
      const next = letters.cells.slice(lastIndex + 1).find((cell) => cell.chunk === lastCell.chunk && isLetterCell(cell));
      if (next?.kind === "syllable" && isVerbEnding(letters.plain.charAt(next.at))) return false;
    }
    if (firstCell.chunk === lastCell.chunk) return true;
    return !(startsInsideWord && endsInsideWord);
  };

  const search = (text: string, withQwerty: boolean): BlockedWordHit | null => {
    const letters = buildLetterStream(text);
    const allowed = innocentRanges(letters.plain);
    const hitFor = (candidate: Candidate): BlockedWordHit => {
      const from = letters.cells[letters.cellAt[candidate.start] ?? 0]?.at ?? 0;
      const to = letters.cells[letters.cellAt[candidate.end - 1] ?? 0]?.at ?? from;
      return { word: candidate.pattern.word, excerpt: letters.plain.slice(from, to + 1) };
    };

    for (const scanner of scanners) {
      const { regex, owners } = scanner;
      if (!scanner.chars.some((char) => letters.stream.includes(char))) continue;
      regex.lastIndex = 0;
      for (let match = regex.exec(letters.stream); match; match = regex.exec(letters.stream)) {
        const start = match.index;
        const owner = owners[match.findIndex((group, index) => index > 0 && group !== undefined) - 1] ?? -1;
        const found = patterns[owner];
        if (found) {
          const candidate = { pattern: found, start, end: start + match[0].length };
          if (isRealUse(letters, candidate, allowed)) return hitFor(candidate);
        }
        // The word that matched here was innocent; another word may still match at this spot.
        for (const index of new Set(owners)) {
          const pattern = patterns[index];
          const probe = sticky[index];
          if (!pattern || !probe || index === owner) continue;
          probe.lastIndex = start;
          const other = probe.exec(letters.stream);
          if (!other) continue;
          const candidate = { pattern, start, end: start + other[0].length };
          if (isRealUse(letters, candidate, allowed)) return hitFor(candidate);
        }
        regex.lastIndex = start + 1;
      }
    }

    const gesture = findRudeGesture(letters);
    if (gesture) return { word: GESTURE_WORD, excerpt: letters.plain.slice(gesture[0], gesture[1]) };

    if (withQwerty) {
      // Every Latin-only chunk converted, checked in one pass (each stays its own word).
      const converted = latinChunks(letters)
        .filter((chunk) => qwertyHint?.test(chunk.toLowerCase()))
        .map((chunk) => convertQwertyToHangul(chunk))
        .filter((chunk) => /[가-힣]/.test(chunk))
        .join(" ");
      const hit = converted ? search(converted, false) : null;
      if (hit) return { word: hit.word, excerpt: hit.excerpt };
    }
    return null;
  };

  return { wordCount: patterns.length, findBlockedWord: (text) => search(text, true) };
}

/** The white-space-separated chunks made only of Latin letters (at least two), in their original case. */
function latinChunks(letters: LetterStream): string[] {
  const chunks = new Map<number, { text: string; latinOnly: boolean }>();
  for (const cell of letters.cells) {
    if (cell.kind === "space") continue;
    const entry = chunks.get(cell.chunk) ?? { text: "", latinOnly: true };
    if (cell.kind === "latin") entry.text += letters.cased.charAt(cell.at);
    else if (cell.kind !== "separator") entry.latinOnly = false;
    chunks.set(cell.chunk, entry);
  }
  return [...chunks.values()].filter((entry) => entry.latinOnly && entry.text.length >= 2).map((entry) => entry.text);
}
