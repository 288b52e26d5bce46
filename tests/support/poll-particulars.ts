// One made-up poll's particulars (선거여론조사기준 제18조), as a reporter types them: shared by the
// browser tests of the editor's poll fields and of poll stories on the reader's side.
export const POLL_PARTICULARS = {
  sponsor: "누리일보",
  pollster: "한국여론연구소",
  area: "경기도 고양시",
  fieldDates: "2026년 11월 28~29일",
  population: "고양시 거주 만 18세 이상 남녀",
  method: "무선 전화면접 100%",
  sampleSize: "1,003명",
  samplingMethod: "휴대전화 가상번호 무작위 추출",
  responseRate: "12.4%",
  weighting: "2026년 10월 말 주민등록 인구 기준 성·연령·지역별 셀가중",
  marginOfError: "95% 신뢰수준에 ±3.1%포인트",
  questions: "고양시장 후보 가운데 누구를 지지하십니까?",
} as const;
