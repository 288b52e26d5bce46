// GET /api/v1/openapi.json: the API's OpenAPI 3.1 description, generated from the route registry.
import { buildOpenApiDocument } from "@/lib/api/openapi";

let document: string | undefined;

export function GET(): Response {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}
