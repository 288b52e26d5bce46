// A pull destination's feed token is kept only as this hash: its address cannot be read back.
// Not marked server-only: the demo seed (scripts/start.ts) makes one too.
import { createHash } from "node:crypto";

export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
