// Rebuilds stored body HTML made by an older renderer (renderVersion < BODY_RENDER_VERSION) from
// the JSON, for working copies and revisions alike, the way Ghost re-renders posts when its
// editor cards change. Runs at start-up (scripts/start.ts) and as `npm run db:rerender`.
// Content, versions and update times are left alone: only the derived columns change.
import { BODY_RENDER_VERSION } from "@/lib/articles/body/body-extensions";
import { loadBodyMedia } from "@/lib/articles/body/body-media";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import type { Db } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";

const BATCH = 100;

export interface RerenderResult {
  articles: number;
  revisions: number;
  /** Stored JSON the current schema refuses: left as it was, reported by id. */
  skipped: string[];
}

async function rerenderJson(db: Db, raw: unknown) {
  const parsed = articleBodySchema.safeParse(raw);
  if (!parsed.success) return null;
  // A picture deleted since keeps its caption only; never a reason to stop the start.
  return renderArticleBody(parsed.data, await loadBodyMedia(db, parsed.data, { requireAll: false }));
}

export async function rerenderStaleBodies(db: Db, log: (line: string) => void = () => {}): Promise<RerenderResult> {
  const result: RerenderResult = { articles: 0, revisions: 0, skipped: [] };
  // Rows that cannot be rendered keep their old version; skip past them by id.
  let afterArticle = 0;
  for (;;) {
    const rows = await db.article.findMany({
      where: { renderVersion: { lt: BODY_RENDER_VERSION }, id: { gt: afterArticle } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, bodyJson: true, updatedAt: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      afterArticle = row.id;
      const rendered = await rerenderJson(db, row.bodyJson);
      if (!rendered) {
        result.skipped.push(`article ${row.id}`);
        continue;
      }
      await db.$transaction(async (tx) => {
        await tx.article.update({
          where: { id: row.id },
          data: { bodyHtml: rendered.html, bodyText: rendered.text, renderVersion: rendered.renderVersion, updatedAt: row.updatedAt },
        });
        await emitDomainEvent(tx, { type: "article.rerendered", articleId: row.id });
      });
      result.articles += 1;
    }
  }
  let afterRevision = "";
  for (;;) {
    const rows = await db.articleRevision.findMany({
      where: { renderVersion: { lt: BODY_RENDER_VERSION }, id: { gt: afterRevision } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, articleId: true, bodyJson: true, liveFor: { select: { id: true } } },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      afterRevision = row.id;
      const rendered = await rerenderJson(db, row.bodyJson);
      if (!rendered) {
        result.skipped.push(`revision ${row.id}`);
        continue;
      }
      await db.$transaction(async (tx) => {
        await tx.articleRevision.update({ where: { id: row.id }, data: { bodyHtml: rendered.html, bodyText: rendered.text, renderVersion: rendered.renderVersion } });
        // Readers see the live revision: its new HTML must reach any cache of the public page.
        if (row.liveFor) await emitDomainEvent(tx, { type: "article.rerendered", articleId: row.articleId });
      });
      result.revisions += 1;
    }
  }
  if (result.articles + result.revisions > 0) log(`re-rendered ${result.articles} stories and ${result.revisions} revisions with body renderer ${BODY_RENDER_VERSION}`);
  if (result.skipped.length > 0) log(`could not re-render (stored body no longer valid): ${result.skipped.join(", ")}`);
  return result;
}
