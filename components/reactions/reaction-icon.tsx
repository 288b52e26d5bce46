import type { ReactionKind } from "@/lib/reactions/reaction-kinds";

// Small line drawings (no emoji: readers' devices draw those differently, and some not at all).
const FACE = <circle cx="12" cy="12" r="9" />;
const PATHS: Record<ReactionKind, React.ReactNode> = {
  LIKE: <path d="M7 10v10H4V10h3zm2 10h8.2a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.4 10H14l.8-4.2A1.6 1.6 0 0 0 12 4.6L9 10v10z" />,
  WARM: <path d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.4 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" />,
  SAD: (
    <>
      {FACE}
      <path d="M8.5 10h.01M15.5 10h.01M8.5 16.5c1.8-1.6 5.2-1.6 7 0M16.5 12.5c.8 1 .8 2 0 2.6" />
    </>
  ),
  ANGRY: (
    <>
      {FACE}
      <path d="M7.5 8.5l3 1.5M16.5 8.5l-3 1.5M9 11.5h.01M15 11.5h.01M8.5 16.5c1.8-1.4 5.2-1.4 7 0" />
    </>
  ),
  FOLLOW_UP: <path d="M6 3h9l4 4v14H6V3zm9 0v4h4M9 11h7M9 14.5h7M12.5 18v-5M10 16l2.5-3 2.5 3" />,
};

export function ReactionIcon({ kind }: { kind: ReactionKind }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[kind]}
    </svg>
  );
}
