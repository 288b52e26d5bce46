// Used by the save path and by the start-up re-render (a plain script): no "server-only" marker,
// but nothing in the browser imports it.
// The media rows a story body points at. Saving checks that every image id is one of ours (a
// body can only show our own pictures), and the renderer needs their sizes and responsive copies
// for <picture>: both come from one query.
import type { BodyMediaLookup } from "@/lib/articles/body/body-extensions";
import { bodyMediaIds, type ArticleBody } from "@/lib/articles/body/body-schema";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import type { DbTransaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { mediaUrl, readMediaVariants } from "@/lib/media/media-url";

type MediaReader = Pick<DbTransaction, "media">;

/** The rows of the body's images, by id; with `requireAll`, an unknown id is a VALIDATION error. */
export async function loadBodyMedia(client: MediaReader, body: ArticleBody, options: { requireAll: boolean }): Promise<BodyMediaLookup> {
  const ids = bodyMediaIds(body);
  if (ids.length === 0) return new Map();
  const rows = await client.media.findMany({ where: { id: { in: ids } }, select: { id: true, storageKey: true, width: true, height: true, variants: true } });
  const lookup = new Map(rows.map((row) => [row.id, { url: mediaUrl(row.storageKey), width: row.width, height: row.height, variants: readMediaVariants(row.variants) }]));
  const missing = ids.filter((id) => !lookup.has(id));
  if (options.requireAll && missing.length > 0) {
    throw invalid("본문의 사진 중 사진 보관함에 없는 것이 있습니다. 사진을 다시 넣어 주세요.", { missingMediaIds: missing });
  }
  return lookup;
}

/** The derived body columns for a save: JSON as validated, HTML, plain text and renderer version. */
export async function bodyColumnsForSave(client: MediaReader, body: ArticleBody) {
  const media = await loadBodyMedia(client, body, { requireAll: true });
  const { html, text, renderVersion } = renderArticleBody(body, media);
  return { bodyJson: body, bodyHtml: html, bodyText: text, renderVersion };
}
