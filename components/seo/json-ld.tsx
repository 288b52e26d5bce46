import { serializeJsonLd } from "@/lib/seo/site-metadata";

/** A JSON-LD block. A data block, not a script: the CSP does not apply and no nonce is needed. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
