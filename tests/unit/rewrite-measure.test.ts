// 엎어치기 (lib/portal/rewrite-measure.ts) on realistic pairs: what a desk really sends as an
// update (a corrected figure, a 2보 that adds paragraphs, a 1보 rewritten into the full story)
// must pass, and a story turned into an unrelated one must not.
import { describe, expect, it } from "vitest";
import { measureRewrite } from "@/lib/portal/rewrite-measure";

const fire1 = {
  headline: "[속보] 고양시청 별관서 화재…소방 진화 중",
  bodyText: "14일 오후 2시 10분쯤 경기 고양시 덕양구 고양시청 별관 3층에서 불이 나 소방당국이 진화 중이다.\n소방당국은 대응 1단계를 발령하고 인력 80여 명과 장비 25대를 투입했다.\n인명 피해는 아직 확인되지 않았다.",
};

const council = {
  headline: "고양시의회, 내년 예산 3조2천억 원 의결",
  bodyText:
    "경기 고양시의회가 15일 본회의를 열고 내년도 예산 3조2천억 원을 의결했다.\n올해보다 4.1% 늘어난 규모로, 복지 예산이 1조1천억 원으로 가장 많다.\n시의회는 도로 정비 사업비 120억 원을 삭감하고 어린이집 보조금 30억 원을 늘렸다.\n시장은 \"의회의 뜻을 존중해 집행하겠다\"고 말했다.",
};

describe("엎어치기 measure", () => {
  it("passes a corrected figure as an update", () => {
    const corrected = { ...council, bodyText: council.bodyText.replace("4.1%", "4.6%").replace("120억 원", "102억 원") };
    const measure = measureRewrite(council, corrected);
    expect(measure.bodyKept).toBeGreaterThan(0.95);
    expect(measure.isRewrite).toBe(false);
  });

  it("passes a 2보 that adds paragraphs and sharpens the headline", () => {
    const second = {
      headline: "[2보] 고양시청 별관 화재 1시간 만에 진화…직원 3명 연기 흡입",
      bodyText: `${fire1.bodyText.replace("진화 중이다", "1시간 만에 불을 껐다").replace("인명 피해는 아직 확인되지 않았다.", "이 불로 직원 3명이 연기를 마셔 병원으로 옮겨졌다.")}\n불이 난 별관에는 민원실과 문서고가 있다.\n소방당국은 전기 배선에서 불이 시작된 것으로 보고 정확한 원인을 조사하고 있다.\n고양시는 15일 하루 별관 민원 업무를 본관 1층에서 처리한다고 밝혔다.`,
    };
    const measure = measureRewrite(fire1, second);
    expect(measure.bodyKept).toBeGreaterThan(0.6);
    expect(measure.isRewrite).toBe(false);
  });

  it("passes a 1보 rewritten into the full story around the same facts", () => {
    const full = {
      headline: "고양시청 별관 화재로 직원 3명 병원 이송…전기 배선 누전 추정",
      bodyText:
        "14일 오후 2시 10분쯤 경기 고양시 덕양구 고양시청 별관 3층에서 불이 나 직원 3명이 연기를 마시고 병원으로 옮겨졌다.\n소방당국은 대응 1단계를 발령하고 인력 80여 명과 장비 25대를 투입해 1시간 만에 불을 껐다.\n소방당국은 3층 문서고 전기 배선에서 누전이 일어난 것으로 보고 있다.",
    };
    expect(measureRewrite(fire1, full).isRewrite).toBe(false);
  });

  it("refuses a story turned into an unrelated one", () => {
    const measure = measureRewrite(fire1, council);
    expect(measure.headlineKept).toBeLessThan(0.2);
    expect(measure.bodyKept).toBeLessThan(0.2);
    expect(measure.isRewrite).toBe(true);
  });

  it("refuses a rewrite that keeps the place name but tells another story", () => {
    const other = {
      headline: "고양시청 앞 광장, 주말마다 야시장 연다",
      bodyText: "경기 고양시는 다음 달부터 고양시청 앞 광장에서 주말 야시장을 연다고 14일 밝혔다.\n푸드트럭 20대와 지역 공방 30곳이 참여하며, 운영 시간은 오후 6시부터 11시까지다.\n시는 첫 달 방문객을 5만 명으로 예상했다.",
    };
    expect(measureRewrite(fire1, other).isRewrite).toBe(true);
  });

  it("does not count a new headline alone as a rewrite (the body is the story)", () => {
    expect(measureRewrite(council, { ...council, headline: "복지 1조1천억…고양시 내년 살림 3조2천억 확정" }).isRewrite).toBe(false);
  });
});
