// The OpenAPI 3.1 description of /api/v1, generated from the routes' own specs (lib/api/route-table.ts,
// read from the route files): the same zod schemas that validate each request (zod 4's JSON Schema output, read as input) and the
// response schemas tied to the output types (lib/api/response-schemas.ts, read as output).
// Every schema becomes a named component and paths refer to them, so recursive shapes (the
// article body) resolve within the document.
import { z } from "zod";
import { errorOutSchema } from "@/lib/api/response-schemas";
import { API_TAGS } from "@/lib/api/route-spec";
import type { ApiRoute } from "@/lib/api/route-table";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { siteName } from "@/lib/config/site";

type JsonSchema = Record<string, unknown>;

const COMPONENT = (id: string) => `#/components/schemas/${id}`;

/** "POST /api/v1/articles/{id}/approve" -> "PostArticlesIdApprove" */
function operationName(route: ApiRoute): string {
  const words = [route.method.toLowerCase(), ...route.path.replace(/^\/api\/v1\//, "").split(/[/{}.]+/)].filter(Boolean);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())).join("");
}

/**
 * A text field (safeText in lib/schemas/common.ts) is normalised and trimmed, then its length is
 * checked: a pipe from the raw string into a string schema with the real limits. The raw side
 * only has a generous cap (four times the limit, so that a huge value is refused before it is
 * normalised), and that cap is what zod's input schema shows. Documented instead: the limits
 * checked after normalising (tests/unit/openapi.test.ts probes each against the schema itself).
 */
function documentLimitsCheckedAfterNormalising(schema: z.core.$ZodType, json: JsonSchema): void {
  const def = schema._zod.def;
  if (def.type !== "pipe" || json.type !== "string") return;
  const checked = (def as z.core.$ZodPipeDef).out;
  if (checked._zod.def.type !== "string") return;
  const { minLength, maxLength } = z.toJSONSchema(checked) as { minLength?: number; maxLength?: number };
  if (maxLength !== undefined) json.maxLength = maxLength;
  if (minLength !== undefined && minLength > 0) json.minLength = minLength;
  else delete json.minLength;
}

/** Every registered schema converted at once, refs pointing at components; `$schema`/`$id` dropped (the document sets the dialect). */
function convert(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output"): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    uri: COMPONENT,
    unrepresentable: "any",
    override: (ctx) => {
      // Dates accepted as Date objects by the schema arrive as ISO strings over HTTP.
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      if (io === "input") documentLimitsCheckedAfterNormalising(ctx.zodSchema, ctx.jsonSchema as JsonSchema);
      // The body is validated by a transform; describe the Tiptap document it accepts.
      if (io === "input" && ctx.zodSchema === articleBodySchema) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, { $ref: COMPONENT("ArticleBody") });
      }
    },
  });
  // Definitions several schemas share (the body's recursive node) come back under "__shared":
  // each becomes a component of its own, and references to it are rewritten to point there.
  const { __shared: shared, ...named } = schemas as Record<string, JsonSchema>;
  const sharedDefs = (shared?.$defs ?? {}) as Record<string, JsonSchema>;
  const sharedId = (name: string) => `Shared${io === "input" ? "Input" : "Output"}_${name}`;
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of [...Object.entries(named), ...Object.entries(sharedDefs).map(([name, def]) => [sharedId(name), def] as const)]) {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    out[id] = JSON.parse(JSON.stringify(rest).replaceAll(/"#\/components\/schemas\/__shared#\/\$defs\/([^"]+)"/g, (_, name: string) => JSON.stringify(COMPONENT(sharedId(name)))));
  }
  return out;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

export function buildOpenApiDocument(routeTable: readonly ApiRoute[]): OpenApiDocument {
  // Grouped by tag, each group by path and method. A response schema several routes share is
  // named after the first of them.
  const routes = [...routeTable].sort((a, b) => API_TAGS.indexOf(a.tag) - API_TAGS.indexOf(b.tag));
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  const ids = new Map<ApiRoute, { body?: string; query?: string; response: string }>();
  // The same schema object serves several routes (the article envelope): one component each.
  const outputIds = new Map<z.ZodType, string>();
  outputs.add(errorOutSchema, { id: "Error" });
  outputs.add(articleBodySchema, { id: "ArticleBody" });
  for (const route of routes) {
    const name = operationName(route);
    const entry: { body?: string; query?: string; response: string } = { response: outputIds.get(route.response) ?? `${name}Response` };
    if (!outputIds.has(route.response)) {
      outputIds.set(route.response, entry.response);
      outputs.add(route.response, { id: entry.response });
    }
    if (route.body) inputs.add(route.body, { id: (entry.body = `${name}Body`) });
    if (route.query) inputs.add(route.query, { id: (entry.query = `${name}Query`) });
    ids.set(route, entry);
  }
  const schemas = { ...convert(outputs, "output"), ...convert(inputs, "input") };

  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const entry = ids.get(route)!;
    const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
    const queryProps = entry.query ? ((schemas[entry.query]?.properties as Record<string, JsonSchema> | undefined) ?? {}) : {};
    const queryRequired = new Set(entry.query ? ((schemas[entry.query]?.required as string[] | undefined) ?? []) : []);
    const queryParams = Object.entries(queryProps).map(([name, schema]) => ({ name, in: "query", required: queryRequired.has(name), schema }));
    const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: COMPONENT("Error") } } } });
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: operationName(route),
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === "staff" ? { security: [{ session: [] }] } : { security: [] }),
      ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
      ...(entry.body
        ? { requestBody: { required: true, content: { [route.bodyEncoding === "multipart" ? "multipart/form-data" : "application/json"]: { schema: { $ref: COMPONENT(entry.body) } } } } }
        : {}),
      responses: {
        [String(route.successStatus ?? 200)]: { description: "OK", content: { "application/json": { schema: { $ref: COMPONENT(entry.response) } } } },
        ...(route.access === "staff" ? { "401": errorResponse("Not signed in"), "403": errorResponse("Not allowed (checked before the input)") } : {}),
        ...(entry.body || entry.query ? { "400": errorResponse("Input refused (Korean message per field)") } : {}),
        ...(route.path.includes("{") ? { "404": errorResponse("No such story, revision or image") } : {}),
        ...(route.method !== "GET" ? { "409": errorResponse("Stale version, or the story's state does not allow it (the reason in Korean)") } : {}),
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: `${siteName} newsroom API`,
      version: "1",
      description:
        "The newsroom's JSON API: the same session cookie and permission table as the newsroom pages. State-changing requests must come from the site's origin (Origin header). Errors are { error: { code, message } } with Korean messages. Text fields are NFC-normalised and trimmed before their length is checked; minLength and maxLength count UTF-16 code units of that text.",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "/" }],
    tags: API_TAGS.filter((tag) => routes.some((route) => route.tag === tag)).map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Sign in at /login (or next-auth's credentials endpoint); behind https the cookie is __Secure-next-auth.session-token." } },
    },
  };
}
