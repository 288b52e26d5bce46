import "server-only";
// IndexNow keys are public by design (the protocol serves them at the site's root), so looking one
// up by value reveals nothing; only active IndexNow destinations' keys are served.
import { db } from "@/lib/db";

const KEY_SHAPE = /^[A-Za-z0-9-]{8,128}$/;

export async function indexNowKeyExists(key: string): Promise<boolean> {
  if (!KEY_SHAPE.test(key)) return false;
  return (await db.portalDestination.count({ where: { kind: "INDEXNOW", active: true, secret: key } })) > 0;
}
