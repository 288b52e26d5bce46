import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/errors";

/**
 * Runs a page's domain read. NOT_FOUND becomes the 404 page; FORBIDDEN becomes `{ denied }` so
 * the page can say so in Korean; anything else propagates to the error page.
 */
export async function loadForPage<T>(read: () => Promise<T>): Promise<{ data: T; denied?: undefined } | { data?: undefined; denied: string }> {
  try {
    return { data: await read() };
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    if (error instanceof DomainError && error.code === "FORBIDDEN") return { denied: error.message };
    throw error;
  }
}
