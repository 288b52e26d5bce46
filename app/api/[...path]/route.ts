// An /api address that no route answers (a typo, an old client, a step that does not exist such
// as /api/v1/articles/1/frobnicate) gets the API's JSON error, not the reader site's HTML 404
// page: API clients read `error.message`. Every route of the API is more specific than this one,
// so Next.js only comes here when none of them matches the address.
const notFound = () =>
  Response.json({ error: { code: "NOT_FOUND", message: "없는 API 주소입니다. 주소를 확인하세요 (목록: /api/v1/openapi.json)." } }, { status: 404, headers: { "cache-control": "no-store" } });

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
