import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
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
        <label>
          이름
          <input name="name" defaultValue={profile.name} required maxLength={40} />
        </label>
        <label>
          바이라인 이메일 <span className="form__hint">기사 끝에 공개되는 주소</span>
          <input name="bylineEmail" type="email" defaultValue={profile.bylineEmail ?? ""} />
        </label>
        <label>
          소개
          <textarea name="bio" defaultValue={profile.bio} maxLength={500} />
        </label>
        <label>
          사진
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" />
        </label>
      </ActionForm>
    </>
  );
}
