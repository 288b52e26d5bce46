import { ForbiddenNotice } from "@/components/newsroom/way-back-notice";

// forbidden() in a newsroom page (lib/actions/page-guard.ts): the notice inside the newsroom's chrome, HTTP 403.
export default function NewsroomForbidden() {
  return <ForbiddenNotice />;
}
