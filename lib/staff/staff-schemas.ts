// One schema per staff input, shared by the forms, the server actions and the API.
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { isStorableText, safeText } from "@/lib/schemas/common";

export const BYLINE_TITLES = ["인턴기자", "수습기자", "기자", "선임기자", "전문기자", "객원기자", "논설위원", "부장", "데스크", "편집국장"] as const;

const name = safeText({ min: 1, max: 40, minMessage: "이름을 입력하세요.", maxMessage: "이름은 40자 이하로 입력하세요." });
const email = safeText({ max: 320 }).pipe(z.string().toLowerCase().email("올바른 이메일 주소를 입력하세요."));
const optionalEmail = safeText({ max: 320 })
  .pipe(z.string().toLowerCase())
  .transform((value) => value || null)
  .pipe(z.email("올바른 바이라인 이메일 주소를 입력하세요.").nullable());
const title = safeText({ min: 1, max: 20, minMessage: "직함을 입력하세요.", maxMessage: "직함은 20자 이하로 입력하세요." });
const bio = safeText({ max: 500, maxMessage: "소개는 500자 이하로 입력하세요." });
const roleSchema = z.enum(["REPORTER", "EDITOR", "ADMIN"], { error: "역할을 고르세요." });

export const createStaffSchema = z.object({
  name,
  email,
  role: roleSchema,
  title,
  bylineEmail: optionalEmail.default(null),
  bio: bio.default(""),
});

export const updateStaffSchema = z.object({
  name: name.optional(),
  role: roleSchema.optional(),
  title: title.optional(),
  bylineEmail: optionalEmail.optional(),
  bio: bio.optional(),
});

export const updateOwnProfileSchema = z.object({
  name: name.optional(),
  bylineEmail: optionalEmail.optional(),
  bio: bio.optional(),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "현재 비밀번호를 입력하세요.").max(1000).refine(isStorableText, "비밀번호에 쓸 수 없는 문자가 있습니다."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: "새 비밀번호 확인이 일치하지 않습니다.", path: ["confirmPassword"] })
  .refine((input) => input.newPassword !== input.currentPassword, { message: "새 비밀번호가 현재 비밀번호와 같습니다.", path: ["newPassword"] });
