import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { DEFAULT_CLAIM_SETTINGS, getClaimSettings } from "@/lib/claims/claim-settings";
import { updateClaimSettingsAction } from "../actions";

const FIELDS = [
  ["replyDays", "수용 여부 통지 기한 (일)", "언론중재법 제15조 제2항: 청구를 받은 언론사의 대표자는 3일 이내에 수용 여부를 알려야 합니다."],
  ["publishDays", "정정·반론·추후보도 게재 기한 (일)", "제15조 제3항: 수용하면 청구를 받은 날부터 7일 안에 게재합니다 (반론은 제16조 제3항, 추후보도는 제17조 제4항으로 준용)."],
  ["takedownReplyDays", "삭제·임시조치 요청 처리 기한 (일)", "정보통신망법 제44조의2 제2항은 「지체 없이」라고만 정합니다: 신문사가 정하는 기한입니다."],
  ["retentionDays", "청구인 개인정보 보유 기간 (종결 뒤 일)", "개인정보 보호법 제21조: 기간이 지나면 지체 없이 파기합니다. 기본 3년은 손해배상청구권의 단기 소멸시효(민법 제766조 제1항)에 맞췄습니다. 늘려도 이미 받은 청구는 동의받은 기간까지만 보관합니다."],
  ["maxPerHourPerSource", "한 출처의 시간당 접수 수", "같은 접속 출처(댓글 필터와 같은 기준)에서 한 시간에 받을 청구 수입니다."],
  ["maxPerDayPerSource", "한 출처의 하루 접수 수", "같은 출처에서 24시간에 받을 청구 수입니다."],
] as const;

/** The rights desk's periods and limits (admins). Deadlines are fixed when a claim arrives. */
export default async function ClaimSettingsPage() {
  const staff = await requireStaffPage();
  const settings = await loadForPage(() => getClaimSettings(staff));
  return (
    <>
      <p>
        <Link href="/newsroom/claims">← 권리구제 청구</Link>
      </p>
      <h1>권리구제 설정</h1>
      <section className="panel">
        <p className="form__hint">기간은 접수한 날을 빼고 세어 마지막 날 24시(한국 시각)에 끝납니다 (민법 제157조·제159조). 바꾼 기한은 새로 접수되는 청구부터 적용됩니다.</p>
        <ActionForm action={updateClaimSettingsAction} submitLabel="설정 저장">
          {FIELDS.map(([name, label, hint]) => (
            <label key={name}>
              {label}
              <input type="number" name={name} defaultValue={settings[name]} min={1} required />
              <span className="form__hint">
                {hint} (기본값 {DEFAULT_CLAIM_SETTINGS[name]})
              </span>
            </label>
          ))}
        </ActionForm>
      </section>
    </>
  );
}
