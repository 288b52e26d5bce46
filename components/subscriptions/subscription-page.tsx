// The two pages a reader's mail links to (confirm, unsubscribe): a short notice and, while there
// is something to do, one button. Plain HTML forms: they work without JavaScript.
import type { ReactNode } from "react";
import "./subscribe-form.css";

export function SubscriptionNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="subscription-page">
      <h1 className="list-heading__title">{title}</h1>
      {children}
    </div>
  );
}

export function TokenForm({ action, token, label, extra }: { action: string; token: string; label: string; extra?: ReactNode }) {
  return (
    <form method="post" action={`${action}?token=${encodeURIComponent(token)}`} className="subscription-page__form">
      <input type="hidden" name="from" value="page" />
      {extra}
      <button type="submit">{label}</button>
    </form>
  );
}
