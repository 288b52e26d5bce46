// Search is indexed, not a scan: on 50,000 stories, a rare word's statements are planned with a
// Bitmap Index Scan on the GIN index of the tokens, and a common word's page walks the recency
// index (lib/search/search-sql.ts explains the two plans).
// The stories are generated in a few INSERT ... SELECT generate_series statements.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildSearchDocument } from "@/lib/search/search-index";
import { countCapFor, countStatement, pageStatement, planFor, plannerSettingsFor, SEARCH_PAGE_SIZE, type SearchPlan } from "@/lib/search/search-sql";
import { searchStories } from "@/lib/search/search-stories";
import { createStaff } from "../support/staff-fixtures";

const STORIES = 50_000;

// Realistic Korean text; only the first template mentions 고양, and only every 1,000th story uses it.
const TEMPLATES = [
  ["고양특례시 경제자유구역 지정 추진", "고양시가 바이오 클러스터를 방문하고 외국인학교 유치 협약을 맺었다."],
  ["시의회 예산결산특위 심사 시작", "내년 예산안 심사가 시작됐다. 복지와 교통 예산을 두고 논쟁이 이어졌다."],
  ["소상공인 임대료 지원 접수", "소상공인 임대료 지원 사업의 다음 달 접수가 시작된다."],
  ["도시철도 연장선 예비타당성 통과", "도시철도 연장 사업이 예비타당성조사를 통과해 2031년 개통을 목표로 한다."],
  ["청년 임대주택 추첨 경쟁률", "청년 임대주택 320가구 추첨에 1만 명이 몰렸다."],
  ["전통시장 야시장 축제 개막", "전통시장 야시장 축제가 사흘간 먹거리와 공연으로 열린다."],
  ["폐공장 복합문화도서관 개관", "20년 가까이 비어 있던 공장 건물이 복합문화도서관으로 다시 태어났다."],
  ["폭염경보 무더위쉼터 연장 운영", "폭염경보가 이어지자 온열질환자 보호를 위해 무더위쉼터 운영 시간을 늘렸다."],
  ["하천 자전거길 완공", "하천을 따라 달리는 자전거길 12km 구간이 모두 이어졌다."],
  ["지역 수출 석 달 연속 증가", "반도체 장비와 화장품이 지역 수출 증가를 이끌었다."],
  ["선거구 획정안 공개", "인구 늘어난 신도시에 선거구 1석이 늘고 구도심은 통합된다."],
  ["한파 쉼터 운영", "한파특보가 내려지면서 경로당과 주민센터가 쉼터로 문을 연다."],
  ["창업 박람회 성황", "대학생과 청년 창업가들이 박람회에서 투자 유치를 위한 발표를 했다."],
  ["박물관 특별전 개막", "조선 시대 생활사를 보여 주는 유물 200여 점이 공개된다."],
  ["지하철 혼잡도 개선 대책", "출근 시간 열차를 늘리고 배차 간격을 줄이는 대책이 나왔다."],
  ["학교 급식 친환경 확대", "친환경 농산물 급식이 모든 초등학교로 확대된다."],
  ["공원 산책로 야간 조명", "산책로에 야간 조명을 설치해 밤에도 안전하게 걸을 수 있다."],
  ["버스 노선 개편 의견 수렴", "시내버스 노선 개편안에 대한 주민 의견을 듣는 설명회가 열린다."],
  ["어르신 일자리 사업 확대", "노인 일자리 사업 참여 인원이 지난해보다 늘어난다."],
  ["하수처리장 현대화 착공", "하수처리장 현대화 사업이 착공해 악취 민원이 줄어들 전망이다."],
];

let client: pg.Client;

