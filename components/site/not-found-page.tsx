import "server-only";
import { notFound } from "next/navigation";
import type { ReactElement } from "react";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { answerWithStatus } from "@/lib/http/response-status";

/**
 * What a reader page renders for something readers may not see or that does not exist: the
 * Korean notice as the page's own content (inside the (site) layout's chrome), answered 404.
 *
 * Not `notFound()`: on a page rendered per request that throws past React's server renderer,
 * which runs no error boundaries, so Next.js 16 answers 404 with its empty error shell
 * (`<html id="__next_error__">`) and leaves app/(site)/not-found.tsx to the browser's JavaScript
 * (vercel/next.js#62228): readers without JavaScript and crawlers would get an empty page. The 404
 * comes from the HTTP server's status scope instead, as the 410 of a withdrawn story does.
 * Without that scope (Next.js started some other way) `notFound()` still gives the status.
 */
export function notFoundPage(): ReactElement {
  if (!answerWithStatus(404)) notFound();
  return <NotFoundNotice />;
}
