import type { FieldDiff } from "@/lib/articles/revisions/diff";

/** What changed, field by field (only changed fields), removed text struck through, added text marked. */
export function DiffView({ title, fields }: { title: string; fields: FieldDiff[] }) {
  const changed = fields.filter((field) => field.changed);
  return (
    <section className="desk-section panel" aria-labelledby="diff-heading" data-testid="review-diff">
      <h2 id="diff-heading">{title}</h2>
      {changed.length === 0 ? (
        <p className="desk-empty">바뀐 곳이 없습니다.</p>
      ) : (
        changed.map((field) => (
          <div key={field.field} className="diff-field" data-field={field.field}>
            <h3>{field.label}</h3>
            <div className="diff-text">
              {field.segments.map((segment, index) =>
                segment.kind === "added" ? <ins key={index}>{segment.text}</ins> : segment.kind === "removed" ? <del key={index}>{segment.text}</del> : <span key={index}>{segment.text}</span>,
              )}
            </div>
          </div>
        ))
      )}
    </section>
  );
}
