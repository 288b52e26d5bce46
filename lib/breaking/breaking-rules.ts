// 속보 (breaking news) rules shared by the desk's form, the approve schema and the workflow.
// Browser-safe: no server modules.

/** How long the banner runs when the desk does not say (minutes). */
export const DEFAULT_BREAKING_MINUTES = 30;
export const MIN_BREAKING_MINUTES = 5;
/** Half a day: a banner longer than that has stopped being news. */
export const MAX_BREAKING_MINUTES = 720;
/** The update log's note is one line ("2보: 사망자 3명으로 늘어", "종합"). */
export const UPDATE_NOTE_MAX_LENGTH = 60;

/**
 * The note an entry gets when the desk leaves it empty, the Korean wire order 속보 → 1보 → 2보 ...:
 * the first entry of a story's log is "속보", the next "1보", and so on (the desk types "종합"
 * itself when the story is rewritten as a whole).
 */
export function defaultUpdateNote(entriesSoFar: number): string {
  return entriesSoFar === 0 ? "속보" : `${entriesSoFar}보`;
}

/** Whether the banner is up at `now`. */
export function isBreakingAt(breakingUntil: Date | null, now: Date): boolean {
  return breakingUntil !== null && breakingUntil.getTime() > now.getTime();
}
