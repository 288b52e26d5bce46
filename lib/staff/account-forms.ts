import "server-only";
// What the account pages' forms send, read and passed to lib/staff/own-account.ts. Kept apart
// from the "use server" module so tests can run each handler with any input.
import { redirect } from "next/navigation";
import type { FormHandler } from "@/lib/actions/staff-action";
import { formFile, formText } from "@/lib/actions/staff-action";
import { clearSessionCookies } from "@/lib/auth/session";
import { changeOwnPassword, updateOwnProfile } from "@/lib/staff/own-account";

export const updateOwnProfileForm: FormHandler = async (staff, formData) => {
  await updateOwnProfile(
    staff,
    { name: formText(formData, "name"), bylineEmail: formText(formData, "bylineEmail"), bio: formText(formData, "bio") },
    { photo: formFile(formData, "photo") },
  );
  return { status: "ok", message: "프로필을 저장했습니다." };
};

export const changeOwnPasswordForm: FormHandler = async (staff, formData) => {
  await changeOwnPassword(staff, {
    currentPassword: formText(formData, "currentPassword") ?? "",
    newPassword: formText(formData, "newPassword") ?? "",
    confirmPassword: formText(formData, "confirmPassword") ?? "",
  });
  // Every session of the account has ended, this one too: sign in again with the new password.
  await clearSessionCookies();
  redirect("/login?reason=password-changed");
};
