import { ActionForm } from "@/components/newsroom/action-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { requireStaffPage } from "@/lib/auth/session";
import { changeOwnPasswordAction } from "../actions";

interface Props {
  searchParams: Promise<{ reason?: string }>;
}

export default async function PasswordPage({ searchParams }: Props) {
  const staff = await requireStaffPage({ allowPendingPasswordChange: true });
  const temporary = staff.mustChangePassword || (await searchParams).reason === "temporary";
  return (
    <>
      <h1>비밀번호 바꾸기</h1>
      {temporary && <p className="notice">관리자가 만든 임시 비밀번호로 로그인했습니다. 계속하려면 새 비밀번호를 정하세요.</p>}
      <p className="form__hint">
        {PASSWORD_MIN_LENGTH}자 이상, 흔히 쓰이는 비밀번호는 쓸 수 없습니다. 바꾸면 모든 기기에서 로그아웃되고 새 비밀번호로 다시 로그인합니다.
      </p>
      <ActionForm action={changeOwnPasswordAction} submitLabel="비밀번호 바꾸기">
        <label>
          현재 비밀번호
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          새 비밀번호
          <input name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />
        </label>
        <label>
          새 비밀번호 확인
          <input name="confirmPassword" type="password" autoComplete="new-password" required />
        </label>
      </ActionForm>
    </>
  );
}
