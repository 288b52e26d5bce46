import { KIND_KO } from "@/lib/portal/portal-labels";
import type { AdminDestination } from "@/lib/portal/destinations";

interface Section {
  id: number;
  name: string;
}

/**
 * The fields of a destination's settings (new or existing). The secret field is always empty: a
 * saved secret is never sent back to a browser; leaving it empty keeps it.
 */
export function DestinationFields({ destination, sections }: { destination?: AdminDestination; sections: Section[] }) {
  const mapped = new Map(destination?.categories.map((entry) => [entry.sectionId, entry.category]));
  return (
    <>
      {destination && <input type="hidden" name="destinationId" value={destination.id} />}
      <label>
        이름
        <input name="name" required maxLength={60} defaultValue={destination?.name} placeholder="예: 다음 뉴스 (제휴)" />
      </label>
      <label>
        송고 방식
        <select name="kind" defaultValue={destination?.kind ?? "PUSH"}>
          {Object.entries(KIND_KO).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <span className="form__hint">푸시: 수신처 주소로 서명한 JSON을 보냅니다. 풀 피드: 포털이 가져갈 비밀 주소의 RSS/Atom 피드를 만듭니다. IndexNow: 발행·수정·삭제 때 주소를 알립니다.</span>
      </label>
      <label>
        보낼 주소 (푸시, IndexNow)
        <input name="endpoint" type="url" maxLength={2000} defaultValue={destination?.endpoint} placeholder="https://..." />
        <span className="form__hint">https:// 주소만 됩니다. 내부망·사설 주소는 운영자가 설정에서 허용해야 합니다.</span>
      </label>
      <label>
        {destination ? "새 비밀 키 (비워 두면 그대로)" : "비밀 키 (비워 두면 만들어 드립니다)"}
        <input name="secret" type="password" autoComplete="new-password" maxLength={128} />
        <span className="form__hint">32자 이상. 저장한 키는 다시 보여 주지 않습니다. IndexNow 키는 영문·숫자·하이픈만 씁니다.</span>
      </label>
      <label>
        피드 형식 (풀 피드)
        <select name="feedFormat" defaultValue={destination?.feedFormat ?? "RSS"}>
          <option value="RSS">RSS 2.0</option>
          <option value="ATOM">Atom 1.0</option>
        </select>
      </label>
      <label>
        분당 요청 수 한도
        <input name="ratePerMinute" type="number" min={1} max={600} defaultValue={destination?.ratePerMinute ?? 60} />
      </label>
      <label className="portal-check">
        <input type="checkbox" name="allowWirePhotos" defaultChecked={destination?.allowWirePhotos ?? false} /> 통신 사진도 보냄 (통신사 계약이 허용할 때만)
      </label>
      <label className="portal-check">
        <input type="checkbox" name="active" defaultChecked={destination?.active ?? true} /> 사용
      </label>
      <fieldset>
        <legend>섹션별 등록 카테고리 (비운 섹션의 기사는 보내지 않습니다)</legend>
        <div className="portal-categories">
          {sections.map((section) => (
            <label key={section.id}>
              {section.name}
              <input name={`category-${section.id}`} maxLength={60} defaultValue={mapped.get(section.id) ?? ""} placeholder="카테고리" />
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
