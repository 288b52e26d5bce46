import { JsonLd } from "@/components/seo/json-ld";
import { websiteJsonLd } from "@/lib/seo/site-metadata";

// The home page: the site and its search box (a SearchAction search engines can offer).
export default function HomeJsonLd() {
  return <JsonLd data={websiteJsonLd()} />;
}
