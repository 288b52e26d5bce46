// The reader bundle's entry (built by server/islands-bundle.ts, sent by the response cache on
// the pages it keeps instead of the Next.js runtime): hydrates each part the server marked with
// components/islands/island.tsx, on its own root.
import type { ComponentType } from "react";
import { hydrateRoot } from "react-dom/client";
import { ISLAND_COMPONENTS } from "@/components/islands/island-registry";
import type { IslandName } from "@/components/islands/island-sources";

function isIslandName(name: string): name is IslandName {
  return Object.hasOwn(ISLAND_COMPONENTS, name);
}

document.querySelectorAll<HTMLElement>("[data-island]").forEach((container, index) => {
  const name = container.dataset.island ?? "";
  if (!isIslandName(name)) return;
  const Component = ISLAND_COMPONENTS[name] as ComponentType<object>;
  const props = JSON.parse(container.dataset.props ?? "{}") as object;
  // A prefix of its own per root: useId counts from each root, so two subscribe forms opened on
  // one page would otherwise give their fields the same id. No island shows a useId value in its
  // server HTML (the subscribe form's field appears only when opened), so the ids need not match
  // the whole-page render's.
  hydrateRoot(container, <Component {...props} />, { identifierPrefix: `island${index}-` });
});
