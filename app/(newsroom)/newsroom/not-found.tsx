import { WayBackNotice } from "@/components/newsroom/way-back-notice";

// A story or page that does not exist, shown inside the newsroom's chrome (the root not-found page
// is the reader site's, whose links lead staff away from the newsroom). Reached by notFound() in a
// newsroom page: an unknown story number in an old link or a mistyped address.
export default function NewsroomNotFound() {
  return (
    <WayBackNotice testId="newsroom-not-found" title="찾는 기사나 화면이 없습니다" linkLabel="기사 목록으로 가기">
      주소가 잘못되었거나, 없는 기사 번호입니다.
    </WayBackNotice>
  );
}
