// Original Korean newspaper-like text for the benchmark dataset, built from word and sentence
// pools with a seeded random generator: the same story number always gives the same story, so
// a cached dataset and a regenerated one agree. The pools are written for this file (no copied
// sentences); they make headlines, decks, paragraphs, sub-heads and quotes that read like local
// news, and contain the words the search measurements look for.
import type { JSONContent } from "@tiptap/core";

/** A small, fast, seedable generator (mulberry32): reproducible stories without storing them. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const PLACES = ["고양시", "파주시", "김포시", "수원시", "성남시", "춘천시", "원주시", "청주시", "천안시", "전주시", "목포시", "여수시", "포항시", "경주시", "창원시", "진주시", "제주시", "서귀포시", "안동시", "강릉시", "속초시", "세종시", "대전 유성구", "부산 해운대구", "인천 연수구", "광주 북구", "대구 수성구", "울산 남구"];
const ACTORS = ["시청", "교육청", "도의회", "시의회", "보건소", "소방서", "경찰서", "상공회의소", "주민자치회", "농협", "시민단체", "지역 대학", "도서관", "환경단체", "버스 노조", "상인회", "학부모회", "복지재단"];
const TOPICS = ["예산", "교통", "주차", "하천 정비", "도서관 건립", "청년 일자리", "노인 돌봄", "급식", "미세먼지", "전세 사기", "재개발", "공공 와이파이", "산불 예방", "폭염 대책", "버스 노선", "자전거 도로", "지역 축제", "전통시장", "관광객 유치", "응급 의료", "어린이집", "폐교 활용", "쓰레기 소각장", "상수도", "신도시 학교", "야간 진료"];
const VERBS = ["추진한다", "확정했다", "재검토한다", "연기했다", "발표했다", "늘린다", "줄인다", "시범 운영한다", "공청회를 연다", "예산을 편성했다", "조례를 고친다", "점검에 나섰다"];
const HEADLINE_FORMS: ((r: () => number) => string)[] = [
  (r) => `${pick(r, PLACES)}, ${pick(r, TOPICS)} ${pick(r, VERBS)}`,
  (r) => `${pick(r, PLACES)} ${pick(r, ACTORS)} "${pick(r, TOPICS)} 문제 해결 서둘러야"`,
  (r) => `${pick(r, TOPICS)} 놓고 ${pick(r, ACTORS)}·${pick(r, ACTORS)} 이견`,
  (r) => `[현장] ${pick(r, PLACES)} ${pick(r, TOPICS)}, 주민들이 말하는 문제는`,
  (r) => `${pick(r, PLACES)} ${pick(r, TOPICS)} 예산 ${Math.floor(r() * 900) + 10}억 원 투입`,
];
const OPENERS = ["올해", "지난달", "이번 주", "내년부터", "최근", "지난 10년 동안", "상반기에", "연말까지"];
const SENTENCES: ((r: () => number) => string)[] = [
  (r) => `${pick(r, PLACES)} ${pick(r, ACTORS)}는 ${pick(r, OPENERS)} ${pick(r, TOPICS)} 관련 계획을 ${pick(r, VERBS).replace(/다$/, "다고")} 밝혔다.`,
  (r) => `주민 ${Math.floor(r() * 900) + 100}명이 참여한 설문에서 ${Math.floor(r() * 60) + 30}%가 ${pick(r, TOPICS)} 개선을 가장 시급한 과제로 꼽았다.`,
  (r) => `${pick(r, ACTORS)} 관계자는 "현장의 목소리를 충분히 듣고 단계적으로 추진하겠다"고 말했다.`,
  (r) => `다만 ${pick(r, TOPICS)} 사업비가 당초보다 늘어나면서 재원 마련 방안을 두고 논란이 이어지고 있다.`,
  (r) => `${pick(r, OPENERS)} 비슷한 사업을 먼저 시작한 ${pick(r, PLACES)}의 사례가 참고가 될 것으로 보인다.`,
  (r) => `전문가들은 ${pick(r, TOPICS)}와 ${pick(r, TOPICS)}를 함께 살펴야 한다고 지적한다.`,
  (r) => `${pick(r, ACTORS)}는 다음 달 설명회를 열어 세부 일정과 지원 대상을 공개할 예정이다.`,
  (r) => `현장에서 만난 한 상인은 "손님이 ${Math.floor(r() * 40) + 10}% 넘게 줄었다"며 대책을 요구했다.`,
  (r) => `예산 심의 과정에서 ${pick(r, ACTORS)} 의원들은 사업의 효과를 따져 묻겠다는 입장이다.`,
  (r) => `시는 교통 혼잡을 줄이기 위해 출퇴근 시간대 버스를 ${Math.floor(r() * 20) + 2}대 늘리기로 했다.`,
  (r) => `이번 조치로 ${pick(r, PLACES)} 지역 ${Math.floor(r() * 9000) + 1000}가구가 혜택을 받을 것으로 추산된다.`,
  (r) => `${pick(r, TOPICS)} 문제는 선거 때마다 공약으로 등장했지만 실제 진척은 더뎠다.`,
];
const SUBHEADS = ["무엇이 달라지나", "남은 과제", "주민 반응", "예산은 어디서", "다른 지역은", "전문가 진단", "향후 일정"];
const QUOTES = ["작은 변화라도 주민이 체감할 수 있어야 합니다.", "숫자보다 현장의 불편을 먼저 봐야 한다고 생각합니다.", "계획이 발표만 되고 끝나지 않도록 지켜보겠습니다."];

/** The section names and slugs of the benchmark newspaper (20 sections). */
export const BENCH_SECTIONS: { slug: string; name: string }[] = [
  ["politics", "정치"], ["economy", "경제"], ["society", "사회"], ["local", "지역"], ["culture", "문화"],
  ["sports", "스포츠"], ["world", "국제"], ["science", "과학"], ["health", "건강"], ["education", "교육"],
  ["environment", "환경"], ["opinion", "오피니언"], ["people", "사람들"], ["travel", "여행"], ["food", "음식"],
  ["tech", "정보기술"], ["realestate", "부동산"], ["labor", "노동"], ["welfare", "복지"], ["weather", "날씨"],
].map(([slug, name]) => ({ slug: slug!, name: name! }));

