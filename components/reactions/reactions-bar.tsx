"use client";
// 좋아요, 훈훈해요, 슬퍼요, 화나요, 후속기사 원해요 under a story. A client island: the article's
// HTML carries no count (it stays cached for everyone, and a click never costs a page render);
// the counts come from a small cached endpoint, and a click moves them here at once with what the
// server says the reader's reaction was before. The server counts one reaction per reader
// (source); this device remembers which one is its own only to show it pressed.
import { useEffect, useState } from "react";
import { ReactionIcon } from "@/components/reactions/reaction-icon";
import { fetchReactionCounts, sendReaction, withdrawReaction } from "@/components/reactions/reactions-api";
import { REACTION_KINDS, REACTION_LABELS, type ReactionCounts, type ReactionKind } from "@/lib/reactions/reaction-kinds";
import "./reactions.css";

const storageKey = (articleId: number) => `newsroom.reaction.${articleId}`;

function rememberedReaction(articleId: number): ReactionKind | null {
  try {
    const value = window.localStorage.getItem(storageKey(articleId));
    return REACTION_KINDS.find((kind) => kind === value) ?? null;
  } catch {
    return null;
  }
}

function remember(articleId: number, kind: ReactionKind | null): void {
  try {
    if (kind) window.localStorage.setItem(storageKey(articleId), kind);
    else window.localStorage.removeItem(storageKey(articleId));
  } catch {
    // Storage refused (private mode): the bar still works, it only forgets which one was pressed.
  }
}

/** The counts after the reader's reaction moved from `previous` to `now`. */
function moved(counts: ReactionCounts, previous: ReactionKind | null, now: ReactionKind | null): ReactionCounts {
  if (previous === now) return counts;
  const next = { ...counts };
  if (previous) next[previous] = Math.max(0, next[previous] - 1);
  if (now) next[now] += 1;
  return next;
}

export function ReactionsBar({ articleId }: { articleId: number }) {
  const [counts, setCounts] = useState<ReactionCounts | null>(null);
  const [mine, setMine] = useState<ReactionKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  useEffect(() => {
    let live = true;
    // What this device chose, then the counts: both exist only in the browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMine(rememberedReaction(articleId));
    void fetchReactionCounts(articleId).then((answer) => {
      if (!live) return;
      if (answer.ok) setCounts(answer.data.counts);
      else setMessage(answer.message);
    });
    return () => {
      live = false;
    };
  }, [articleId]);

  const choose = async (kind: ReactionKind) => {
    if (busy) return;
    setBusy(true);
    setMessage("");
    const answer = mine === kind ? await withdrawReaction(articleId) : await sendReaction(articleId, kind);
    setBusy(false);
    if (!answer.ok) return setMessage(answer.message);
    const { kind: now, previous } = answer.data;
    setMine(now);
    remember(articleId, now);
    setCounts((current) => (current ? moved(current, previous, now) : current));
  };

  return (
    <section className="reactions no-print" aria-labelledby="reactions-heading" data-testid="reactions-bar">
      <h2 id="reactions-heading" className="reactions__title">
        이 기사에 대한 반응
      </h2>
      <ul className="reactions__list">
        {REACTION_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`reactions__button${mine === kind ? " is-mine" : ""}`}
              aria-pressed={mine === kind}
              disabled={busy}
              data-kind={kind}
              onClick={() => void choose(kind)}
            >
              <ReactionIcon kind={kind} />
              <span className="reactions__label">{REACTION_LABELS[kind]}</span>
              <span className="reactions__count" data-testid={`reaction-count-${kind}`}>
                {counts ? counts[kind] : "-"}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="reactions__message" role="status">
        {message}
      </p>
    </section>
  );
}
