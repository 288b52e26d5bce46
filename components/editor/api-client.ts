// Calls to the newsroom API from the editor, with the API's Korean error messages kept.
// A network failure (offline, server down) is told apart from a refusal, because the editor
// keeps the text locally and retries only the former.
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

class NetworkError extends Error {
  constructor() {
    super("서버에 연결할 수 없습니다.");
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown } & Record<string, unknown>;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const code = typeof body.error?.code === "string" ? body.error.code : "HTTP_" + response.status;
  const message = typeof body.error?.message === "string" ? body.error.message : `요청을 처리하지 못했습니다 (${response.status}).`;
  return new ApiError(response.status, code, message, body.error ?? {});
}

export async function apiRequest<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      ...init,
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}
