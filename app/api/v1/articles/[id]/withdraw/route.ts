import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { withdrawArticleSchema } from "@/lib/articles/workflow/desk-input-schema";
import { withdrawArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute(
  { summary: "Withdraw one's own submitted story before the desk approves it (회수): a draft again", body: withdrawArticleSchema },
  (staff, id, body) => withdrawArticle(staff, id, body),
);
