import "server-only";
import { forbidden, notFound } from "next/navigation";
import { DomainError } from "@/lib/errors";

/**
 * Runs a page's domain read. NOT_FOUND becomes the newsroom's 404 page and FORBIDDEN its 403 page
 * (forbidden.tsx: in Korean, with the way back), each with its HTTP status; anything else
 * propagates to the error page.
 */
export async function loadForPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    if (error instanceof DomainError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}

/**
 * A list page's search: a search that cannot be run (odd characters in ?q=, a refused filter)
 * shows `empty` with the Korean reason instead of failing the page.
 */
export async function searchForPage<T>(search: () => Promise<T>, empty: T): Promise<{ found: T; searchError: string | null }> {
  return loadForPage(() =>
    search().then(
      (found) => ({ found, searchError: null }),
      (error: unknown) => {
        if (error instanceof DomainError && error.code === "VALIDATION") return { found: empty, searchError: error.message };
        throw error;
      },
    ),
  );
}
