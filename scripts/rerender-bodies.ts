// npm run db:rerender: rebuild stored story HTML made by an older body renderer (npm start does
// this by itself before serving; this is for a DATABASE_URL managed elsewhere).
import { rerenderStaleBodies } from "@/lib/articles/body/rerender-bodies";
import { readAppEnv } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/client";
import { runCli } from "@/server/cli";

await runCli(async () => {
  const db = createPrismaClient(readAppEnv().DATABASE_URL);
  try {
    const result = await rerenderStaleBodies(db, (line) => console.log(line));
    console.log(`done: ${result.articles} stories, ${result.revisions} revisions, ${result.skipped.length} skipped`);
  } finally {
    await db.$disconnect();
  }
});
