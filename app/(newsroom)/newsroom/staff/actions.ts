"use server";

import { revalidatePath } from "next/cache";
import { formFile, formText, staffAction } from "@/lib/actions/staff-action";
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

export const createStaffAction = staffAction(async (staff, formData) => {
  const { user, temporaryPassword } = await createStaffMember(staff, staffFields(formData), { photo: formFile(formData, "photo") });
  revalidatePath("/newsroom/staff");
  return { status: "ok", message: `${user.name} ${user.title} 계정을 만들었습니다. 첫 로그인 때 비밀번호를 바꾸게 됩니다.`, secret: temporaryPassword };
});

export const updateStaffAction = staffAction(async (staff, formData) => {
  const id = formText(formData, "userId") ?? "";
  const { email: _email, ...fields } = staffFields(formData);
  await updateStaffMember(staff, id, fields, { photo: formFile(formData, "photo") });
  revalidatePath(`/newsroom/staff/${id}`);
  return { status: "ok", message: "저장했습니다." };
});

export const setStaffActiveAction = staffAction(async (staff, formData) => {
  const id = formText(formData, "userId") ?? "";
  const active = formText(formData, "active") === "true";
  await setStaffActive(staff, id, active);
  revalidatePath(`/newsroom/staff/${id}`);
  return { status: "ok", message: active ? "계정을 다시 활성화했습니다." : "계정을 비활성화했습니다. 열려 있던 세션도 모두 끝났습니다." };
});

export const resetStaffPasswordAction = staffAction(async (staff, formData) => {
  const { temporaryPassword } = await resetStaffPassword(staff, formText(formData, "userId") ?? "");
  return { status: "ok", message: "임시 비밀번호를 만들었습니다. 다음 로그인 때 새 비밀번호로 바꾸게 됩니다.", secret: temporaryPassword };
});
