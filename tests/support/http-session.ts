// Signing in to the running app over plain HTTP (next-auth's credentials endpoint, CSRF token
// first), for API tests, fuzzing and benchmarks that need a staff session without a browser.

/** A signed-in staff member's JSON API client: same-origin headers and the session cookie on every call. */
export interface ApiSession {
  /** The Cookie header to send (session and device cookies). */
  cookie: string;
  /** Set-Cookie lines of the sign-in answer, for tests that inspect them. */
  setCookies: string[];
  request(method: string, path: string, body?: unknown): Promise<Response>;
  upload(path: string, form: FormData): Promise<Response>;
}

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((line) => line.split(";")[0] ?? "").filter((pair) => pair.includes("="));
}

async function csrfSession(baseUrl: string): Promise<{ csrfToken: string; cookie: string }> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiePairs(response.headers.getSetCookie()).join("; ") };
}

/** Posts the credentials form; returns the raw answer (not followed). */
export async function postCredentials(baseUrl: string, fields: Record<string, string>, extraCookie = ""): Promise<Response> {
  const { csrfToken, cookie } = await csrfSession(baseUrl);
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie, extraCookie].filter(Boolean).join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: `${baseUrl}/newsroom`, ...fields }),
  });
}

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const response = await postCredentials(baseUrl, { email, password });
  const setCookies = response.headers.getSetCookie();
  const pairs = cookiePairs(setCookies);
  if (!pairs.some((pair) => pair.includes("session-token="))) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${response.headers.get("location") ?? ""}`);
  }
  const cookie = pairs.join("; ");
  return {
    cookie,
    setCookies,
    request: (method, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path, form) => fetch(`${baseUrl}${path}`, { method: "POST", headers: { cookie, origin: baseUrl }, body: form }),
  };
}
