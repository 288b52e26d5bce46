// What a reader's browser sends to start, change or end its notifications: one zod schema each.
// The subscription is the browser's PushSubscription.toJSON(): the endpoint and its two keys.
import { z } from "zod";
import "@/lib/schemas/korean-messages";
import { MAX_TOPICS_PER_BROWSER, pushTopicSchema } from "@/lib/push/push-topics";

/** Push services' addresses are a few hundred characters. */
const MAX_ENDPOINT_LENGTH = 1_024;

const endpoint = z.string({ error: "알림 주소가 없습니다. 알림을 다시 켜 주세요." }).trim().min(1, "알림 주소가 없습니다. 알림을 다시 켜 주세요.").max(MAX_ENDPOINT_LENGTH, "알림 주소가 너무 깁니다.");

/** base64url of exactly `bytes` bytes (the browser's key, its auth secret). */
const keyOf = (bytes: number, check: (decoded: Buffer) => boolean = () => true) =>
  z
    .string({ error: "브라우저가 보낸 알림 키가 올바르지 않습니다." })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "브라우저가 보낸 알림 키가 올바르지 않습니다.")
    .transform((value) => value.replace(/=+$/, ""))
    .refine((value) => {
      const decoded = Buffer.from(value, "base64url");
      return decoded.length === bytes && check(decoded);
    }, "브라우저가 보낸 알림 키가 올바르지 않습니다.");

/** The browser's auth secret: 16 random bytes only the browser and the newsroom know. */
const authSecret = keyOf(16);

const browserSubscription = z.object(
  {
    endpoint,
    keys: z.object(
      {
        /** An uncompressed P-256 point. */
        p256dh: keyOf(65, (decoded) => decoded[0] === 0x04),
        auth: authSecret,
      },
      { error: "브라우저가 알림 키를 보내지 않았습니다." },
    ),
  },
  { error: "브라우저의 알림 구독 정보가 없습니다." },
);

export const pushSubscribeSchema = z.object({
  subscription: browserSubscription,
  topics: z
    .array(pushTopicSchema, { error: "받을 알림을 고르세요." })
    .min(1, "받을 알림을 하나 이상 고르세요. 모두 끄려면 '알림 끄기'를 누르세요.")
    .max(MAX_TOPICS_PER_BROWSER, `알림은 ${MAX_TOPICS_PER_BROWSER}개 주제까지 받을 수 있습니다.`),
});

export const pushUnsubscribeSchema = z.object({ endpoint });

/**
 * The browser's push service replaced its subscription (the worker's pushsubscriptionchange): the
 * new one, and the old one's endpoint with its auth secret. The endpoint passes through push
 * services and logs; the secret never leaves the browser and the newsroom, so it is the proof.
 */
export const pushResubscribeSchema = z.object({
  previous: z.object({ endpoint, auth: authSecret }, { error: "이전 알림 구독 정보가 없습니다." }),
  subscription: browserSubscription,
});
