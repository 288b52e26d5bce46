// The IndexNow key file: /<key>.txt at the site's root (next.config.js rewrites it here) answers
// the key of an active IndexNow destination, so a search engine can check our pings are ours.
import { indexNowKeyExists } from "@/lib/portal/indexnow-key";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (!(await indexNowKeyExists(key))) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(key, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
