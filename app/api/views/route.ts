// The view beacon: the article page's small script posts the story id here once per page view
// (components/article/view-beacon.tsx). Kept out of the page itself so that cached pages still
// count. Answers 204 whatever happened: there is nothing for the page to do with the outcome.
import { isSameOriginRequest } from "@/lib/api/same-origin";
import { parseArticleId } from "@/lib/articles/article-id";
import { recordArticleView } from "@/lib/views/record-view";

const MAX_BODY = 32;

export async function POST(request: Request) {
  const body = (await request.text()).slice(0, MAX_BODY).trim();
  const articleId = parseArticleId(body);
  // Another site's page cannot inflate our counts through its readers' browsers.
  if (articleId !== null && isSameOriginRequest(request)) recordArticleView(articleId, request.headers);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
