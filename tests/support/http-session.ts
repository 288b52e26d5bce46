// Signing in to the running app over plain HTTP (next-auth's credentials endpoint), for API tests
// and benchmarks that need a staff session without a browser.

/** A signed-in staff member's JSON API client: same-origin headers and the session cookie on every call. */
export interface ApiSession {
  cookie: string;
  request(method: string, path: string, body?: unknown): Promise<Response>;
  upload(path: string, form: FormData): Promise<Response>;
}

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  const cookie = cookieHeader();
  return {
    cookie,
    request: (method, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path, form) => fetch(`${baseUrl}${path}`, { method: "POST", headers: { cookie, origin: baseUrl }, body: form }),
  };
}
