import { ForbiddenNotice } from "@/components/newsroom/forbidden-notice";

// forbidden() in the staff preview: the same notice as the newsroom's, inside the reader chrome, HTTP 403.
export default function PreviewForbidden() {
  return <ForbiddenNotice />;
}
