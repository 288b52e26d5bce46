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
 * is fixed after creation) and "self" (one's own profile: no role, title or e-mail).
 */
export function StaffFields({ values = {}, mode }: { values?: StaffFieldValues; mode: "create" | "edit" | "self" }) {
  const emailEditable = mode === "create";
  const admin = mode !== "self";
  return (
    <>
      <label>
        이름
        <input name="name" defaultValue={values.name} required maxLength={40} />
      </label>
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
      <label>
        바이라인 이메일 <span className="form__hint">기사 끝에 공개되는 주소</span>
        <input name="bylineEmail" type="email" defaultValue={values.bylineEmail ?? ""} />
      </label>
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
