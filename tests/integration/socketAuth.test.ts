import jwt from "jsonwebtoken";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../server/auth/tokens";
import { SessionList } from "../../shared/schemas/auth";
import { signedInClient } from "../support/http";
import { connectSocket, type TestSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: TestSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});
afterAll(async () => {
  await server?.close();
});

async function connect(token: string | undefined): Promise<TestSocket> {
  const socket = await connectSocket(server.url, token);
  open.push(socket);
  return socket;
}

function connectError(token: string | undefined): Promise<string> {
  return connect(token).then(
    () => "connected",
    (error: Error) => error.message,
  );
}

function waitFor(socket: TestSocket, event: "session:ended" | "disconnect"): Promise<void> {
  return new Promise((resolve) => socket.once(event, () => resolve()));
}

describe("Socket.IO handshake", () => {
  it("accepts a valid access token and knows who is connected", async () => {
    const { client, user } = await signedInClient(server.url);
    const socket = await connect(client.accessToken);
    const result = await socket.emitWithAck("me:get");
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, email: user.email }) });
  });

  it("refuses a missing, forged or expired token with the error code as the message", async () => {
    const { client, user } = await signedInClient(server.url);
    const sessionId = (jwt.decode(client.accessToken!) as { sid: string }).sid;
    expect(await connectError(undefined)).toBe("auth_required");
    expect(await connectError("")).toBe("auth_required");
    expect(await connectError(jwt.sign({ sid: sessionId }, "a-forged-secret-of-sufficient-length", { subject: user.id }))).toBe("token_invalid");
    expect(await connectError(signAccessToken(server.jwtSecret, { userId: user.id, sessionId }, -5))).toBe("token_expired");
  });

  it("refuses a token whose session has been signed out", async () => {
    const { client } = await signedInClient(server.url);
    const token = client.accessToken;
    await client.post("/api/auth/logout");
    expect(await connectError(token)).toBe("session_ended");
  });

  it("disconnects open sockets when their session signs out", async () => {
    const { client } = await signedInClient(server.url);
    const socket = await connect(client.accessToken);
    const ended = waitFor(socket, "session:ended");
    const disconnected = waitFor(socket, "disconnect");
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    await ended;
    await disconnected;
    expect(socket.connected).toBe(false);
  });

  it("disconnects another device's socket when that session is ended, and only that one", async () => {
    const { client: laptop, account } = await signedInClient(server.url);
    const phoneLogin = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: account.email, password: account.password }),
    }).then((response) => response.json() as Promise<{ accessToken: string }>);
    const laptopSocket = await connect(laptop.accessToken);
    const phoneSocket = await connect(phoneLogin.accessToken);

    const sessions = SessionList.parse((await laptop.get("/api/auth/sessions")).body).sessions;
    const phoneSession = sessions.find((session) => !session.current)!;
    const disconnected = waitFor(phoneSocket, "disconnect");
    expect((await laptop.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    await disconnected;
    expect(laptopSocket.connected).toBe(true);
    expect((await laptopSocket.emitWithAck("me:get")).ok).toBe(true);
  });

  it("survives malformed event payloads and keeps serving the socket", async () => {
    const { client } = await signedInClient(server.url);
    const socket = await connect(client.accessToken);
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 20 }), fc.array(fc.jsonValue(), { maxLength: 3 }), async (event, args) => {
        raw.emit(event, ...args);
        raw.emit("me:get", ...args);
      }),
      { numRuns: 50 },
    );
    expect((await socket.emitWithAck("me:get")).ok).toBe(true);
  });
});
