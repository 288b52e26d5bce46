import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { StaffFields } from "@/components/newsroom/staff-fields";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { ROLE_KO } from "@/lib/staff/role-labels";
import { formatKstMinute } from "@/lib/format/korean-time";
import { listStaff } from "@/lib/staff/manage-staff";
import { createStaffAction } from "./actions";

export default async function StaffPage() {
  const staff = await requireStaffPage();
  const result = await loadForPage(() => listStaff(staff));
  return (
    <>
      <h1>직원 관리</h1>
      <table className="table">
        <thead>
          <tr>
            <th>이름</th>
            <th>로그인 이메일</th>
            <th>역할</th>
            <th>상태</th>
            <th>최근 로그인</th>
          </tr>
        </thead>
        <tbody>
          {result.map((member) => (
            <tr key={member.id}>
              <td>
                <Link href={`/newsroom/staff/${member.id}`}>
                  {member.name} {member.title}
                </Link>
              </td>
              <td>{member.email}</td>
              <td>{ROLE_KO[member.role]}</td>
              <td>
                {member.active ? <span className="badge">활성</span> : <span className="badge badge--muted">비활성</span>}
                {member.mustChangePassword && <span className="badge badge--muted"> 임시 비밀번호</span>}
              </td>
              <td>{member.lastLoginAt ? formatKstMinute(member.lastLoginAt) : "-"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel">
        <h2>새 직원 계정</h2>
        <p className="form__hint">임시 비밀번호가 한 번 표시됩니다. 새 직원은 첫 로그인 때 자기 비밀번호로 바꿉니다.</p>
        <ActionForm action={createStaffAction} submitLabel="계정 만들기" resetOnSuccess>
          <StaffFields mode="create" />
        </ActionForm>
      </section>
    </>
  );
}
