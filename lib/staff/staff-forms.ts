import "server-only";
// What the staff admin forms send, read and passed to lib/staff/manage-staff.ts. Kept apart from
// the "use server" module so tests can run each handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formFile, formText } from "@/lib/actions/staff-action";
import { createStaffMember, resetStaffPassword, setStaffActive, updateStaffMember } from "@/lib/staff/manage-staff";

function staffFields(formData: FormData) {
  return {
    name: formText(formData, "name"),
    email: formText(formData, "email"),
    role: formText(formData, "role"),
    title: formText(formData, "title"),
    bylineEmail: formText(formData, "bylineEmail"),
    bio: formText(formData, "bio"),
  };
}

export const userIdFromForm = (formData: FormData) => formText(formData, "userId") ?? "";

export const createStaffForm: FormHandler = async (staff, formData) => {
  const { user, temporaryPassword } = await createStaffMember(staff, staffFields(formData), { photo: formFile(formData, "photo") });
  return { status: "ok", message: `${user.name} ${user.title} 계정을 만들었습니다. 첫 로그인 때 비밀번호를 바꾸게 됩니다.`, secret: temporaryPassword };
};

export const updateStaffForm: FormHandler = async (staff, formData) => {
  const { email: _email, ...fields } = staffFields(formData);
  await updateStaffMember(staff, userIdFromForm(formData), fields, { photo: formFile(formData, "photo") });
  return { status: "ok", message: "저장했습니다." };
};

export const setStaffActiveForm: FormHandler = async (staff, formData) => {
  const active = formText(formData, "active") === "true";
  await setStaffActive(staff, userIdFromForm(formData), active);
  return { status: "ok", message: active ? "계정을 다시 활성화했습니다." : "계정을 비활성화했습니다. 열려 있던 세션도 모두 끝났습니다." };
};

export const resetStaffPasswordForm: FormHandler = async (staff, formData) => {
  const { temporaryPassword } = await resetStaffPassword(staff, userIdFromForm(formData));
  return { status: "ok", message: "임시 비밀번호를 만들었습니다. 다음 로그인 때 새 비밀번호로 바꾸게 됩니다.", secret: temporaryPassword };
};
