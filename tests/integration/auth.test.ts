import { and, eq, inArray, isNotNull } from "drizzle-orm";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../server/auth/tokens";
import { authSessions, refreshTokens } from "../../server/db/schema";
import { REFRESH_LOST_ANSWER_GRACE_SECONDS } from "../../shared/limits";
import { AuthResponse, MeResponse, SessionList } from "../../shared/schemas/auth";
import { ApiClient, newAccount, signedInClient, type ErrorResponseBody } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function expectError(response: { status: number; body: unknown }, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect((response.body as ErrorResponseBody).error.code).toBe(code);
  expect(typeof (response.body as ErrorResponseBody).error.message).toBe("string");
}

describe("registration", () => {
  it("creates an account, signs in and sets a locked-down refresh cookie", async () => {
    const client = new ApiClient(server.url);
    const account = newAccount({ email: "  Aino.Aaltonen@Example.FI " });
    const response = await client.post("/api/auth/register", account);
    expect(response.status).toBe(201);
    const body = AuthResponse.parse(response.body);
    expect(body.user).toMatchObject({ email: "aino.aaltonen@example.fi", displayName: account.displayName, locale: "fi" });
    expect(Object.keys(response.body as object).sort()).toEqual(["accessToken", "user"]);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("piiri_refresh="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(JSON.stringify(response.body)).not.toContain("password");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const account = newAccount();
    expect((await new ApiClient(server.url).post("/api/auth/register", account)).status).toBe(201);
    const again = await new ApiClient(server.url).post("/api/auth/register", { ...account, email: account.email.toUpperCase() });
    expectError(again, 409, "email_taken");
  });

  it("answers 400 validation_failed with field details for bad input", async () => {
    const client = new ApiClient(server.url);
    const response = await client.post<ErrorResponseBody>("/api/auth/register", { email: "not-an-email", password: "short", displayName: 42 });
    expectError(response, 400, "validation_failed");
    const paths = response.body.error.details?.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password", "body.displayName"]));
  });
});

describe("sign-in", () => {
  it("signs in with the right password and knows who I am", async () => {
    const { account, user } = await signedInClient(server.url);
    const client = new ApiClient(server.url);
    const login = await client.post("/api/auth/login", { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    client.accessToken = AuthResponse.parse(login.body).accessToken;
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(MeResponse.parse(me.body).user.id).toBe(user.id);
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const { account } = await signedInClient(server.url);
    const wrongPassword = await new ApiClient(server.url).post("/api/auth/login", { email: account.email, password: "wrong-password-1" });
    const unknownEmail = await new ApiClient(server.url).post("/api/auth/login", { email: "nobody-here@example.fi", password: "wrong-password-1" });
    expectError(wrongPassword, 401, "invalid_credentials");
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it("locks an account after repeated failures, even against the right password", async () => {
    const { account } = await signedInClient(server.url);
    const client = new ApiClient(server.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expectError(await client.post("/api/auth/login", { email: account.email, password: "wrong-password-1" }), 401, "invalid_credentials");
    }
    const locked = await client.post("/api/auth/login", { email: account.email, password: account.password });
    expectError(locked, 429, "rate_limited");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("access tokens", () => {
  it("refuses requests without a token", async () => {
    expectError(await new ApiClient(server.url).get("/api/me"), 401, "auth_required");
  });

  it("refuses an expired token", async () => {
    const { client, user } = await signedInClient(server.url);
    const sessionId = (jwt.decode(client.accessToken!) as { sid: string }).sid;
    const expired = signAccessToken(server.jwtSecret, { userId: user.id, sessionId }, -10);
    expectError(await new ApiClient(server.url, expired).get("/api/me"), 401, "token_expired");
  });

  it("refuses alg:none, a foreign signature, and a wrong audience or issuer", async () => {
    const { client, user } = await signedInClient(server.url);
    const sessionId = (jwt.decode(client.accessToken!) as { sid: string }).sid;
    const claims = { sid: sessionId, sub: user.id, iss: "piiri", aud: "piiri-api", exp: Math.floor(Date.now() / 1000) + 600 };
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    const forged = jwt.sign(claims, "another-secret-that-is-long-enough-to-use", { algorithm: "HS256" });
    const wrongAudience = jwt.sign({ ...claims, aud: "someone-else" }, server.jwtSecret, { algorithm: "HS256" });
    const wrongIssuer = jwt.sign({ ...claims, iss: "someone-else" }, server.jwtSecret, { algorithm: "HS256" });
    const hs512 = jwt.sign(claims, server.jwtSecret, { algorithm: "HS512" });
    for (const token of [unsigned, forged, wrongAudience, wrongIssuer, hs512, "not.a.jwt", "garbage"]) {
      expectError(await new ApiClient(server.url, token).get("/api/me"), 401, "token_invalid");
    }
  });
});

describe("refresh tokens", () => {
  it("rotates the refresh token on every use", async () => {
    const { client } = await signedInClient(server.url);
    const first = client.refreshCookie;
    const refreshed = await client.post<{ accessToken: string }>("/api/auth/refresh");
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body)).toEqual(["accessToken"]);
    expect(client.refreshCookie).toBeDefined();
    expect(client.refreshCookie).not.toBe(first);
    client.accessToken = refreshed.body.accessToken;
    expect((await client.get("/api/me")).status).toBe(200);
  });

  /** Moves this user's spent refresh tokens back in time, past the moments in which a lost answer is forgiven. */
  async function ageSpentTokens(userId: string): Promise<void> {
    const mySessions = server.database.db.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, userId));
    await server.database.db
      .update(refreshTokens)
      .set({ usedAt: new Date(Date.now() - (REFRESH_LOST_ANSWER_GRACE_SECONDS + 1) * 1000) })
      .where(and(isNotNull(refreshTokens.usedAt), inArray(refreshTokens.sessionId, mySessions)));
  }

  it("revokes the whole family when an old refresh token is reused", async () => {
    const { client, user } = await signedInClient(server.url);
    const stolen = client.refreshCookie;
    expect((await client.post("/api/auth/refresh")).status).toBe(200);
    const legitimate = client.refreshCookie;
    await ageSpentTokens(user.id);

    const attacker = new ApiClient(server.url);
    attacker.refreshCookie = stolen;
    expectError(await attacker.post("/api/auth/refresh"), 401, "refresh_reused");

    // The rightful holder's newer token and its access token are now dead too.
    client.refreshCookie = legitimate;
    expectError(await client.post("/api/auth/refresh"), 401, "refresh_invalid");
    expectError(await client.get("/api/me"), 401, "session_ended");
  });

  it("forgives a spent token that comes back moments after its answer was lost to a reload", async () => {
    const { client, user } = await signedInClient(server.url);
    const beforeReload = client.refreshCookie;
    // The page reloads while the refresh is in flight: the server spends the token, the browser never sees the answer.
    expect((await client.post("/api/auth/refresh")).status).toBe(200);
    const lostAnswer = client.refreshCookie;
    client.refreshCookie = beforeReload;
    const again = await client.post<{ accessToken: string }>("/api/auth/refresh");
    expect(again.status).toBe(200);
    client.accessToken = again.body.accessToken;
    expect((await client.get("/api/me")).status).toBe(200);
    expect(client.refreshCookie).not.toBe(lostAnswer);
    // Whichever answer the browser did keep goes on working.
    const kept = new ApiClient(server.url);
    kept.refreshCookie = lostAnswer;
    expect((await kept.post("/api/auth/refresh")).status).toBe(200);

    // Later than that, the same spent token is a reuse and ends the session.
    await ageSpentTokens(user.id);
    const copy = new ApiClient(server.url);
    copy.refreshCookie = beforeReload;
    expectError(await copy.post("/api/auth/refresh"), 401, "refresh_reused");
    expectError(await client.post("/api/auth/refresh"), 401, "refresh_invalid");
  });

  it("refuses a missing or made-up refresh cookie", async () => {
    const client = new ApiClient(server.url);
    expectError(await client.post("/api/auth/refresh"), 401, "refresh_invalid");
    client.refreshCookie = "made-up-token";
    expectError(await client.post("/api/auth/refresh"), 401, "refresh_invalid");
  });
});

describe("sessions and sign-out", () => {
  it("signing out ends the access token and the refresh token at once", async () => {
    const { client } = await signedInClient(server.url);
    const { refreshCookie, accessToken } = client;
    const logout = await client.post("/api/auth/logout");
    expect(logout.status).toBe(204);
    expect(client.refreshCookie).toBeUndefined();
    expectError(await new ApiClient(server.url, accessToken).get("/api/me"), 401, "session_ended");
    const again = new ApiClient(server.url);
    again.refreshCookie = refreshCookie;
    expectError(await again.post("/api/auth/refresh"), 401, "refresh_invalid");
    // Signing out twice is harmless.
    expect((await again.post("/api/auth/logout")).status).toBe(204);
  });

  it("lists my devices and ends another one", async () => {
    const { client: laptop, account } = await signedInClient(server.url);
    const phone = new ApiClient(server.url);
    const login = await phone.request<{ accessToken: string }>("POST", "/api/auth/login", {
      json: { email: account.email, password: account.password },
      headers: { "user-agent": "Puhelin/1.0" },
    });
    phone.accessToken = login.body.accessToken;

    const listed = SessionList.parse((await laptop.get("/api/auth/sessions")).body).sessions;
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const phoneSession = listed.find((session) => session.userAgent === "Puhelin/1.0");
    expect(phoneSession?.current).toBe(false);

    expect((await laptop.delete(`/api/auth/sessions/${phoneSession!.id}`)).status).toBe(204);
    expectError(await phone.get("/api/me"), 401, "session_ended");
    expect((await laptop.get("/api/me")).status).toBe(200);
    expect(SessionList.parse((await laptop.get("/api/auth/sessions")).body).sessions).toHaveLength(1);
  });

  it("cannot end someone else's session", async () => {
    const { client: mine } = await signedInClient(server.url);
    const { client: theirs } = await signedInClient(server.url);
    const theirSession = SessionList.parse((await theirs.get("/api/auth/sessions")).body).sessions[0]!;
    expectError(await mine.delete(`/api/auth/sessions/${theirSession.id}`), 404, "not_found");
    expect((await theirs.get("/api/me")).status).toBe(200);
    expectError(await mine.delete("/api/auth/sessions/not-a-uuid"), 400, "validation_failed");
  });
});

describe("profile", () => {
  it("changes display name and language", async () => {
    const { client } = await signedInClient(server.url);
    const changed = await client.patch("/api/me", { locale: "sv", displayName: "Aino S." });
    expect(changed.status).toBe(200);
    expect(MeResponse.parse(changed.body).user).toMatchObject({ locale: "sv", displayName: "Aino S." });
    expect(MeResponse.parse((await client.get("/api/me")).body).user.locale).toBe("sv");
    expectError(await client.patch("/api/me", { locale: "de" }), 400, "validation_failed");
    expectError(await client.patch("/api/me", {}), 400, "validation_failed");
  });
});
