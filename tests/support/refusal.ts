// What a domain function refused with: the DomainError (code, Korean message, details), or null
// when it succeeded. Anything else it threw fails the test as it is.
import { DomainError } from "@/lib/errors";

export function refusalOf(promise: Promise<unknown>): Promise<DomainError | null> {
  return promise.then(
    () => null,
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return error;
    },
  );
}
