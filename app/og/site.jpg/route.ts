// The site's own link-preview card (home, sections, search).
import { siteOgCard } from "@/lib/seo/og-image";

export async function GET() {
  return new Response(new Uint8Array(await siteOgCard()), {
    headers: { "content-type": "image/jpeg", "cache-control": "public, max-age=86400", "x-content-type-options": "nosniff" },
  });
}
