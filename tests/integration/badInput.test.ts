import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signedInClient, type ErrorResponseBody } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("bad input over HTTP", () => {
  it("answers malformed JSON with 400 validation_failed", async () => {
    const response = await new ApiClient(server.url).request<ErrorResponseBody>("POST", "/api/auth/login", { rawBody: '{"email": "a@b.fi",' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
  });

  it("answers a 2 MB body with 413 before parsing it", async () => {
    const huge = JSON.stringify({ email: "a@b.fi", password: "x".repeat(2 * 1024 * 1024), displayName: "A" });
    const response = await new ApiClient(server.url).request<ErrorResponseBody>("POST", "/api/auth/register", { rawBody: huge });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("answers a body that is not JSON with 400", async () => {
    const response = await new ApiClient(server.url).request<ErrorResponseBody>("POST", "/api/auth/login", {
      rawBody: "email=a@b.fi&password=x",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
  });

  it("answers wrong types with 400 and strips unknown fields", async () => {
    const client = new ApiClient(server.url);
    for (const body of [[], "text", 42, null, { email: ["a@b.fi"], password: { $gt: "" } }]) {
      const response = await client.request<ErrorResponseBody>("POST", "/api/auth/login", { rawBody: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
    }
    const { client: signedIn } = await signedInClient(server.url);
    const response = await signedIn.patch<{ user: Record<string, unknown> }>("/api/me", { displayName: "Uusi", id: "someone-else", isAdmin: true });
    expect(response.status).toBe(200);
    expect(response.body.user).not.toHaveProperty("isAdmin");
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await new ApiClient(server.url).get<ErrorResponseBody>("/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });

  it("never answers arbitrary JSON bodies with a server error or a stack trace", async () => {
    const client = new ApiClient(server.url);
    const paths = ["/api/auth/register", "/api/auth/login"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, body) => {
        const response = await client.request<ErrorResponseBody>("POST", path, { rawBody: JSON.stringify(body) });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(typeof response.body.error.code).toBe("string");
          expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.ts:\d+/);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("never crashes on arbitrary objects shaped like a registration", async () => {
    // A server of its own, so the registration rate limit is not already spent by the test above.
    const fresh = await startTestServer();
    const client = new ApiClient(fresh.url);
    const field = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string()));
    await fc.assert(
      fc.asyncProperty(fc.record({ email: field, password: field, displayName: field }, { requiredKeys: [] }), async (body) => {
        const response = await client.request<ErrorResponseBody>("POST", "/api/auth/register", { rawBody: JSON.stringify(body) });
        expect([201, 400, 409]).toContain(response.status);
      }),
      { numRuns: 40 },
    );
    await fresh.close();
  });
});
