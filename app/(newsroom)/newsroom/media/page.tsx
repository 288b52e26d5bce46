import Link from "next/link";
import { MediaCard } from "@/components/newsroom/media/media-card";
import { MediaUploadForm } from "@/components/newsroom/media/media-upload-form";
import { searchForPage } from "@/lib/actions/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listMedia } from "@/lib/media/media-library";
import "./media-library.css";

interface Props {
  searchParams: Promise<{ q?: string | string[]; cursor?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export const metadata = { title: "사진 보관함" };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const params = await searchParams;
  const q = first(params.q).slice(0, 100);
  const cursor = first(params.cursor) || undefined;
  const { found, searchError } = await searchForPage(() => listMedia(staff, { q, cursor }), { media: [], nextCursor: null });
  const { media, nextCursor } = found;

  return (
    <>
      <h1>사진 보관함</h1>
      <p className="form__hint">올린 사진은 모든 기사에서 다시 쓸 수 있습니다. 사진 설명과 출처는 사진 파일에 적힌 정보(IPTC/EXIF)로 먼저 채워집니다.</p>

      <form className="media-search" role="search" action="/newsroom/media">
        <label htmlFor="media-q" className="visually-hidden">
          사진 검색
        </label>
        <input id="media-q" name="q" type="search" defaultValue={q} placeholder="설명, 출처, 대체 텍스트, 올린 사람으로 찾기" maxLength={100} />
        <button type="submit">검색</button>
        {q && <Link href="/newsroom/media">전체 보기</Link>}
      </form>

      {can(staff, "media.upload") && (
        <details className="panel media-upload-panel">
          <summary>사진 올리기</summary>
          <MediaUploadForm />
        </details>
      )}

      {searchError && (
        <p className="form__error" role="alert">
          {searchError}
        </p>
      )}
      {media.length === 0 ? (
        <p>{q ? `“${q}”에 맞는 사진이 없습니다.` : "아직 올린 사진이 없습니다."}</p>
      ) : (
        <ul className="media-grid" aria-label="사진 목록">
          {media.map((item) => (
            <MediaCard key={item.id} media={item} editable={can(staff, "media.edit", { ownerId: item.uploader?.id ?? "" })} />
          ))}
        </ul>
      )}
      {nextCursor && (
        <p className="actions-row">
          <Link className="button button--secondary" href={`/newsroom/media?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor })}`}>
            다음 사진
          </Link>
        </p>
      )}
    </>
  );
}
