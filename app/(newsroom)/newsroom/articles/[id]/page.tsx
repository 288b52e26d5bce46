import Link from "next/link";
import { notFound } from "next/navigation";
import "@/components/newsroom/desk/desk.css";
// The public page's own styles, so the preview looks exactly as readers will see it.
import "@/components/site/site.css";
import { ArticleView } from "@/components/article/article-view";
import { DiffView } from "@/components/newsroom/desk/diff-view";
import { HistoryList } from "@/components/newsroom/desk/history-list";
import { TransmissionPanel } from "@/components/newsroom/portal/transmission-panel";
import "@/components/newsroom/portal/portal.css";
import { loadForPage } from "@/lib/actions/page-guard";
import { getArticleHistory } from "@/lib/articles/revisions/article-history";
import { parseArticleId } from "@/lib/articles/article-id";
import { getArticlePreview } from "@/lib/articles/public/article-preview";
import { getDeskReview } from "@/lib/articles/workflow/desk-review";
import { articleStatusLabel } from "@/lib/articles/workflow/status-labels";
import { isPubliclyVisible } from "@/lib/articles/public/visibility";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getStoryTransmissions } from "@/lib/portal/transmission-queries";
import { isBreakingAt } from "@/lib/breaking/breaking-rules";
import { formatKstDateTime, formatKstMinute } from "@/lib/format/korean-time";
import { describeOrigin } from "@/lib/origins/story-origin";
import { ReviewActions, ReviewThumbBar } from "./review-actions";
import { storyPushForm } from "@/lib/push/story-push";
import { siteName } from "@/lib/config/site";
import { StoryClaimsNotice } from "@/components/newsroom/claims/story-claims-notice";
import { listAcceptedClaimsOnStory } from "@/lib/claims/claim-queue";

interface Props {
  params: Promise<{ id: string }>;
}

/**
 * The review screen: the story as readers will see it (the public page's own component), what
 * changed (against the live version, or against what the desk saw when it returned the story),
 * the buttons the viewer may use now, and the whole history.
 */
export default async function ReviewPage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseArticleId((await params).id);
  if (id === null) notFound();
  const now = new Date();
  const result = await loadForPage(() =>
    Promise.all([
      getDeskReview(staff, id, now),
      getArticleHistory(staff, id),
      getArticlePreview(staff, id, now),
      listAcceptedClaimsOnStory(staff, id, now),
      // Where the story went: the desk's (the review is read first, so a reporter never gets here for someone else's story).
      canForAnyRecord(staff, "portal.read") ? getStoryTransmissions(staff, id) : Promise.resolve(null),
    ]),
  );
  const [{ article, transitions, comparison, submissionProblems }, history, preview, acceptedClaims, transmissions] = result;
  const visible = isPubliclyVisible(article, now);
  const push = await storyPushForm(staff, preview, siteName);
  const scheduledLater = article.status === "SCHEDULED" && article.publishedAt && !visible;

  return (
    <div className="review">
      <p className="review-meta">
        <span className="badge" data-testid="article-status">
          {articleStatusLabel(article, now)}
        </span>
        {article.hasPendingUpdate && <span className="badge badge--muted">수정 승인 대기</span>}
        <span>{article.section?.name ?? "섹션 없음"}</span>
        <span data-testid="article-origin">출처: {describeOrigin(article.origin, article.originSource)}</span>
        <span>
          {article.author.name} {article.author.title}
        </span>
        <span>최근 저장 {formatKstMinute(article.updatedAt)}</span>
        <span>기사승인 {article.approvedAt ? formatKstDateTime(article.approvedAt) : "승인 전"}</span>
        {scheduledLater && article.publishedAt && <span data-testid="scheduled-at">발행 예정 {formatKstMinute(article.publishedAt)} (한국 시각)</span>}
        {article.lastCorrectedAt && <span>수정 {formatKstDateTime(article.lastCorrectedAt)}</span>}
        {isBreakingAt(article.breakingUntil, now) && (
          <span className="badge" data-testid="breaking-badge">
            속보 배너 {formatKstMinute(article.breakingUntil!)}까지
          </span>
        )}
      </p>
      <h1>{article.headline}</h1>
      {article.deskNote && article.status === "DRAFT" && (
        <p className="desk-note" role="note" data-testid="desk-note">
          <strong>데스크 메모</strong>
          {article.deskNote}
        </p>
      )}
      <p className="actions-row">
        <Link className="button button--secondary" href={`/newsroom/articles/${article.id}/edit`} data-testid="edit-article">
          편집기에서 열기
        </Link>
        <Link className="button button--secondary" href={`/newsroom/articles/${article.id}/preview`}>
          미리보기
        </Link>
        {visible && canForAnyRecord(staff, "takedown.manage") && (
          <Link className="button button--secondary" href={`/newsroom/takedowns/new?article=${article.id}`} data-testid="takedown-article">
            임시조치
          </Link>
        )}
      </p>
      <StoryClaimsNotice rows={acceptedClaims} />
      {submissionProblems.length > 0 && (
        <div className="notice" role="note" data-testid="submission-problems">
          데스크에 넘기기 전에 채울 것:
          <ul className="submission-problems">
            {submissionProblems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="review-grid">
        <div>
          {comparison && <DiffView title={comparison.title} fields={comparison.fields} />}
          <div className="review-preview" data-testid="review-preview">
            <p className="review-preview__label">독자가 볼 모습 (지금 원고)</p>
            <ArticleView article={preview} countView={false} />
          </div>
        </div>
        <div>
          <ReviewActions
            story={{ id: article.id, version: article.version, publishedAt: article.publishedAt, visible, breakingUntil: article.breakingUntil, updateLogEntries: article._count.updateLog }}
            verdicts={transitions}
            now={now}
            deskMayEndBreaking={canForAnyRecord(staff, "article.approve")}
            push={push && { ...push, siteName }}
          />
          {transmissions && <TransmissionPanel articleId={article.id} destinations={transmissions} visible={visible} />}
          <HistoryList entries={history} />
        </div>
      </div>
      <ReviewThumbBar verdicts={transitions} />
    </div>
  );
}
