// HTTP requests from a chosen loopback address (127.0.0.2, 127.0.0.3...): the app sees each as a
// different client address, so a test's sign-in failures or comments count against an address
// of its own, not against 127.0.0.1, which every other e2e test shares.
import { request } from "node:http";

export interface LoopbackResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function loopbackRequest(
  url: string,
  options: { localAddress: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<LoopbackResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const cookiePairs = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((line) => line.split(";")[0] ?? "").filter((pair) => pair.includes("="));

/** A credentials sign-in from `localAddress`; returns where next-auth sends the browser (its error, if any). */
export async function signInFrom(baseUrl: string, localAddress: string, email: string, password: string): Promise<{ status: number; location: string; cookie: string }> {
  const csrf = await loopbackRequest(`${baseUrl}/api/auth/csrf`, { localAddress });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await loopbackRequest(`${baseUrl}/api/auth/callback/credentials`, {
    localAddress,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf.headers["set-cookie"]).join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: `${baseUrl}/newsroom`, email, password }).toString(),
  });
  const location = String(answer.headers.location ?? (answer.text.includes('"url"') ? (JSON.parse(answer.text) as { url: string }).url : ""));
  return { status: answer.status, location: decodeURIComponent(location), cookie: cookiePairs(answer.headers["set-cookie"]).join("; ") };
}
