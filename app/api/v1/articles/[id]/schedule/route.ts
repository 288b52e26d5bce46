import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { rescheduleArticleSchema } from "@/lib/articles/workflow/desk-input-schema";
import { cancelSchedule, rescheduleArticle } from "@/lib/articles/workflow/transitions";

export const PUT = articleTransitionRoute(
  { summary: "Move a scheduled story's time (before it comes)", body: rescheduleArticleSchema },
  (staff, id, body) => rescheduleArticle(staff, id, body),
);

// The story goes back to the desk (SUBMITTED).
export const DELETE = articleTransitionRoute({ summary: "Cancel a schedule before its time: the story goes back to the desk" }, (staff, id) => cancelSchedule(staff, id, {}));
