import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { TransmissionStatus, TransmissionWhat, TransmissionWhen } from "@/components/newsroom/portal/transmission-cells";
import { KIND_KO } from "@/lib/portal/portal-labels";
import type { StoryTransmissions } from "@/lib/portal/transmission-queries";
import { holdForDestinationAction, releaseForDestinationAction, resendTransmissionAction, sendToDestinationAction } from "@/app/(newsroom)/newsroom/portal/actions";

/**
 * The review screen's 포털 송고 panel: per destination, what went there (which revision, when,
 * with what result, newest first) and what the desk may do: send, resend what failed, hold or
 * release. The server decides whether each is allowed and says why not.
 */
export function TransmissionPanel({ articleId, destinations, visible }: { articleId: number; destinations: StoryTransmissions; visible: boolean }) {
  return (
    <section className="portal-panel" aria-labelledby="portal-panel-title" data-testid="transmission-panel">
      <h3 id="portal-panel-title">포털 송고</h3>
      {destinations.length === 0 && <p className="desk-empty">등록된 송고처가 없습니다.</p>}
      {destinations.map(({ destination, held, rows }) => {
        const failed = rows.find((row) => row.status === "DEAD");
        const ids = (
          <>
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="destinationId" value={destination.id} />
          </>
        );
        return (
          <div className="portal-dest" key={destination.id} data-destination={destination.name}>
            <div className="portal-dest__head">
              <strong>
                <Link href={`/newsroom/portal/${destination.id}`}>{destination.name}</Link>
              </strong>
              <span className="desk-count">{KIND_KO[destination.kind]}</span>
              {!destination.active && <span className="badge badge--muted">꺼짐</span>}
              {held && <span className="badge">보류 중</span>}
            </div>
            {rows.length === 0 ? (
              <p className="desk-empty">{visible ? "아직 보낸 적이 없습니다." : "공개되면 규칙에 따라 보냅니다."}</p>
            ) : (
              <ol>
                {rows.map((row) => (
                  <li key={String(row.id)}>
                    <TransmissionWhat row={row} /> · <TransmissionWhen row={row} /> <TransmissionStatus row={row} />
                  </li>
                ))}
              </ol>
            )}
            <div className="portal-dest__buttons">
              {visible && destination.active && (
                <ActionForm action={sendToDestinationAction} submitLabel="보내기">
                  {ids}
                </ActionForm>
              )}
              {failed && (
                <ActionForm action={resendTransmissionAction} submitLabel="다시 보내기">
                  <input type="hidden" name="transmissionId" value={String(failed.id)} />
                  {ids}
                </ActionForm>
              )}
              {held ? (
                <ActionForm action={releaseForDestinationAction} submitLabel="보류 풀기">
                  {ids}
                </ActionForm>
              ) : (
                <ActionForm action={holdForDestinationAction} submitLabel="보류">
                  {ids}
                </ActionForm>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
