import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { unpublishArticleSchema } from "@/lib/articles/article-input-schema";
import { unpublishArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute(
  { summary: "Take a story off the site (its address answers 410 Gone)", body: unpublishArticleSchema },
  (staff, id, body) => unpublishArticle(staff, id, body),
);
