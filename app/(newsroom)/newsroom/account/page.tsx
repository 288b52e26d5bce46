import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { StaffFields } from "@/components/newsroom/staff-fields";
import { requireStaffPage } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/staff/own-account";
import { updateOwnProfileAction } from "./actions";

export default async function AccountPage() {
  const staff = await requireStaffPage();
  const profile = await getOwnProfile(staff);
  return (
    <>
      <h1>내 계정</h1>
      <p>
        로그인 이메일 {profile.email} · 바이라인 「{profile.name} {profile.title}」 · <Link href="/newsroom/account/password">비밀번호 바꾸기</Link>
      </p>
      <ActionForm action={updateOwnProfileAction} submitLabel="프로필 저장">
        <StaffFields values={profile} mode="self" bylineEditable={profile.role === "ADMIN"} />
      </ActionForm>
    </>
  );
}
