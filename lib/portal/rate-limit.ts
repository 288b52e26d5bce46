// A destination's requests per minute, counted in PostgreSQL so every instance shares the count:
// one statement takes a slot in the current minute's window or says when the next one opens.
// (A fixed window: at a window's edge up to twice the rate can pass within a minute; a portal's
// limits are per minute or per day, and this keeps it to one row per destination.)
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

const WINDOW_MS = 60_000;

/** null when a slot was taken; otherwise when to try again. */
export async function takeRateSlot(client: Db, destinationId: number, perMinute: number, now: Date): Promise<Date | null> {
  const windowOpenedBefore = new Date(now.getTime() - WINDOW_MS);
  const taken = await client.$queryRaw<{ windowStart: Date }[]>(Prisma.sql`
    INSERT INTO "PortalRateWindow" ("destinationId", "windowStart", "count") VALUES (${destinationId}, ${now}, 1)
    ON CONFLICT ("destinationId") DO UPDATE SET
      "windowStart" = CASE WHEN "PortalRateWindow"."windowStart" <= ${windowOpenedBefore} THEN ${now} ELSE "PortalRateWindow"."windowStart" END,
      "count" = CASE WHEN "PortalRateWindow"."windowStart" <= ${windowOpenedBefore} THEN 1 ELSE "PortalRateWindow"."count" + 1 END
    WHERE "PortalRateWindow"."windowStart" <= ${windowOpenedBefore} OR "PortalRateWindow"."count" < ${perMinute}
    RETURNING "windowStart"`);
  if (taken.length > 0) return null;
  const window = await client.portalRateWindow.findUnique({ where: { destinationId }, select: { windowStart: true } });
  return new Date((window?.windowStart.getTime() ?? now.getTime()) + WINDOW_MS);
}
