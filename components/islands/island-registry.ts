// One table from island name to component, read by the island marker (island.tsx, on the server)
// and by the reader bundle that hydrates the marked parts (hydrate-islands.tsx, in the browser).
// Its names are exactly those of island-sources.ts: the compiler checks both ways.
import type { ComponentProps } from "react";
import { ArticleTools } from "@/components/article/article-tools";
import { KakaoShareButton } from "@/components/article/kakao-share-button";
import { ViewBeacon } from "@/components/article/view-beacon";
import { CommentsIsland } from "@/components/comments/comments-island";
import type { IslandName } from "@/components/islands/island-sources";
import { PushOptIn } from "@/components/push/push-opt-in";
import { ReactionsBar } from "@/components/reactions/reactions-bar";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";

export const ISLAND_COMPONENTS = {
  "article-tools": ArticleTools,
  "view-beacon": ViewBeacon,
  "kakao-share": KakaoShareButton,
  comments: CommentsIsland,
  reactions: ReactionsBar,
  subscribe: SubscribeForm,
  "push-opt-in": PushOptIn,
} as const satisfies Record<IslandName, unknown>;

// The other direction: no component here without a source file listed.
const namesAreSources: Record<keyof typeof ISLAND_COMPONENTS, unknown> & Record<IslandName, unknown> = ISLAND_COMPONENTS;
void namesAreSources;

/** The props island `N` is rendered with: JSON, as they travel in the page's `data-props`. */
export type IslandProps<N extends IslandName> = ComponentProps<(typeof ISLAND_COMPONENTS)[N]>;
