// The demo newsroom's four staff accounts: data only, so the sign-in page of the embedded demo
// can name them without loading the seed (its images and sharp).
import type { DemoStaffKey } from "@/prisma/seed/demo-content";

export const DEMO_STAFF: Record<DemoStaffKey, { email: string; name: string; role: "ADMIN" | "EDITOR" | "REPORTER"; title: string; bylineEmail: string; bio: string }> = {
  admin: { email: "admin@newsroom.test", name: "정민호", role: "ADMIN", title: "편집국장", bylineEmail: "minho.jung@nuri-ilbo.test", bio: "누리일보 편집국장. 지역 언론 25년." },
  editor: { email: "editor@newsroom.test", name: "박서연", role: "EDITOR", title: "선임기자", bylineEmail: "seoyeon.park@nuri-ilbo.test", bio: "데스크. 정치·사회부를 거쳤다." },
  reporter: { email: "reporter@newsroom.test", name: "이준혁", role: "REPORTER", title: "기자", bylineEmail: "junhyuk.lee@nuri-ilbo.test", bio: "경제부 기자. 산업과 일자리를 취재한다." },
  intern: { email: "intern@newsroom.test", name: "최하은", role: "REPORTER", title: "인턴기자", bylineEmail: "haeun.choi@nuri-ilbo.test", bio: "지역부 인턴기자." },
};
