import { ActionForm } from "@/components/newsroom/action-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { assertCan } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { getDigestSettings } from "@/lib/subscriptions/digest-settings";
import { listOutbox } from "@/lib/subscriptions/mail-outbox";
import { subscriptionCounts } from "@/lib/subscriptions/subscriptions";
import { updateDigestSettingsAction } from "./actions";
import "@/components/subscriptions/outbox.css";

export default async function NewslettersPage() {
  const staff = await requireStaffPage();
  const { settings, counts, outbox } = await loadForPage(async () => {
    assertCan(staff, "newsletter.configure");
    const [settings, counts, outbox] = await Promise.all([getDigestSettings(), subscriptionCounts(staff), listOutbox(staff)]);
    return { settings, counts, outbox };
  });
  return (
    <>
      <h1>뉴스레터·기자 구독</h1>
      <section className="panel">
        <h2>구독자</h2>
        <p data-testid="subscriber-counts">
          아침 뉴스레터 {counts.digest}명 · 기자 구독 {counts.reporterFollows}건 · 확인 기다림 {counts.pending}건
        </p>
        <p className="form__hint">독자의 이메일 주소는 어느 화면에도 보이지 않습니다. 구독을 해지하면 주소도 바로 지워지고, 확인하지 않은 신청은 48시간 뒤 지워집니다.</p>
      </section>

      <section className="panel">
        <h2>아침 뉴스레터</h2>
        <ActionForm action={updateDigestSettingsAction} submitLabel="설정 저장">
          <label>
            <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> 매일 아침 보내기
          </label>
          <label>
            발송 시각 (한국 시간)
            <input type="time" name="time" defaultValue={settings.time} required step={60} />
            <span className="form__hint">전날(0시~24시) 가장 많이 읽힌 기사 5건을 이 시각에 구독자에게 보냅니다.</span>
          </label>
        </ActionForm>
      </section>

      {outbox.active && (
        <section className="panel">
          <h2>보낸 메일 (데모 보관함)</h2>
          <p className="form__hint">
            메일 서버(SMTP_URL)가 설정되지 않아 메일을 보내지 않고 <code>{outbox.dir}</code>에 .eml 파일로 저장합니다. 최근 {outbox.mails.length}통입니다.
          </p>
          {outbox.mails.length === 0 ? (
            <p>아직 보낸 메일이 없습니다.</p>
          ) : (
            <ol className="outbox" data-testid="mail-outbox">
              {outbox.mails.map((mail) => (
                <li key={mail.file}>
                  <details>
                    <summary>
                      <strong>{mail.subject}</strong> <span className="outbox__meta">{mail.to} · {formatKstDateTime(new Date(mail.sentAt))}</span>
                    </summary>
                    {/* Our own mail's HTML, passed through sanitize-html by listOutbox. */}
                    <div className="outbox__mail" dangerouslySetInnerHTML={{ __html: mail.html }} />
                  </details>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
