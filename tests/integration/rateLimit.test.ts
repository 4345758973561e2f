import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_RATE } from "../../shared/limits";
import { ApiClient, type ErrorResponseBody } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("sign-in rate limit per client address", () => {
  it("answers 429 with Retry-After once an address has used its attempts, across many accounts", async () => {
    const client = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LOGIN_RATE.perIp.points + 1; attempt++) {
      // A different email each time, so only the per-address limit can trip.
      const response = await client.post("/api/auth/login", { email: `guess${attempt}@example.fi`, password: "guess-password" });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, LOGIN_RATE.perIp.points).every((status) => status === 401)).toBe(true);
    const limited = await client.post<ErrorResponseBody>("/api/auth/login", { email: "one-more@example.fi", password: "guess-password" });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
