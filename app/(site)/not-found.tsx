import { NotFoundNotice } from "@/components/site/not-found-notice";

// notFound() in a reader page: the (site) layout already draws the chrome around this.
export default function SiteNotFound() {
  return <NotFoundNotice />;
}
