import { NotFoundNotice } from "@/components/site/not-found-notice";

// notFound() thrown in a reader page: the (site) layout already draws the chrome around this.
// Reader pages do not throw it (components/site/not-found-page.tsx says why); this stays for a
// notFound() from elsewhere, drawn by the browser after Next.js's error shell.
export default function SiteNotFound() {
  return <NotFoundNotice />;
}
