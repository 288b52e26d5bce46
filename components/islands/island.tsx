// Marks one interactive part of a reader page: the component is rendered as usual (a page
// answered with the Next.js runtime, a staff preview say, hydrates it as before), inside a box
// that names it and holds its props, from which the reader bundle (hydrate-islands.tsx) hydrates
// it on pages the response cache sends without that runtime. `display: contents`: the box takes
// no part in the layout.
import type { ComponentType } from "react";
import { ISLAND_COMPONENTS, type IslandProps } from "@/components/islands/island-registry";
import type { IslandName } from "@/components/islands/island-sources";

export function Island<N extends IslandName>({ name, props }: { name: N; props: IslandProps<N> }) {
  // The pairing of name and props is checked at the call; here the component only needs an object.
  const Component = ISLAND_COMPONENTS[name] as ComponentType<object>;
  return (
    <div data-island={name} data-props={JSON.stringify(props)} style={{ display: "contents" }}>
      <Component {...(props as object)} />
    </div>
  );
}
