// What an admin sends to set up a destination (송고처), checked once here for the form and the
// domain function. The endpoint's address rules are in address-policy.ts; the sections named in
// the category map are checked against the database by destinations.ts.
import { z } from "zod";
import { intId, safeText } from "@/lib/schemas/common";

/** The shortest secret accepted: 32 characters (a 128-bit random value written in hex). */
const SECRET_MIN_LENGTH = 32;
const SECRET_MAX_LENGTH = 128;

const categoryEntry = z.object({
  sectionId: intId("섹션 번호가 올바르지 않습니다."),
  category: safeText({ min: 1, max: 60, minMessage: "카테고리 이름을 적어 주세요.", maxMessage: "카테고리 이름은 60자 이하로 적어 주세요." }),
});

const secret = z
  .string({ error: "비밀 키는 글자로 입력하세요." })
  .trim()
  .max(SECRET_MAX_LENGTH, `비밀 키는 ${SECRET_MAX_LENGTH}자 이하로 입력하세요.`)
  .refine((value) => value === "" || value.length >= SECRET_MIN_LENGTH, `비밀 키가 너무 짧습니다. ${SECRET_MIN_LENGTH}자 이상으로 하거나, 비워 두면 안전한 키를 만들어 드립니다.`)
  .refine((value) => value === "" || /^[\x21-\x7e]+$/.test(value), "비밀 키에는 공백 없이 영문·숫자·기호만 쓸 수 있습니다.");

export const destinationInputSchema = z
  .object({
    name: safeText({ min: 1, max: 60, minMessage: "송고처 이름을 적어 주세요.", maxMessage: "송고처 이름은 60자 이하로 적어 주세요." }),
    kind: z.enum(["PUSH", "PULL", "INDEXNOW"], { error: "송고 방식을 고르세요 (푸시, 풀 피드, IndexNow)." }),
    endpoint: z.string({ error: "주소는 글자로 입력하세요." }).trim().max(2_000, "주소가 너무 깁니다.").default(""),
    /** Empty: keep the current one (or, for a new destination, make one and show it once). */
    secret: secret.default(""),
    feedFormat: z.enum(["RSS", "ATOM"], { error: "피드 형식은 RSS나 Atom입니다." }).default("RSS"),
    allowWirePhotos: z.boolean({ error: "통신 사진 허용 여부가 올바르지 않습니다." }).default(false),
    active: z.boolean({ error: "사용 여부가 올바르지 않습니다." }).default(true),
    ratePerMinute: z.number({ error: "분당 요청 수는 숫자로 입력하세요." }).int("분당 요청 수는 정수로 입력하세요.").min(1, "분당 요청 수는 1 이상이어야 합니다.").max(600, "분당 요청 수는 600 이하로 하세요.").default(60),
    categories: z.array(categoryEntry).max(200, "카테고리 연결이 너무 많습니다.").default([]),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== "PULL" && input.endpoint === "") ctx.addIssue({ code: "custom", path: ["endpoint"], message: "보낼 주소(https://...)를 적어 주세요." });
    if (input.kind === "INDEXNOW" && input.secret !== "" && !/^[A-Za-z0-9-]+$/.test(input.secret)) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "IndexNow 키에는 영문, 숫자, 하이픈(-)만 쓸 수 있습니다." });
    }
    const sections = input.categories.map((entry) => entry.sectionId);
    if (new Set(sections).size !== sections.length) ctx.addIssue({ code: "custom", path: ["categories"], message: "한 섹션을 두 카테고리에 연결할 수 없습니다." });
  });

export type DestinationInput = z.output<typeof destinationInputSchema>;
