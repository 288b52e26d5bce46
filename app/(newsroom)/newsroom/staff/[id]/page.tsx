import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { StaffFields } from "@/components/newsroom/staff-fields";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { mediaUrl } from "@/lib/media/media-url";
import { getStaffMember } from "@/lib/staff/manage-staff";
import { resetStaffPasswordAction, setStaffActiveAction, updateStaffAction } from "../actions";

interface Props {
  params: Promise<{ id: string }>;
}

export default async function StaffMemberPage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = (await params).id;
  const result = await loadForPage(() => getStaffMember(staff, id));
  const member = result;
  const userId = <input type="hidden" name="userId" value={member.id} />;
  return (
    <>
      <p>
        <Link href="/newsroom/staff">← 직원 목록</Link>
      </p>
      <h1>
        {member.name} {member.title} <small>({member.email})</small>
      </h1>
      {member.photo && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={mediaUrl(member.photo.storageKey)} alt={`${member.name} 사진`} width={120} />
      )}
      <section className="panel">
        <h2>정보와 역할</h2>
        <p className="form__hint">역할을 바꾸면 이 직원의 열린 세션이 모두 끝나고 다시 로그인해야 합니다.</p>
        <ActionForm action={updateStaffAction} submitLabel="저장">
          {userId}
          <StaffFields values={member} mode="edit" />
        </ActionForm>
      </section>
      <section className="panel">
        <h2>계정 상태: {member.active ? "활성" : "비활성"}</h2>
        <ActionForm
          action={setStaffActiveAction}
          submitLabel={member.active ? "비활성화" : "다시 활성화"}
          danger={member.active}
          confirmMessage={member.active ? `${member.name} 계정을 비활성화합니다. 바로 로그아웃됩니다.` : undefined}
        >
          {userId}
          <input type="hidden" name="active" value={member.active ? "false" : "true"} />
        </ActionForm>
      </section>
      <section className="panel">
        <h2>비밀번호 초기화</h2>
        <p className="form__hint">임시 비밀번호를 만들어 한 번 보여 줍니다. 기존 비밀번호와 세션은 바로 무효가 됩니다.</p>
        <ActionForm action={resetStaffPasswordAction} submitLabel="임시 비밀번호 만들기" confirmMessage="비밀번호를 초기화할까요?">
          {userId}
        </ActionForm>
      </section>
    </>
  );
}
