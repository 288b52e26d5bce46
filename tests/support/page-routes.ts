// The addresses a browser opens, found from the app/ tree itself (so a new page is fuzzed by
// existing, with no list to forget): every page.tsx, and every route.ts outside app/api that
// answers GET (feeds, sitemaps, preview images, media). The JSON API has its own registry and
// fuzz (lib/api/route-table.ts, tests/e2e/api-fuzz.test.ts).
//
// Next.js's folder conventions, as far as this app uses them: "(group)" folders are not part of
// the address; "@slot" folders are parallel slots rendered inside another page's layout (not
// addresses of their own); "_private" folders are not routed; "[x]" is one segment, "[...x]" one
// or more, "[[...x]]" zero or more.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type SegmentKind = "one" | "catch-all" | "optional-catch-all";

export interface DynamicSegment {
  /** The parameter's name (`id` for [id]). */
  name: string;
  kind: SegmentKind;
  /** The literal folder before it (`articles` for /articles/[id]): says what kind of value is real there. */
  after: string;
}

export interface PageRoute {
  /** The address pattern, e.g. /sections/[slug] or /articles/[id]/[[...slug]]. */
  pattern: string;
  /** The file, relative to the project. */
  file: string;
  kind: "page" | "route";
  /** Whether the newsroom (staff) face answers it. */
  newsroom: boolean;
  dynamic: DynamicSegment[];
  /** Query parameters the file reads (found in its source), to send hostile values for. */
  queryNames: string[];
}

const PAGE_FILES = new Set(["page.tsx", "page.ts", "page.jsx", "page.js"]);
const ROUTE_FILES = new Set(["route.ts", "route.js"]);

function dynamicSegmentOf(folder: string, after: string): DynamicSegment | null {
  const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(folder);
  if (optional?.[1]) return { name: optional[1], kind: "optional-catch-all", after };
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(folder);
  if (catchAll?.[1]) return { name: catchAll[1], kind: "catch-all", after };
  const one = /^\[(\w+)\]$/.exec(folder);
  return one?.[1] ? { name: one[1], kind: "one", after } : null;
}

// `params.q`, `query.view`, `searchParams.get("page")`, and the keys of a searchParams type
// (`Promise<{ q?: string; page?: string }>`): the names a page reads from its query string.
const QUERY_NAME_PATTERNS = [/\b(?:params|query|searchParams)\.(\w+)\b/g, /searchParams\.get\("(\w+)"\)/g, /\b(\w+)\?: string(?: \| string\[\])?/g];
const NOT_QUERY_NAMES = new Set(["then", "get", "has", "slug", "id", "file", "key"]);

function queryNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const pattern of QUERY_NAME_PATTERNS) for (const match of source.matchAll(pattern)) if (match[1] && !NOT_QUERY_NAMES.has(match[1])) names.add(match[1]);
  return [...names].sort();
}

const answersGet = (source: string) => /export\s+(?:const|async\s+function|function)\s+GET\b|export\s*\{[^}]*\bGET\b/.test(source);

/** Every page and GET route of the app, found under `appDir`. */
export function discoverPageRoutes(root = process.cwd()): PageRoute[] {
  const appDir = path.join(root, "app");
  const routes: PageRoute[] = [];
  const walk = (dir: string, literal: string[], dynamic: DynamicSegment[], pattern: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("@") || name.startsWith("_")) continue;
        if (/^\(.+\)$/.test(name)) {
          walk(full, literal, dynamic, pattern);
          continue;
        }
        const segment = dynamicSegmentOf(name, literal.at(-1) ?? "");
        walk(full, segment ? literal : [...literal, name], segment ? [...dynamic, segment] : dynamic, [...pattern, name]);
        continue;
      }
      const isPage = PAGE_FILES.has(entry.name);
      const isRoute = ROUTE_FILES.has(entry.name);
      if (!isPage && !isRoute) continue;
      if (pattern[0] === "api") continue;
      const source = readFileSync(full, "utf8");
      if (isRoute && !answersGet(source)) continue;
      routes.push({
        pattern: `/${pattern.join("/")}`,
        file: path.relative(root, full),
        kind: isPage ? "page" : "route",
        newsroom: pattern[0] === "newsroom",
        dynamic,
        queryNames: queryNamesIn(source),
      });
    }
  };
  walk(appDir, [], [], []);
  return routes;
}

/** The address of `route` with its dynamic segments filled in order (`values[i]` for the i-th; catch-alls take arrays). */
export function fillPattern(route: PageRoute, values: string[][]): string {
  let index = 0;
  const filled = route.pattern
    .split("/")
    .flatMap((part) => {
      if (!dynamicSegmentOf(part, "")) return [part];
      return values[index++] ?? ["1"];
    })
    .join("/");
  return filled || "/";
}
