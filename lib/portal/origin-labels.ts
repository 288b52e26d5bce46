// Korean names of a story's origin (출처 유형), as the pull feed and the desk's panel print them.
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";

export const ORIGIN_LABEL: Record<ArticleOrigin, string> = {
  OWN_REPORTING: "자체 취재",
  WIRE: "통신",
  PRESS_RELEASE: "보도자료",
  CONTRIBUTION: "기고·칼럼",
  EXTERNAL: "외부 제공",
};
