import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { approveArticleSchema } from "@/lib/articles/article-input-schema";
import { approveArticle } from "@/lib/articles/workflow/transitions";

export const POST = articleTransitionRoute(
  {
    summary: "Approve the reviewed version: publish now or at publishAt; a pending update as 수정 (UPDATE), 정정 (CORRECTION) or 반론 (REPLY, with correctionNote)",
    body: approveArticleSchema,
  },
  (staff, id, body) => approveArticle(staff, id, body),
);
