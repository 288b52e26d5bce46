import Link from "next/link";
import "@/components/newsroom/desk/desk.css";
import { DeskQueueView } from "@/components/newsroom/desk/desk-queue-view";
import { FollowUpRequests } from "@/components/newsroom/desk/follow-up-requests";
import { NotificationsList } from "@/components/newsroom/desk/notifications-list";
import { StoryTable } from "@/components/newsroom/desk/story-table";
import { deskQueueFilterSchema } from "@/lib/articles/workflow/desk-input-schema";
import { getDeskQueue, getDeskQueueFilterOptions } from "@/lib/articles/workflow/desk-queue";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";
import { getReporterDashboard } from "@/lib/articles/reporter-dashboard";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listOwnNotifications } from "@/lib/notifications/staff-notifications";
import { listFollowUpRequests } from "@/lib/reactions/follow-up-requests";
import { OverdueClaims } from "@/components/newsroom/claims/overdue-claims";
import { listOverdueClaims } from "@/lib/claims/claim-queue";
import { markNotificationsReadAction } from "./actions";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The newsroom's front page: the desk's queue for editors, one's own stories by stage for reporters. */
export default async function NewsroomDashboardPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const now = new Date();
  const isDesk = canForAnyRecord(staff, "article.approve");
  const [notifications, overdueClaims] = await Promise.all([listOwnNotifications(staff, now), listOverdueClaims(staff, now)]);
  const overdueClaimsBlock = <OverdueClaims rows={overdueClaims} />;
  const notificationsBlock = <NotificationsList notifications={notifications} markRead={markNotificationsReadAction} />;

  if (isDesk) {
    const params = await searchParams;
    // A bad filter in the address is ignored rather than an error page.
    const parsed = deskQueueFilterSchema.safeParse({ q: first(params.q), sectionId: first(params.sectionId), kind: first(params.kind), authorId: first(params.authorId) });
    const filter = parsed.success ? parsed.data : {};
    const [queue, options, scheduled, followUps] = await Promise.all([
      getDeskQueue(staff, filter),
      getDeskQueueFilterOptions(staff),
      listNewsroomArticles(staff, { status: "SCHEDULED", limit: "30" }, now),
      listFollowUpRequests(staff, now),
    ]);
    const upcoming = scheduled.articles.filter((story) => story.publishedAt && new Date(story.publishedAt) > now)
      .sort((a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""));
    return (
      <>
        <div className="desk-title-row">
          <h1>데스크</h1>
          <p className="actions-row">
            <Link className="button" href="/newsroom/articles/new">
              새 기사 쓰기
            </Link>
            <Link className="button button--secondary" href="/newsroom/articles">
              모든 기사
            </Link>
          </p>
        </div>
        {overdueClaimsBlock}
        <DeskQueueView items={queue} filter={filter} options={options} now={now} />
        <section className="desk-section" aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">
            예약 발행 <span className="desk-count">{upcoming.length}건 · 가까운 순 · 한국 시각</span>
          </h2>
          <StoryTable stories={upcoming} time="published" showAuthor testId="scheduled-stories" />
        </section>
        <FollowUpRequests requests={followUps} />
        {notifications.length > 0 && notificationsBlock}
      </>
    );
  }

  const mine = await getReporterDashboard(staff, now);
  return (
    <>
      <div className="desk-title-row">
        <h1>내 기사</h1>
        <p className="actions-row">
          <Link className="button" href="/newsroom/articles/new" data-testid="new-article">
            새 기사 쓰기
          </Link>
          <Link className="button button--secondary" href="/newsroom/articles">
            내 기사 전체
          </Link>
        </p>
      </div>
      {notificationsBlock}
      <section className="desk-section" aria-labelledby="returned-heading">
        <h2 id="returned-heading">
          데스크가 돌려보낸 기사 <span className="desk-count">{mine.returned.length}건</span>
        </h2>
        <StoryTable stories={mine.returned} time="updated" showDeskNote testId="returned-stories" />
      </section>
      <section className="desk-section" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">
          작성 중 <span className="desk-count">{mine.drafts.length}건</span>
        </h2>
        <StoryTable stories={mine.drafts} time="updated" testId="draft-stories" />
      </section>
      <section className="desk-section" aria-labelledby="desk-heading">
        <h2 id="desk-heading">
          데스크 검토 중 <span className="desk-count">{mine.atDesk.length}건</span>
        </h2>
        <StoryTable stories={mine.atDesk} time="submitted" testId="at-desk-stories" />
      </section>
      <section className="desk-section" aria-labelledby="scheduled-heading">
        <h2 id="scheduled-heading">
          예약 발행 <span className="desk-count">{mine.scheduled.length}건</span>
        </h2>
        <StoryTable stories={mine.scheduled} time="published" testId="scheduled-stories" />
      </section>
      <section className="desk-section" aria-labelledby="published-heading">
        <h2 id="published-heading">
          발행된 기사 <span className="desk-count">최근 {mine.published.length}건</span>
        </h2>
        <StoryTable stories={mine.published} time="published" testId="published-stories" />
      </section>
    </>
  );
}
