// The OpenAPI document: valid against the OpenAPI 3.1 schema, with every route and method of the
// tree in it (each route file's own spec), each input schema as the request body or query parameters, and every $ref resolving.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoutes } from "@/app/api/v1/api-routes";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const API_ROUTES = await apiRoutes();
const document = buildOpenApiDocument(API_ROUTES);

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

type Operation = { requestBody?: { content: Record<string, { schema: { $ref: string } }> }; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? []).slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every registered route and method, and nothing else", () => {
    const described = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it("carries each route's own input schema: the body as requestBody, the query as parameters", () => {
    for (const route of API_ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      if (route.body) {
        const media = route.bodyEncoding === "multipart" ? "multipart/form-data" : "application/json";
        const ref = operation.requestBody?.content[media]?.schema.$ref ?? "";
        const component = document.components.schemas[ref.replace("#/components/schemas/", "")];
        expect(component, `${route.method} ${route.path}`).toBeDefined();
        // The component is the route's own schema, converted: same property names.
        const expected = route.body instanceof z.ZodObject ? Object.keys(route.body.shape).sort() : [];
        expect(Object.keys((component?.properties as object) ?? {}).sort(), `${route.method} ${route.path}`).toEqual(expected);
      } else {
        expect(operation.requestBody, `${route.method} ${route.path}`).toBeUndefined();
      }
      const queryNames = (operation.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name).sort();
      expect(queryNames, `${route.method} ${route.path}`).toEqual(route.query instanceof z.ZodObject ? Object.keys(route.query.shape).sort() : []);
      expect(Object.keys(operation.responses), `${route.method} ${route.path}`).toContain(String(route.successStatus ?? 200));
    }
  });

  it("every $ref points at a component that exists", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(API_ROUTES.length);
    const missing = refs.filter((ref) => !ref.startsWith("#/components/schemas/") || !(ref.slice("#/components/schemas/".length) in document.components.schemas));
    expect([...new Set(missing)]).toEqual([]);
  });

  it("documents the desk's additions (approve with correction type, schedule, republish, history, cursor list)", () => {
    const approve = document.components.schemas.PostArticlesIdApproveBody as { properties: Record<string, { anyOf?: { enum?: string[] }[] }> };
    expect(Object.keys(approve.properties)).toEqual(expect.arrayContaining(["version", "publishAt", "correctionType", "correctionNote"]));
    expect(JSON.stringify(approve.properties.correctionType)).toContain("CORRECTION");
    for (const key of ["put /api/v1/articles/{id}/schedule", "delete /api/v1/articles/{id}/schedule", "post /api/v1/articles/{id}/republish", "get /api/v1/articles/{id}/history"]) {
      const [method, path] = key.split(" ") as [string, string];
      expect(document.paths[path]?.[method], key).toBeDefined();
    }
    const list = document.paths["/api/v1/articles"]?.get as Operation;
    expect(list.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["status", "sectionId", "authorId", "q", "cursor"]));
    const article = document.components.schemas.PostArticlesResponse as { properties: { article: { $ref?: string; properties?: Record<string, unknown> } } };
    expect(JSON.stringify(article)).toContain('"url"');
  });
});

// ---- the documented text limits against the schemas that enforce them

interface DocumentedText {
  where: string;
  /** The zod schema of that field, as the route validates it. */
  field: z.ZodType;
  minLength?: number;
  maxLength: number;
}

type JsonNode = { type?: string | string[]; properties?: Record<string, JsonNode>; items?: JsonNode; anyOf?: JsonNode[]; minLength?: number; maxLength?: number };

/** The schema a wrapper (optional, default, nullable, a transform after it) stands for, to descend into objects and arrays. */
function structureOf(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  if (def.innerType) return structureOf(def.innerType);
  if (def.type === "pipe" && def.in) return structureOf(def.in);
  return schema;
}

/** Every string in `json` with a documented maxLength, paired with the zod schema that checks it. */
function documentedTexts(json: JsonNode, schema: z.core.$ZodType, where: string, found: DocumentedText[] = []): DocumentedText[] {
  const structure = structureOf(schema);
  for (const branch of json.anyOf ?? [json]) {
    if (branch.maxLength !== undefined) found.push({ where, field: schema as z.ZodType, minLength: branch.minLength, maxLength: branch.maxLength });
    if (branch.properties && structure instanceof z.ZodObject) {
      for (const [key, property] of Object.entries(branch.properties)) documentedTexts(property, structure.shape[key] as z.core.$ZodType, `${where}.${key}`, found);
    }
    if (branch.items && structure instanceof z.ZodArray) documentedTexts(branch.items, structure.element, `${where}[]`, found);
  }
  return found;
}

/** The issue codes a value gets, union branches included. */
function issueCodes(schema: z.ZodType, value: string): string[] {
  const flatten = (issues: readonly z.core.$ZodIssue[]): string[] =>
    issues.flatMap((issue) => [issue.code, ...(issue.code === "invalid_union" ? issue.errors.flatMap((branch) => flatten(branch)) : [])]);
  const result = schema.safeParse(value);
  return result.success ? [] : flatten(result.error.issues);
}

describe("the documented text limits", () => {
  const texts = API_ROUTES.flatMap((route) =>
    (["body", "query"] as const).flatMap((part) => {
      const schema = route[part];
      if (!schema) return [];
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      const ref = part === "body" ? Object.values(operation.requestBody?.content ?? {})[0]?.schema.$ref : `#/components/schemas/${operationNameOfQuery(operation)}`;
      const component = document.components.schemas[(ref ?? "").replace("#/components/schemas/", "")] as JsonNode;
      return documentedTexts(component, schema, `${route.method} ${route.path} ${part}`);
    }),
  );

  it("cover the text fields (headline, notes, tags, comments ...)", () => {
    expect(texts.length).toBeGreaterThanOrEqual(15);
    expect(texts.map((text) => text.where)).toEqual(expect.arrayContaining(["POST /api/v1/articles body.headline", "POST /api/v1/articles body.tags[]", "POST /api/v1/articles/{id}/return body.note"]));
  });

  it("are the ones the server enforces: maxLength characters pass, one more is too long; fewer than minLength is too short", () => {
    // (Text fields are trimmed before the check, so surrounding spaces beyond maxLength still pass:
    // the document states the limit of the text kept, as its description says.)
    // A Hangul syllable: one UTF-16 unit, unchanged by NFC, not white space.
    const text = (length: number) => "가".repeat(length);
    for (const { where, field, minLength, maxLength } of texts) {
      expect(issueCodes(field, text(maxLength)), `${where}: ${maxLength} characters`).not.toContain("too_big");
      expect(issueCodes(field, text(maxLength + 1)), `${where}: ${maxLength + 1} characters`).toContain("too_big");
      if (minLength !== undefined) {
        expect(issueCodes(field, text(minLength)), `${where}: ${minLength} characters`).not.toContain("too_small");
        expect(issueCodes(field, text(minLength - 1)), `${where}: ${minLength - 1} characters`).toContain("too_small");
      }
    }
  });
});

/** The component a GET route's query parameters were taken from (its operationId + "Query"). */
function operationNameOfQuery(operation: Operation & { operationId?: string }): string {
  return `${operation.operationId ?? ""}Query`;
}
