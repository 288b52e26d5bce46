// What a newsroom form's server action answers; the form shows `message` and each field's error.
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; secret?: string; /** What the secret is, when it is not a temporary password. */ secretNote?: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string> };

export const IDLE: ActionState = { status: "idle" };
