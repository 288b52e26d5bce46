// Generators of hostile input for property-based tests (fast-check): wrong types, numbers out of
// every range, NUL and broken Unicode, markup and path tricks, very long strings, very deep
// nesting and prototype keys. Bodies are produced as raw JSON *text*, so that keys such as
// "__proto__" reach the server as sent.
import fc from "fast-check";
import { z } from "zod";

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\uD800",
      "x\uDC00",
      "\u202Eevil",
      "\uFEFF",
      "<script>alert(1)</script>",
      "javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "%00",
      "../../etc/passwd",
      "' OR 1=1 --",
      "constructor",
      "__proto__",
      "NaN",
      "1e309",
      "2147483648",
      "-1",
      "한글 제목",
      "ㅎㅏㄴ",
      "👍🏽👨‍👩‍👧",
    ),
  },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((n) => "가".repeat(10 ** (n + 2))) },
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 1e15, 1e300, Number.MAX_SAFE_INTEGER),
);

/** Any JSON value, leaning on the hostile strings and numbers above. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

function keysOf(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const deepJson = (levels: number) => '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
const deepDoc = (levels: number) => ({ type: "doc", content: [JSON.parse('{"type":"blockquote","content":['.repeat(levels) + '{"type":"paragraph"}' + "]}".repeat(levels))] });

/**
 * A request body as JSON text: an object with the schema's own keys holding hostile values
 * (the kind of input most likely to get past the first checks), or something else entirely.
 */
export function hostileJsonBody(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const keys = keysOf(schema);
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] }).map((value) => JSON.stringify(value))
      : fc.constant("{}");
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 2, arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? "null") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        "{",
        "not json",
        "null",
        "[]",
        '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
        deepJson(3000),
        JSON.stringify({ body: deepDoc(2000), version: 1, headline: "x" }),
        JSON.stringify({ version: 2 ** 31, sectionId: 1e15, publishAt: "+275760-09-13" }),
      ),
    },
  );
}

/** The string percent-encoded; a lone surrogate (not encodable) becomes an invalid UTF-8 escape, itself hostile. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value) || "x";
  } catch {
    return "%ED%A0%80";
  }
}

/** A value for a path segment such as {id}: real ids mixed with every kind of nonsense. */
export function hostileSegment(realValues: () => string[]): fc.Arbitrary<string> {
  return fc.oneof(
    // Read when values are drawn: the real ids exist only once the test's setup has run.
    { weight: 3, arbitrary: fc.nat({ max: 99 }).map((n) => realValues()[n % Math.max(1, realValues().length)] ?? "1") },
    { weight: 3, arbitrary: fc.constantFrom("0", "-1", "2147483648", "99999999999999999999", "1e309", "1.5", "abc", ".", "..", "%00", "%F0%9F", "..%2F..", "%27%20or%201%3D1", "__proto__", "constructor") },
    { weight: 1, arbitrary: hostileString.map((value) => percentEncoded(value.slice(0, 200))) },
  );
}

/** A query string of likely parameter names with hostile values. */
export const hostileQuery = fc
  .dictionary(fc.constantFrom("q", "cursor", "status", "sectionId", "authorId", "page", "from", "to", "sort", "limit", "take", "__proto__"), hostileString, { maxKeys: 4 })
  .map((params) => new URLSearchParams(Object.entries(params).map(([key, value]) => [key, value.slice(0, 2000)])).toString());
