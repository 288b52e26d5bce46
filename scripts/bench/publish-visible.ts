// Target 7, publish to visible: two app instances (A and B) share one database. A submitted
// story is approved on A through the API by the demo editor; B's article page, home page,
// section page and feed are polled (after being loaded once, so each is in B's response cache)
// until the story appears there. Each surface's time is counted from sending the approval.
import pg from "pg";
import { signInOverHttp } from "@/tests/support/http-session";
import { BENCH_PASSWORD } from "./dataset";

export interface PublishTiming {
  articleId: number;
  approveStatus: number;
  approveMs: number;
  visibleMs: Record<"article" | "home" | "section" | "feed", number | null>;
}

const SURFACES = ["article", "home", "section", "feed"] as const;
const GIVE_UP_MS = 10_000;

/** A new submitted story copied from a published one, with a headline of its own. */
async function plantSubmittedStory(databaseUrl: string, marker: string): Promise<{ id: number; sectionSlug: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; slug: string }>(
      `INSERT INTO "Article" (headline, "subHeadlines", slug, "sectionId", "heroImageId", "heroCaption", "heroCredit", summary, "bodyJson", "bodyHtml", "bodyText", "renderVersion", status, "authorId", version, "createdAt", "updatedAt", "submittedAt")
       SELECT $1, a."subHeadlines", 'bench-breaking', a."sectionId", a."heroImageId", a."heroCaption", a."heroCredit", a.summary, a."bodyJson", a."bodyHtml", a."bodyText", a."renderVersion", 'SUBMITTED', a."authorId", 1,
              timezone('UTC', now()), timezone('UTC', now()), timezone('UTC', now())
       FROM "Article" a WHERE a.status = 'PUBLISHED' AND a."sectionId" IS NOT NULL ORDER BY a.id DESC LIMIT 1
       RETURNING id, (SELECT slug FROM "Section" s WHERE s.id = "sectionId") AS slug`,
      [`${marker} 긴급 점검 결과 발표`],
    );
    return { id: rows[0]!.id, sectionSlug: rows[0]!.slug };
  } finally {
    await client.end();
  }
}

async function contains(url: string, marker: string): Promise<boolean> {
  const response = await fetch(url).catch(() => null);
  if (!response || !response.ok) return false;
  return (await response.text()).includes(marker);
}

export async function measurePublishToVisible(options: { databaseUrl: string; baseUrlA: string; baseUrlB: string; attempt: number }): Promise<PublishTiming> {
  const marker = `벤치속보${options.attempt}호${Date.now() % 100000}`;
  const story = await plantSubmittedStory(options.databaseUrl, marker);
  const urls: Record<(typeof SURFACES)[number], string> = {
    article: `${options.baseUrlB}/articles/${story.id}`,
    home: `${options.baseUrlB}/`,
    section: `${options.baseUrlB}/sections/${story.sectionSlug}`,
    feed: `${options.baseUrlB}/feed.xml`,
  };
  // Loaded before the approval so that B has them cached (the article page as "not found").
  for (const url of Object.values(urls)) for (let i = 0; i < 2; i += 1) await fetch(url).then((r) => r.arrayBuffer(), () => null);
  const editor = await signInOverHttp(options.baseUrlA, "editor@newsroom.test", BENCH_PASSWORD);
  const started = performance.now();
  const approval = editor.request("POST", `/api/v1/articles/${story.id}/approve`, { version: 1 }).then(async (response) => ({ status: response.status, ms: performance.now() - started, text: await response.text() }));
  const visibleMs = Object.fromEntries(SURFACES.map((surface) => [surface, null])) as PublishTiming["visibleMs"];
  await Promise.all(
    SURFACES.map(async (surface) => {
      while (performance.now() - started < GIVE_UP_MS) {
        if (await contains(urls[surface], marker)) {
          visibleMs[surface] = Math.round(performance.now() - started);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }),
  );
  const approved = await approval;
  if (approved.status !== 200) throw new Error(`approving story ${story.id} on A answered ${approved.status}: ${approved.text.slice(0, 500)}`);
  return { articleId: story.id, approveStatus: approved.status, approveMs: Math.round(approved.ms), visibleMs };
}
