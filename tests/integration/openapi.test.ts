import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("health and API description", () => {
  it("reports healthy while the database answers", async () => {
    const response = await new ApiClient(server.url).get("/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("publishes an OpenAPI 3.1 document covering the contract endpoints", async () => {
    const response = await new ApiClient(server.url).get<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>(
      "/api/openapi.json",
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    const operations = Object.entries(response.body.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "POST /api/auth/register",
        "POST /api/auth/login",
        "POST /api/auth/refresh",
        "POST /api/auth/logout",
        "GET /api/auth/sessions",
        "DELETE /api/auth/sessions/{sessionId}",
        "GET /api/me",
        "PATCH /api/me",
      ]),
    );
    expect(Object.keys(response.body.components.schemas)).toEqual(expect.arrayContaining(["RegisterInput", "AuthResponse", "User", "ErrorResponse"]));
  });

  it("sends a strict Content-Security-Policy and no framework banner", async () => {
    const response = await fetch(`${server.url}/api/health`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});
