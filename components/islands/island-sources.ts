// The reader pages' interactive parts ("islands") by name, with the file each one's component
// lives in. A page the response cache keeps is sent without the Next.js runtime only when every
// client component it renders is one of these files or Next.js's own
// (server/response-cache/reader-page-strip.ts reads the build's client manifests for the files);
// components/islands/island-registry.ts maps the same names to the components.
export const ISLAND_SOURCES = {
  "article-tools": "components/article/article-tools.tsx",
  "view-beacon": "components/article/view-beacon.tsx",
  "kakao-share": "components/article/kakao-share-button.tsx",
  comments: "components/comments/comments-island.tsx",
  reactions: "components/reactions/reactions-bar.tsx",
  subscribe: "components/subscriptions/subscribe-form.tsx",
  "push-opt-in": "components/push/push-opt-in.tsx",
} as const;

export type IslandName = keyof typeof ISLAND_SOURCES;
