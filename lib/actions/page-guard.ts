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