beforeAll(async () => {
  const author = await createStaff("REPORTER");
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const docs = TEMPLATES.map(([headline, body]) => buildSearchDocument({ headline: headline!, subHeadlines: [], bodyText: body!, heroCaption: "" }));
  await client.query(`CREATE TEMP TABLE template (idx int PRIMARY KEY, headline text, body text, nheadline text, ncontent text, tokens text)`);
  await client.query(
    `INSERT INTO template SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    // text[][] must be rectangular: tokens travel as one string per template, split below.
    [TEMPLATES.map((_, index) => index), TEMPLATES.map(([headline]) => headline), TEMPLATES.map(([, body]) => body), docs.map((doc) => doc.headline), docs.map((doc) => doc.content), docs.map((doc) => doc.tokens.join("\u0001"))],
  );
  await client.query(`
    INSERT INTO "Article" ("headline", "subHeadlines", "slug", "bodyJson", "bodyText", "status", "authorId", "approvedAt", "publishedAt", "updatedAt")
    SELECT t.headline, '{}', 'generated', '{"type":"doc","content":[]}', t.body, 'PUBLISHED', $1, now(), now() - g * interval '1 minute', now()
    FROM generate_series(1, ${STORIES}) AS g
    JOIN template t ON t.idx = CASE WHEN g % 1000 = 0 THEN 0 ELSE 1 + g % ${TEMPLATES.length - 1} END`,
    [author.id],
  );
  await client.query(`
    INSERT INTO "ArticleRevision" ("id", "articleId", "number", "kind", "articleVersion", "headline", "subHeadlines", "bodyJson", "bodyHtml", "bodyText", "createdById")
    SELECT 'gen' || a.id, a.id, 1, 'APPROVE', 1, a.headline, '{}', a."bodyJson", '', a."bodyText", a."authorId" FROM "Article" a WHERE a.slug = 'generated'`);
  await client.query(`UPDATE "Article" SET "liveRevisionId" = 'gen' || id WHERE slug = 'generated'`);
  await client.query(`
    INSERT INTO "ArticleSearchDocument" ("articleId", "revisionId", "headline", "content", "tokens", "publishedAt", "updatedAt")
    SELECT a.id, 'gen' || a.id, t.nheadline, t.ncontent, string_to_array(t.tokens, E'\\x01'), a."publishedAt", now()
    FROM "Article" a JOIN template t ON t.headline = a.headline WHERE a.slug = 'generated'`);
  await client.query(`ANALYZE "Article"; ANALYZE "ArticleSearchDocument"; ANALYZE "ArticleRevision"`);

}, 300_000);

afterAll(async () => {
  await client?.end();
});

/** The plan of one of the search's statements, with the planner settings its plan runs under. */
async function planOf(statement: Prisma.Sql, plan: SearchPlan): Promise<string> {
  const values = statement.values.map((value) => (value instanceof Date ? value.toISOString().replace("Z", "") : value));
  const settings = Object.entries(plannerSettingsFor(plan) ?? {}).map(([name, value]) => `SET LOCAL ${name} = ${value}`);
  await client.query(["BEGIN", ...settings].join("; "));
  try {
    const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, values);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
  }
}

const show = (label: string, plan: string) => {
  if (process.env.SHOW_PLANS) console.log(label, "\n", plan);
};

describe("search on 50,000 stories", () => {
  it.each([["고양"], ["고양시"], ["고양 경제"]])("%s (rare): every count and page is a Bitmap Index Scan on the tokens, never a Seq Scan", async (typed) => {
    const terms = typed.split(" ");
    const results = await searchStories(terms, 1);
    expect(results.total).toBe(STORIES / 1000);
    expect(results.totalIsCapped).toBe(false);
    const now = new Date();
    const cap = countCapFor(0);
    expect(planFor(results.total, cap)).toBe("candidates-first");
    for (const part of ["all", "headline", "rest"] as const) {
      for (const [label, statement] of [
        ["count", countStatement(terms, part, now, cap)],
        ["page", pageStatement(terms, part, "candidates-first", now, 0, SEARCH_PAGE_SIZE)],
      ] as const) {
        const plan = await planOf(statement, "candidates-first");
        show(`${typed} ${part} ${label}`, plan);
        expect(plan, plan).toContain('Bitmap Index Scan on "ArticleSearchDocument_tokens_idx"');
        expect(plan, plan).not.toMatch(/Seq Scan on "ArticleSearchDocument"/);
      }
    }
  });

  it.each([["청년"], ["예산 심사"]])("%s (common): the count stops at its cap and a page walks the recency index, no sort, no scan of every story", async (typed) => {
    const terms = typed.split(" ");
    const results = await searchStories(terms, 1);
    const cap = countCapFor(0);
    expect(results.total).toBe(cap);
    expect(results.totalIsCapped).toBe(true);
    expect(planFor(results.total, cap)).toBe("newest-first");
    expect(results.hits).toHaveLength(SEARCH_PAGE_SIZE);
    for (const part of ["all", "headline", "rest"] as const) {
      const plan = await planOf(pageStatement(terms, part, "newest-first", new Date(), 0, SEARCH_PAGE_SIZE), "newest-first");
      show(`${typed} ${part} page`, plan);
      expect(plan, plan).toContain('Index Scan using "ArticleSearchDocument_publishedAt_articleId_idx"');
      expect(plan, plan).not.toMatch(/Seq Scan on "ArticleSearchDocument"|Sort/);
    }
    // What the walk returns is what the exhaustive plan would: newest first, every word present.
    const exhaustive = await client.query<{ id: number }>(
      `SELECT d."articleId" AS id FROM "ArticleSearchDocument" d WHERE ${terms.map((_, i) => `d.content LIKE '%' || $${i + 1} || '%'`).join(" AND ")} ORDER BY (${terms.map((_, i) => `d.headline LIKE '%' || $${i + 1} || '%'`).join(" AND ")}) DESC, d."publishedAt" DESC, d."articleId" DESC LIMIT ${SEARCH_PAGE_SIZE}`,
      terms,
    );
    expect(results.hits.map((hit) => hit.id)).toEqual(exhaustive.rows.map((row) => row.id));
  });

  it("청년 (common): a count that tests rows one by one tests LIKE before it fetches the tokens", async () => {
    // A common word's count is a scan stopping at its cap (the planner expects many matches); the
    // tokens are stored out of line, and fetching them for every row tested doubled the count's time.
    const terms = ["청년"];
    const typed = "청년";
    const cap = countCapFor(0);
    const filters: string[] = [];
    for (const part of ["all", "headline", "rest"] as const) {
      const plan = await planOf(countStatement(terms, part, new Date(), cap), "candidates-first");
      show(`${typed} ${part} count`, plan);
      filters.push(...plan.split("\n").filter((line) => line.includes("Filter:") && line.includes("tokens @>")));
    }
    expect(filters.length, "no count tests the tokens row by row here: the test would prove nothing").toBeGreaterThan(0);
    for (const filter of filters) expect(filter.indexOf("~~"), filter).toBeLessThan(filter.indexOf("tokens @>"));
  });

  it("a rare word finds exactly its stories", async () => {
    const results = await searchStories(["고양"], 1);
    expect(results.total).toBe(STORIES / 1000);
    expect(results.hits[0]?.headline).toContain("고양");
  });

  it("a page far down a common word's results walks on from where the page before ends", async () => {
    const page7 = await searchStories(["청년"], 7);
    const page8 = await searchStories(["청년"], 8);
    expect(page7.page).toBe(7);
    expect(page8.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(page7.totalIsCapped).toBe(true);
    expect(page7.total).toBe(countCapFor(60));
    const last7 = page7.hits.at(-1)!;
    expect(new Date(page8.hits[0]!.publishedAt).getTime()).toBeLessThanOrEqual(new Date(last7.publishedAt).getTime());
    expect(page8.hits.map((hit) => hit.id)).not.toContain(last7.id);
  });
});
