// One-click unsubscribe (RFC 8058): mail clients POST "List-Unsubscribe=One-Click" to the address
// in a mail's List-Unsubscribe header, from their own servers, without cookies or an Origin of
// ours, so this route is outside /api/v1 and its same-origin check: the token in the address is
// the whole authority, and all it can do is end a subscription. The unsubscribe page's form
// (app/(site)/subscriptions/unsubscribe) posts here too and is sent back to the page.
import { unsubscribe } from "@/lib/subscriptions/subscriptions";
import { DomainError } from "@/lib/errors";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("from") === "page";
  try {
    await unsubscribe(token, { everything: form?.get("everything") === "1" });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (fromPage) return new Response(null, { status: 303, headers: { location: "/subscriptions/unsubscribe?result=invalid", ...NO_STORE } });
    return new Response(error.message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", ...NO_STORE } });
  }
  if (fromPage) return new Response(null, { status: 303, headers: { location: "/subscriptions/unsubscribe?result=done", ...NO_STORE } });
  return new Response("구독을 해지했습니다.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", ...NO_STORE } });
}
