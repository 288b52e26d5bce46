import type { z } from "zod";
import { invalid } from "@/lib/errors";
import "@/lib/schemas/korean-messages";

/**
 * A request body that was not JSON. Routes pass it on instead of refusing it themselves, so the
 * domain function checks permission first and only then refuses the input (403 before 400).
 */
export class MalformedBody {
  readonly message = "요청 본문이 올바른 JSON이 아닙니다.";
}

/** Parses input with a schema; on failure throws a VALIDATION DomainError carrying each field's first message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (input instanceof MalformedBody) throw invalid(input.message);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  throw invalid(Object.values(fieldErrors)[0] ?? "입력이 올바르지 않습니다.", { fieldErrors });
}
