import type { PublicUpdateLogEntry } from "@/lib/articles/public/public-queries";
import { formatKstMinute, toKstIso } from "@/lib/format/korean-time";
import "@/components/site/breaking.css";

/**
 * A breaking story's update log at its top: each approved update with its time (to the minute,
 * Korea time) and the desk's note ("2보: 사망자 3명으로 늘어", "종합"), newest first. The story
 * grows on one address; this is how a reader sees what changed since they last looked.
 */
export function UpdateLog({ entries }: { entries: PublicUpdateLogEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="update-log" aria-labelledby="update-log-heading" data-testid="update-log">
      <h2 id="update-log-heading" className="update-log__title">
        업데이트 기록
      </h2>
      <ol className="update-log__list" reversed>
        {entries.map((entry) => (
          <li key={`${entry.at.getTime()}-${entry.note}`}>
            <time className="update-log__time" dateTime={toKstIso(entry.at)}>
              {formatKstMinute(entry.at)}
            </time>
            <span className="update-log__note">{entry.note}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
