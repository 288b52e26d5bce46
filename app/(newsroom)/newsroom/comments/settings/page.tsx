import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { listBlockedWords } from "@/lib/comments/blocked-word-list";
import { getCommentSettings } from "@/lib/comments/comment-settings";
import { assertCan } from "@/lib/auth/permissions";
import { addBlockedWordsAction, removeBlockedWordsAction, testBlockedWordsAction, updateCommentSettingsAction } from "../actions";
import "@/components/newsroom/comments/moderation.css";

const NUMBER_FIELDS = [
  ["minIntervalSeconds", "연속 등록 간격 (초)", "같은 작성자가 이 시간 안에 다시 쓰면 거절합니다. 0이면 끕니다."],
  ["maxPerHourPerStory", "기사당 시간당 댓글 수", "한 작성자가 한 기사에 한 시간 동안 쓸 수 있는 댓글 수입니다."],
  ["duplicateWindowMinutes", "같은 글 반복 금지 (분)", "같은 작성자의 같은 내용을 이 시간 안에 다시 받지 않습니다."],
  ["maxLinks", "링크 수", "링크가 이보다 많으면 검토 후 게시합니다."],
  ["reportHideThreshold", "자동 숨김 신고 수", "서로 다른 독자 이만큼이 신고하면 데스크가 볼 때까지 숨깁니다."],
] as const;

export default async function CommentSettingsPage() {
  const staff = await requireStaffPage();
  const result = await loadForPage(async () => {
    assertCan(staff, "comment.configure");
    return { settings: await getCommentSettings(), words: await listBlockedWords(staff) };
  });
  const { settings, words } = result;
  return (
    <>
      <p>
        <Link href="/newsroom/comments">← 댓글 관리</Link>
      </p>
      <h1>금칙어·댓글 운영 설정</h1>

      <section className="panel">
        <h2>운영 설정</h2>
        <ActionForm action={updateCommentSettingsAction} submitLabel="설정 저장">
          {NUMBER_FIELDS.map(([name, label, hint]) => (
            <label key={name}>
              {label}
              <input type="number" name={name} defaultValue={settings[name]} min={0} required />
              <span className="form__hint">{hint}</span>
            </label>
          ))}
          <label>
            금칙어가 있는 댓글
            <select name="blockedWordAction" defaultValue={settings.blockedWordAction}>
              <option value="hold">검토 후 게시 (작성자에게 검토 중이라고 알림)</option>
              <option value="reject">등록 거절 (고쳐 쓰라고 알림)</option>
            </select>
          </label>
        </ActionForm>
      </section>

      <section className="panel">
        <h2>금칙어 시험해 보기</h2>
        <p className="form__hint">띄어쓰기, 점·숫자 끼워 넣기(시.발, 시1발), 초성(ㅅㅂ), 자모 풀어 쓰기, 늘여 쓰기, 전각 문자까지 알아봅니다. 시발점·수박씨 발라 같은 말은 걸리지 않습니다.</p>
        <ActionForm action={testBlockedWordsAction} submitLabel="시험">
          <label>
            문장
            <input name="text" maxLength={1000} required placeholder="예: 이 기사 ㅅ1발 뭐냐" />
          </label>
        </ActionForm>
      </section>

      <section className="panel">
        <h2>금칙어 더하기</h2>
        <ActionForm action={addBlockedWordsAction} submitLabel="더하기" resetOnSuccess>
          <label>
            한 줄에 하나씩
            <textarea name="words" rows={4} required placeholder={"예:\n똥멍청이"} />
            <span className="form__hint">변형(띄어쓰기, 숫자·기호 끼워 넣기, 초성)은 따로 적지 않아도 됩니다.</span>
          </label>
        </ActionForm>
      </section>

      <section className="panel">
        <h2>금칙어 목록 ({words.length}개)</h2>
        <ActionForm action={removeBlockedWordsAction} submitLabel="고른 금칙어 빼기" danger confirmMessage="고른 금칙어를 목록에서 뺄까요?">
          <ul className="blocked-words">
            {words.map((word) => (
              <li key={word.id}>
                <label>
                  <input type="checkbox" name="wordIds" value={word.id} /> {word.word}
                </label>
              </li>
            ))}
          </ul>
        </ActionForm>
      </section>
    </>
  );
}
