import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import type { NotificationOut } from "@/lib/notifications/staff-notifications";
import type { ActionState } from "@/lib/actions/action-state";
import { formatKstMinute } from "@/lib/format/korean-time";

/** The reporter's notifications with an unread marker, and a button to mark them read. */
export function NotificationsList({ notifications, markRead }: { notifications: NotificationOut[]; markRead: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const unread = notifications.filter((notification) => !notification.read).length;
  return (
    <section className="desk-section" aria-labelledby="notifications-heading" data-testid="notifications">
      <h2 id="notifications-heading">
        알림 {unread > 0 && <span className="desk-count" data-testid="unread-count">읽지 않음 {unread}건</span>}
      </h2>
      {notifications.length === 0 ? (
        <p className="desk-empty">아직 알림이 없습니다.</p>
      ) : (
        <>
          <ul className="desk-notifications">
            {notifications.map((notification) => (
              <li key={notification.id} data-unread={!notification.read || undefined}>
                {notification.read ? (
                  <span className="desk-read" />
                ) : (
                  <span className="desk-unread">
                    <span className="visually-hidden">읽지 않음</span>
                  </span>
                )}
                <span>
                  <Link href={`/newsroom/articles/${notification.article.id}`}>{notification.article.headline}</Link>: {notification.message}
                  {notification.note && <span className="desk-note">{notification.note}</span>}
                </span>
                <time dateTime={notification.at}>{formatKstMinute(new Date(notification.at))}</time>
              </li>
            ))}
          </ul>
          {unread > 0 && <ActionForm action={markRead} submitLabel="모두 읽음으로 표시" className="form" />}
        </>
      )}
    </section>
  );
}
