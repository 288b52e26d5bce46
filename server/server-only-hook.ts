// Next.js makes "server-only" an empty module in server code; code of the app that this process
// loads itself (the fast lane's route handlers) gets the same, through a module loader hook.
// Without it the import throws, as it does in a browser. Pass to `register` from node:module.
const HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
  return next(specifier, context);
}`;

export const SERVER_ONLY_IS_EMPTY = `data:text/javascript,${encodeURIComponent(HOOK)}`;
