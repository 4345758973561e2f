/** A small fetch wrapper for API tests: JSON in and out, and the refresh cookie kept like a browser would. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ErrorResponseBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

export class ApiClient {
  refreshCookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    public accessToken?: string,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { json?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.accessToken && !("authorization" in headers)) headers["authorization"] = `Bearer ${this.accessToken}`;
    if (this.refreshCookie && path.startsWith("/api/auth")) headers["cookie"] = `piiri_refresh=${this.refreshCookie}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers["content-type"] = options.contentType ?? "application/json";
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const match = cookie.match(/^piiri_refresh=([^;]*)/);
      if (match) this.refreshCookie = match[1] || undefined;
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = unknown>(path: string, json?: unknown) {
    return this.request<T>("POST", path, json === undefined ? {} : { json });
  }
  patch<T = unknown>(path: string, json: unknown) {
    return this.request<T>("PATCH", path, { json });
  }
  delete<T = unknown>(path: string) {
    return this.request<T>("DELETE", path);
  }
}

let counter = 0;
/** A unique, valid registration body. */
export function newAccount(overrides: Partial<{ email: string; password: string; displayName: string }> = {}) {
  counter += 1;
  return {
    email: `user${counter}.${process.pid}.${Date.now()}@example.fi`,
    password: "hyvä-salasana-123",
    displayName: `Käyttäjä ${counter}`,
    ...overrides,
  };
}

/** Registers a new account and returns a client signed in as it. */
export async function signedInClient(baseUrl: string, overrides: Parameters<typeof newAccount>[0] = {}) {
  const client = new ApiClient(baseUrl);
  const account = newAccount(overrides);
  const response = await client.post<{ user: { id: string; email: string; displayName: string }; accessToken: string }>(
    "/api/auth/register",
    account,
  );
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  client.accessToken = response.body.accessToken;
  return { client, account, user: response.body.user };
}
