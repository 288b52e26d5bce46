import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config/site";

export const dynamic = "force-dynamic";

// Everything public may be crawled; the newsroom, sign-in and APIs may not.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/newsroom", "/login", "/api/"] }],
    sitemap: [absoluteUrl("/sitemap.xml"), absoluteUrl("/news-sitemap.xml")],
  };
}
