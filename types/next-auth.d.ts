// What our next-auth tokens carry: the user's id and the sessionVersion it was issued at.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    id: string;
    sessionVersion: number;
  }
  interface Session {
    user: { id?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Seconds since the epoch when the person signed in (lib/auth/session-age.ts). */
    signedInAt?: number;
  }
}
