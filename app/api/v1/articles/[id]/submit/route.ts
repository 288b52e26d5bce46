import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { submitArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute({ summary: "Submit to the desk (the submission checks must pass)" }, (staff, id) => submitArticle(staff, id));
