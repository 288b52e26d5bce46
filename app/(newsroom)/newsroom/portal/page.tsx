import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { DestinationFields } from "@/components/newsroom/portal/destination-fields";
import "@/components/newsroom/portal/portal.css";
import { loadForPage } from "@/lib/actions/page-guard";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstMinute } from "@/lib/format/korean-time";
import { listDestinationsForAdmin, listDestinationNames } from "@/lib/portal/destinations";
import { KIND_KO } from "@/lib/portal/portal-labels";
import { listSectionsForEditor } from "@/lib/sections/newsroom-sections";
import { saveDestinationAction } from "./actions";

/** 송고처: admins set them up here; the desk sees the list and opens each one's log. */
export default async function PortalDestinationsPage() {
  const staff = await requireStaffPage();
  const admin = canForAnyRecord(staff, "portal.configure");
  const data = await loadForPage(async () =>
    admin ? { full: await listDestinationsForAdmin(staff), sections: await listSectionsForEditor(staff) } : { names: await listDestinationNames(staff) },
  );
  return (
    <>
      <h1>포털 송고처</h1>
      <p className="form__hint">발행·정정·게재 중단된 기사가 여기 등록된 곳으로 나갑니다. 송고처 이름을 누르면 송고 기록과 기다리는 실패가 보입니다.</p>
      <div className="portal-table-wrap">
        <table className="table portal-table" data-testid="destination-table">
          <thead>
            <tr>
              <th>이름</th>
              <th>방식</th>
              <th>상태</th>
              {data.full && <th>카테고리 연결</th>}
              {data.full && <th>통신 사진</th>}
              {data.full && <th>주소</th>}
            </tr>
          </thead>
          <tbody>
            {(data.full ?? data.names ?? []).map((destination) => {
              const full = data.full?.find((one) => one.id === destination.id);
              return (
                <tr key={destination.id}>
                  <td data-label="이름">
                    <Link href={`/newsroom/portal/${destination.id}`}>{destination.name}</Link>
                  </td>
                  <td data-label="방식">{KIND_KO[destination.kind]}</td>
                  <td data-label="상태">{destination.active ? <span className="badge">사용</span> : <span className="badge badge--muted">꺼짐</span>}</td>
                  {full && <td data-label="카테고리">{full.categories.length > 0 ? full.categories.map((entry) => `${entry.section.name}→${entry.category}`).join(", ") : "없음 (아무것도 보내지 않음)"}</td>}
                  {full && <td data-label="통신 사진">{full.allowWirePhotos ? "보냄" : "빼고 보냄"}</td>}
                  {full && (
                    <td data-label="주소">
                      {full.kind === "PULL" ? `피드${full.lastFetchedAt ? ` · 마지막 수집 ${formatKstMinute(full.lastFetchedAt)}` : " · 아직 수집 안 됨"}` : full.endpoint}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.full && data.sections && (
        <section className="panel">
          <h2>새 송고처</h2>
          <ActionForm action={saveDestinationAction} submitLabel="송고처 만들기" resetOnSuccess>
            <DestinationFields sections={data.sections} />
          </ActionForm>
        </section>
      )}
    </>
  );
}
