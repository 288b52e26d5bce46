import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { republishArticleSchema } from "@/lib/articles/workflow/desk-input-schema";
import { republishArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute(
  { summary: "Put an unpublished story back, as approved, with a reason", body: republishArticleSchema },
  (staff, id, body) => republishArticle(staff, id, body),
);