const FAMILY = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
const GIVEN = ["민준", "서연", "도윤", "하은", "시우", "지유", "주원", "수아", "예준", "지아", "현우", "채원", "건우", "다은", "우진", "소윤"];

/** The name of benchmark reporter n (0-based): 200 distinct names from the pools. */
export function reporterName(n: number): string {
  return `${FAMILY[n % FAMILY.length]}${GIVEN[Math.floor(n / FAMILY.length) % GIVEN.length]}`;
}

/** Search terms the measurements use: each occurs in many generated stories. */
export const SEARCH_QUERIES = {
  twoSyllable: ["예산", "교통", "주차", "급식", "폭염", "상인"],
  threeSyllable: ["교육청", "도서관", "보건소", "어린이", "재개발", "설명회"],
  multiWord: ["버스 노선", "청년 일자리", "전통시장 상인", "산불 예방 대책", "주민 설문", "예산 심의"],
} as const;

export interface GeneratedStory {
  headline: string;
  subHeadlines: string[];
  body: JSONContent;
}

/** Story n (1-based), with a figure when `figureMediaId` is given. */
export function generateStory(n: number, figureMediaId: string | null): GeneratedStory {
  const random = seededRandom(n * 7919 + 17);
  const headline = pick(random, HEADLINE_FORMS)(random);
  const subHeadlines = random() < 0.6 ? [`${pick(random, TOPICS)} ${pick(random, SUBHEADS)}`] : [];
  const paragraph = () => ({ type: "paragraph", content: [{ type: "text", text: Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, SENTENCES)(random)).join(" ") }] });
  const content: JSONContent[] = [];
  const paragraphs = 6 + Math.floor(random() * 7);
  for (let i = 0; i < paragraphs; i += 1) {
    if (i === 3) content.push({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: pick(random, SUBHEADS) }] });
    if (i === 2 && figureMediaId) content.push({ type: "figure", attrs: { mediaId: figureMediaId, alt: `${pick(random, PLACES)} 현장 사진`, caption: `${pick(random, TOPICS)} 현장의 모습.`, credit: "누리일보" } });
    if (i === 5 && random() < 0.4) content.push({ type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: pick(random, QUOTES) }] }] });
    content.push(paragraph());
  }
  return { headline, subHeadlines, body: { type: "doc", content } };
}

const COMMENTS = ["좋은 기사 잘 읽었습니다.", "예산이 제대로 쓰이는지 지켜봐야겠네요.", "우리 동네 이야기라 반갑습니다.", "주차 문제는 정말 심각합니다 ㅠㅠ", "후속 보도 부탁드립니다!", "설명회 일정은 어디서 볼 수 있나요?", "버스 배차 간격부터 줄여 주세요.", "이런 기사가 더 많아졌으면 합니다 👍", "작년에도 같은 발표가 있지 않았나요?", "현장 취재 고생하셨습니다."];

/** The comment bodies the dataset's comments cycle through. */
export const COMMENT_POOL: readonly string[] = COMMENTS;
