import { SectionNav } from "@/components/site/section-nav";

// A section's own page (an unknown slug matches no link: nothing is marked on its 404).
export default async function SectionPageNav({ params }: { params: Promise<{ slug: string }> }) {
  return <SectionNav position={{ kind: "section-page", slug: (await params).slug }} />;
}
