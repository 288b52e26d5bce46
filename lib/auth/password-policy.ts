// What a new password must be (ASVS 6.2): at least 10 characters, at most 200, not one of the
// ~12,600 most common passwords (lib/auth/data/common-passwords.txt, see its README), and not
// easy to guess by a strength estimator (lib/auth/password-strength.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { weakPasswordReason } from "@/lib/auth/password-strength";
import { isStorableText } from "@/lib/schemas/common";

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "auth", "data", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return commonPasswords;
}

/** True for passwords on the common list, also when only case or a trailing digit/symbol run differs. */
function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lowered = password.trim().toLowerCase();
  return list.has(lowered) || list.has(lowered.replace(/[\d!@#$%^&*.?]+$/, ""));
}

/** A new password, with Korean messages for the form that shows them. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`)
  .max(PASSWORD_MAX_LENGTH, `비밀번호는 ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`)
  .refine(isStorableText, "비밀번호에 쓸 수 없는 문자가 있습니다.")
  .refine((password) => !isCommonPassword(password), "너무 흔한 비밀번호입니다. 다른 비밀번호를 쓰세요.")
  .superRefine((password, ctx) => {
    const reason = weakPasswordReason(password);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });
