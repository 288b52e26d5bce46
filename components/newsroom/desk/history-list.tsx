import type { HistoryEntryOut } from "@/lib/articles/revisions/article-history";
import { ARTICLE_STATUS_KO } from "@/lib/articles/workflow/status-labels";
import { formatKstMinute } from "@/lib/format/korean-time";

/** Every transition and revision of the story: who, when (Korea time), what, the note; the desk's own changes marked. */
export function HistoryList({ entries }: { entries: HistoryEntryOut[] }) {
  return (
    <section className="desk-section" aria-labelledby="history-heading">
      <h2 id="history-heading">기록</h2>
      <ol className="history" data-testid="history">
        {entries.map((entry, index) => (
          <li key={index} data-kind={entry.kind} data-by-desk={entry.byDesk || undefined}>
            <div>
              <strong>{entry.label}</strong>
              {entry.type === "transition" && entry.fromStatus !== entry.toStatus && (
                <span className="desk-count">
                  {" "}
                  ({ARTICLE_STATUS_KO[entry.fromStatus]} → {ARTICLE_STATUS_KO[entry.toStatus]})
                </span>
              )}
              {entry.type === "transition" && entry.publishAt && <span className="desk-count"> · 발행 {formatKstMinute(new Date(entry.publishAt))}</span>}
              {entry.type === "transition" && entry.revisionNumber && <span className="desk-count"> · {entry.revisionNumber}번 판</span>}
            </div>
            <div>
              <span className="history__who">
                {entry.by.name} {entry.by.title}
              </span>
              {entry.byDesk && <span className="history__desk">데스크</span>} <time dateTime={entry.at}>{formatKstMinute(new Date(entry.at))}</time>
            </div>
            {entry.note && <p className="history__note">{entry.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
