import { MostReadBox } from "@/components/article/most-read-box";
import { getMostRead } from "@/lib/views/most-read";

/** The side column's Today and Hot Issue boxes. */
export async function MostReadAside() {
  const mostRead = await getMostRead(5);
  return (
    <>
      <MostReadBox id="today-heading" title="Today" subtitle="오늘 많이 본 기사" stories={mostRead.today} />
      <MostReadBox id="hot-issue-heading" title="Hot Issue" subtitle="일주일간 많이 본 기사" stories={mostRead.week} />
    </>
  );
}
