import { articleTransitionRoute } from "@/app/api/v1/articles/[id]/article-transition-route";
import { endBreakingBanner } from "@/lib/breaking/end-breaking";

// The banner is raised with an approval (POST .../approve with `breaking`); this takes it down early.
export const DELETE = articleTransitionRoute({ summary: "Take the story's 속보 (breaking) banner down before its time" }, (staff, id) => endBreakingBanner(staff, id));
