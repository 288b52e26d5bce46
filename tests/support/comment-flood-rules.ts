// Every request of a browser test comes from 127.0.0.1, one source: the comment flood rules (one
// comment per 15 seconds from a source, an hourly cap per story) are lifted while a file posts
// many comments, and restored afterwards, so its posts are not refused as flooding.
import { query } from "./app-database";

export const liftFloodRules = () =>
  query(
    `INSERT INTO "SiteSetting" ("key", "value", "updatedAt") VALUES ('comments.settings', $1, now())
     ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
    [JSON.stringify({ minIntervalSeconds: 0, maxPerHourPerStory: 1000 })],
  );

export const restoreFloodRules = () => query(`DELETE FROM "SiteSetting" WHERE "key" = 'comments.settings'`);
