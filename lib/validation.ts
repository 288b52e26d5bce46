import type { z } from "zod";
import { invalid } from "@/lib/errors";
import "@/lib/schemas/korean-messages";

/** Parses input with a schema; on failure throws a VALIDATION DomainError carrying each field's first message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  throw invalid(Object.values(fieldErrors)[0] ?? "입력이 올바르지 않습니다.", { fieldErrors });
}
