import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { returnArticleSchema } from "@/lib/articles/article-input-schema";
import { returnArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute({ summary: "Return to the reporter with a note", body: returnArticleSchema }, (staff, id, body) => returnArticle(staff, id, body));
