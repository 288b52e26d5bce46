import { SectionNav } from "@/components/site/section-nav";

// Pages that are in no section (search, tags, reporters, corrections): nothing marked.
export default function SectionNavDefault() {
  return <SectionNav />;
}
