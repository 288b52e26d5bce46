// What a reader's reaction sends (POST /api/v1/articles/:id/reactions).
import { z } from "zod";
import { REACTION_KINDS } from "@/lib/reactions/reaction-kinds";

export const reactSchema = z.object({
  kind: z.enum(REACTION_KINDS, { error: `반응은 ${REACTION_KINDS.join(", ")} 가운데 하나로 보내세요.` }),
});
