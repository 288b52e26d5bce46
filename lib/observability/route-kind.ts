// A request's kind of route, for metrics labels and logs: a handful of stable values, never the
// raw path (ids in paths would make every story its own time series).
const RULES: [RegExp, string][] = [
  [/^\/api\/health$/, "health"],
  [/^\/metrics$/, "metrics"],
  [/^\/api\/auth\//, "auth"],
  [/^\/api\/v1\/articles\/\d+\/comments$/, "comments-api"],
  [/^\/api\//, "api"],
  [/^\/newsroom(\/|$)/, "newsroom"],
  [/^\/login(\/|$)/, "login"],
  [/^\/_next\//, "static"],
  [/^\/media\//, "media"],
  [/^\/$/, "home"],
  [/^\/articles\//, "article"],
  [/^\/sections\/[^/]+\/feed\.xml$/, "feed"],
  [/^\/sections\//, "section"],
  [/^\/tags\//, "tag"],
  [/^\/reporters\//, "reporter"],
  [/^\/search(\/|$)/, "search"],
  [/^\/corrections(\/|$)/, "corrections"],
  [/(\.xml|\/robots\.txt)$/, "feed"],
];

export function routeKind(path: string): string {
  return RULES.find(([pattern]) => pattern.test(path))?.[1] ?? "other";
}
