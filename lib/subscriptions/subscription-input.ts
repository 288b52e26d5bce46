// What a reader sends to subscribe, and the token of a mail's link: one zod schema each.
import { z } from "zod";
import "@/lib/schemas/korean-messages";

const email = z
  .string({ error: "이메일 주소를 입력하세요." })
  .trim()
  .toLowerCase()
  .max(254, "이메일 주소가 너무 깁니다.")
  .pipe(z.email({ error: "이메일 주소 형식이 올바르지 않습니다. 예: reader@example.com" }));

export const subscribeInputSchema = z.discriminatedUnion(
  "topic",
  [
    z.object({ topic: z.literal("digest"), email }),
    z.object({
      topic: z.literal("reporter"),
      email,
      /** The number in the reporter's page address (/reporters/<number>-<name>). */
      reporterNumber: z.number({ error: "구독할 기자를 찾을 수 없습니다." }).int().min(1).max(2_147_483_647),
    }),
  ],
  { error: "무엇을 구독할지 고르세요 (아침 뉴스레터 또는 기자 구독)." },
);


/** 32 random bytes in base64url, as minted by the sign-up. */
export const subscriptionTokenSchema = z.string({ error: "링크가 올바르지 않습니다." }).regex(/^[A-Za-z0-9_-]{43}$/, "링크가 올바르지 않습니다. 메일의 링크를 그대로 여세요.");
