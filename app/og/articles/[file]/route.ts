// A story's link-preview image (lib/seo/og-image.ts): only for stories readers may see now.
import { parseArticleId } from "@/lib/articles/article-id";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { ogImageFromStoredPhoto, siteOgCard } from "@/lib/seo/og-image";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d{1,9})\.jpg$/.exec((await params).file);
  const id = match ? parseArticleId(match[1]!) : null;
  const article = id === null ? null : await getPublicArticle(id);
  if (!article) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const image = (article.hero && (await ogImageFromStoredPhoto(article.hero.widest.key))) || (await siteOgCard());
  return new Response(new Uint8Array(image), {
    headers: {
      "content-type": "image/jpeg",
      // The URL names the photo (?v=<media id>): a new photo is a new URL.
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
}
