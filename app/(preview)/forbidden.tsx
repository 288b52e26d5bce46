import { ForbiddenNotice } from "@/components/newsroom/way-back-notice";

// forbidden() in the staff preview: the same notice as the newsroom's, inside the reader chrome, HTTP 403.
export default function PreviewForbidden() {
  return <ForbiddenNotice />;
}
