import NextAuth from "next-auth";
import { authOptions, usesSecureCookies } from "@/lib/auth/auth-options";
import { deviceCookieHeader } from "@/lib/auth/device-cookie";
import { runSignInRequest } from "@/lib/auth/sign-in-context";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// A successful sign-in also gets the device cookie (lib/auth/device-cookie.ts), which next-auth
// itself has no way to set.
async function withDeviceCookie(request: Request, context: Context): Promise<Response> {
  const { result, deviceToken } = await runSignInRequest(() => handler(request, context) as Promise<Response>);
  if (!deviceToken) return result;
  const response = new Response(result.body, result);
  response.headers.append("set-cookie", deviceCookieHeader(deviceToken, usesSecureCookies()));
  return response;
}

export { handler as GET, withDeviceCookie as POST };
