// argon2id (the library's default algorithm) at OWASP's recommended parameters: 19 MiB, t=2, p=1.
// The stored hash carries its own parameters, so raising them later needs no migration.
import { hash, verify } from "@node-rs/argon2";

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never crash the sign-in.
    return false;
  }
}
