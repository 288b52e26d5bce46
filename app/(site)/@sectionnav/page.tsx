import { SectionNav } from "@/components/site/section-nav";

// The front page: 홈 is the current page.
export default function HomeSectionNav() {
  return <SectionNav position={{ kind: "home" }} />;
}
