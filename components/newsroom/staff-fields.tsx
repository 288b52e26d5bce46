import { BYLINE_TITLES } from "@/lib/staff/staff-schemas";

export interface StaffFieldValues {
  name?: string;
  email?: string;
  role?: string;
  title?: string;
  bylineEmail?: string | null;
  bio?: string;
}

/**
 * The inputs of the staff forms: "create" (admin, everything), "edit" (admin; the login e-mail
 * is fixed after creation) and "self" (one's own profile: no role, title or e-mail; the byline
 * name and e-mail only for an admin, `bylineEditable`: lib/staff/own-account.ts says why).
 */
export function StaffFields({ values = {}, mode, bylineEditable = true }: { values?: StaffFieldValues; mode: "create" | "edit" | "self"; bylineEditable?: boolean }) {
  const emailEditable = mode === "create";
  const admin = mode !== "self";
  return (
    <>
      {bylineEditable ? (
        <label>
          이름 <span className="form__hint">바이라인에 실리는 이름: 활동 중인 직원끼리 겹칠 수 없습니다</span>
          <input name="name" defaultValue={values.name} required maxLength={40} />
        </label>
      ) : (
        <div>
          <p>
            이름 <strong>{values.name}</strong> · 바이라인 이메일 <strong>{values.bylineEmail || "없음"}</strong>
          </p>
          <p className="form__hint">이름과 바이라인 이메일은 기사마다 실리는 서명이라 관리자만 바꿀 수 있습니다. 바꿀 일이 있으면 관리자에게 요청하세요.</p>
        </div>
      )}
      {emailEditable && (
        <label>
          로그인 이메일
          <input name="email" type="email" defaultValue={values.email} required />
        </label>
      )}
      {admin && (
        <>
          <label>
            역할 <span className="form__hint">할 수 있는 일: 기자는 자기 기사 작성·송고, 데스크는 승인·발행, 관리자는 전부</span>
            <select name="role" defaultValue={values.role ?? "REPORTER"}>
              <option value="REPORTER">기자 (REPORTER)</option>
              <option value="EDITOR">데스크 (EDITOR)</option>
              <option value="ADMIN">관리자 (ADMIN)</option>
            </select>
          </label>
          <label>
            직함 <span className="form__hint">바이라인에 붙는 이름: 예) 최하은 인턴기자</span>
            <input name="title" list="byline-titles" defaultValue={values.title ?? "기자"} required maxLength={20} />
            <datalist id="byline-titles">
              {BYLINE_TITLES.map((title) => (
                <option key={title} value={title} />
              ))}
            </datalist>
          </label>
        </>
      )}
      {bylineEditable && (
        <label>
          바이라인 이메일 <span className="form__hint">기사 끝에 공개되는 주소</span>
          <input name="bylineEmail" type="email" defaultValue={values.bylineEmail ?? ""} />
        </label>
      )}
      <label>
        소개
        <textarea name="bio" defaultValue={values.bio} maxLength={500} />
      </label>
      <label>
        사진 <span className="form__hint">JPEG, PNG, WebP, GIF · 10MB 이하</span>
        <input name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" />
      </label>
    </>
  );
}
