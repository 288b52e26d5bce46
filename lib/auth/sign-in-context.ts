import "server-only";
// next-auth's `authorize` cannot set cookies, but the device cookie (lib/auth/device-cookie.ts)
// must be set on the answer to a successful sign-in. The route handler runs each sign-in inside
// this context; `authorize` leaves the new token here and the handler adds the cookie.
import { AsyncLocalStorage } from "node:async_hooks";

interface SignInContext {
  deviceToken?: string;
}

const storage = new AsyncLocalStorage<SignInContext>();

export function runSignInRequest<T>(work: () => Promise<T>): Promise<{ result: T; deviceToken?: string }> {
  const context: SignInContext = {};
  return storage.run(context, async () => ({ result: await work(), deviceToken: context.deviceToken }));
}

/** Called by `authorize` after a successful password check. */
export function rememberDeviceToken(token: string): void {
  const context = storage.getStore();
  if (context) context.deviceToken = token;
}
