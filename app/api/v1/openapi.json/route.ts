// The API's OpenAPI 3.1 description, generated from the routes' own specs.
import { apiRoutes } from "@/app/api/v1/api-routes";
import { publicApiRoute } from "@/lib/api/api-route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { responses } from "@/lib/api/response-schemas";

let document: string | undefined;

export const GET = publicApiRoute({ summary: "This document (OpenAPI 3.1)", response: responses.openApi, tag: "meta" }, async () => {
  document ??= JSON.stringify(buildOpenApiDocument(await apiRoutes()));
  return new Response(document, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
});
