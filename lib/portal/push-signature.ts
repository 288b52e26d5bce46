// The signature on every push (docs/portal-transmission.md): HMAC-SHA256, keyed with the
// destination's secret, over "<unix seconds>.<body>", sent as
// `X-Newsroom-Signature: t=<unix seconds>,v1=<hex>`. The time inside the signed text lets the
// receiver refuse an old request replayed (we suggest five minutes). Receivers verify with the
// same function; the tests' receiving server does.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-newsroom-signature";
const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/** Whether `header` signs `body` with `secret`, made within `toleranceSeconds` of `now`. */
export function verifySignature(secret: string, body: string, header: string | undefined, now: Date, toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}
