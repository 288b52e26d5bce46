/**
 * A failure a person can fix from its message alone (bad setting, database unreachable, port in
 * use ...). Command-line entry points print its message as one line instead of a stack.
 */
export class StartupError extends Error {
  override name = "StartupError";
}
