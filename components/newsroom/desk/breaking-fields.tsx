import { DEFAULT_BREAKING_MINUTES, MAX_BREAKING_MINUTES, MIN_BREAKING_MINUTES, UPDATE_NOTE_MAX_LENGTH, defaultUpdateNote } from "@/lib/breaking/breaking-rules";

/**
 * The 속보 part of an approval that goes live now: raise the banner for a period, and the update
 * log's one-line note. A story with a log gets the next note suggested ("1보", "2보" ...), which
 * the desk extends ("2보: 사망자 3명으로 늘어") or replaces ("종합").
 */
export function BreakingFields({ updateLogEntries }: { updateLogEntries: number }) {
  const hasLog = updateLogEntries > 0;
  return (
    <fieldset className="review-breaking" data-testid="breaking-fields">
      <legend>속보</legend>
      <label className="review-breaking__toggle">
        <input type="checkbox" name="breaking" data-testid="breaking-toggle" /> 속보로 표시 (모든 면에 속보 배너)
      </label>
      <label>
        배너 시간 (분)
        <input type="number" name="breakingMinutes" min={MIN_BREAKING_MINUTES} max={MAX_BREAKING_MINUTES} step={1} defaultValue={DEFAULT_BREAKING_MINUTES} inputMode="numeric" data-testid="breaking-minutes" />
      </label>
      <label>
        업데이트 기록 한 줄 {hasLog ? "(기사 위 업데이트 기록에 실립니다)" : "(속보로 표시하면 기사 위에 업데이트 기록이 생깁니다)"}
        <input
          name="updateNote"
          maxLength={UPDATE_NOTE_MAX_LENGTH}
          defaultValue={hasLog ? defaultUpdateNote(updateLogEntries) : ""}
          placeholder={hasLog ? "예: 2보: 사망자 3명으로 늘어 / 종합" : `비우면 "${defaultUpdateNote(0)}"`}
          data-testid="update-note"
        />
      </label>
    </fieldset>
  );
}
