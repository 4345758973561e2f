import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors";
import { MESSAGE, MESSAGE_RATE } from "../../shared/limits";
import { MessageSendPayload, type ChatMessage } from "../../shared/schemas/chat";
import { conversationOf, history, send, sendSeen } from "../support/chat";
import { groupWithMember, type GroupFixture } from "../support/groups";
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

async function chatGroup(): Promise<GroupFixture & { conversationId: string }> {
  const fixture = await groupWithMember(server.url);
  return { ...fixture, conversationId: await conversationOf(fixture.facilitator.client, fixture.groupId) };
}

type RawEmit = (event: string, ...args: unknown[]) => void;

/** Emits anything at all, the way a broken or hostile client could, and resolves with the ack. */
function emitRaw(socket: TestSocket, event: string, ...payload: unknown[]): Promise<unknown> {
  return new Promise((resolve) => (socket.emit as RawEmit)(event, ...payload, resolve));
}

describe("bad message:send payloads", () => {
  it("answers each malformed send with validation_failed and stores nothing", async () => {
    const { conversationId, member } = await chatGroup();
    const socket = await connect(member.client.accessToken);
    const valid = { conversationId, clientId: randomUUID(), body: "Hei" };
    const malformed: unknown[][] = [
      [{ ...valid, body: "" }],
      [{ ...valid, body: "   \n\t\u00a0 " }],
      [{ ...valid, body: "x".repeat(MESSAGE.maxLength + 1) }],
      [{ conversationId, body: "Hei" }],
      [{ ...valid, clientId: "" }],
      [{ ...valid, clientId: "x".repeat(MESSAGE.clientIdMaxLength + 1) }],
      [{ ...valid, conversationId: "not-a-uuid" }],
      [{ ...valid, body: 42 }],
      [{ ...valid, parentId: "nope" }],
      [null],
      [42],
      ["Hei kaikki"],
      [[valid]],
      [true],
      // No payload at all: the ack is the only argument.
      [],
    ];
    for (const args of malformed) {
      const ack = await emitRaw(socket, "message:send", ...args);
      expect(ack, JSON.stringify(args).slice(0, 80)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    }
    expect(await history(socket, { conversationId, afterSeq: 0 })).toEqual([]);

    // The limit itself is allowed, text is kept verbatim (never interpreted), unknown fields are dropped.
    const longest = await send(socket, conversationId, "ä".repeat(MESSAGE.maxLength));
    expect(longest.body).toHaveLength(MESSAGE.maxLength);
    const markup = await emitRaw(socket, "message:send", { ...valid, body: "<img src=x onerror=alert(1)> **hei**", authorId: randomUUID(), seq: 1 });
    expect(markup).toMatchObject({ ok: true, message: { body: "<img src=x onerror=alert(1)> **hei**", authorId: member.user.id, seq: 2 } });
  });

  it("answers an unknown conversation, another group's conversation and a reply to another conversation's message with not_found", async () => {
    const mine = await chatGroup();
    const other = await chatGroup();
    const socket = await connect(mine.member.client.accessToken);
    const otherSocket = await connect(other.member.client.accessToken);
    const theirs = await send(otherSocket, other.conversationId, "Meidän viesti");

    for (const payload of [
      { conversationId: randomUUID(), clientId: randomUUID(), body: "Hei" },
      { conversationId: other.conversationId, clientId: randomUUID(), body: "Hei" },
      { conversationId: mine.conversationId, clientId: randomUUID(), body: "Hei", parentId: theirs.id },
      { conversationId: mine.conversationId, clientId: randomUUID(), body: "Hei", parentId: randomUUID() },
    ]) {
      expect(await socket.emitWithAck("message:send", payload)).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await history(otherSocket, { conversationId: other.conversationId, afterSeq: 0 })).toEqual([theirs]);
    expect(await history(socket, { conversationId: mine.conversationId, afterSeq: 0 })).toEqual([]);
  });

  it("closes the connection that sends a 5 MB frame; the server stays up and other users carry on", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const sender = await connect(member.client.accessToken);
    const bystander = await connect(facilitator.client.accessToken);
    const closed = new Promise<string>((resolve) => sender.once("disconnect", (reason) => resolve(reason)));

    const neverAnswered = emitRaw(sender, "message:send", { conversationId, clientId: randomUUID(), body: "x".repeat(5 * 1024 * 1024) });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(bystander.connected).toBe(true);
    void neverAnswered;

    const reconnected = await connect(member.client.accessToken);
    const message = await sendSeen(bystander, conversationId, "Vielä täällä", [reconnected]);
    expect(await history(reconnected, { conversationId, afterSeq: 0 })).toEqual([message]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("rate-limits a flooding user with error acks while others carry on", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const flooder = await connect(member.client.accessToken);
    const other = await connect(facilitator.client.accessToken);
    const attempts = MESSAGE_RATE.perSecond + MESSAGE_RATE.burst + 20;

    const acks = await Promise.all(
      Array.from({ length: attempts }, (_, index) => flooder.emitWithAck("message:send", { conversationId, clientId: randomUUID(), body: `Tulva ${index}` })),
    );
    const accepted = acks.flatMap((ack) => (ack.ok ? [ack.message] : []));
    const refused = acks.flatMap((ack) => (ack.ok ? [] : [ack.error]));
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error.code).toBe("rate_limited");
    expect(accepted.length).toBeGreaterThanOrEqual(MESSAGE_RATE.perSecond);

    // The other member is not slowed down by someone else's flood; refused messages were never stored.
    const calm = await sendSeen(other, conversationId, "Rauhallinen viesti", [other]);
    const stored = await history(other, { conversationId, afterSeq: 0, limit: MESSAGE.historyPageMax });
    expect(stored.map((message) => message.id).sort()).toEqual([...accepted.map((message) => message.id), calm.id].sort());
  });
});

describe("property: any message:send payload", () => {
  it("never crashes the server and always answers ok or an error ack with a known code", async () => {
    const { conversationId, groupId, member, facilitator } = await chatGroup();
    const socket = await connect(member.client.accessToken);
    const watcher = await connect(facilitator.client.accessToken);
    const storedByClientId = new Map<string, ChatMessage>();

    const text = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: "grapheme", maxLength: 50 }), fc.constantFrom("", " ", "\n", "x".repeat(MESSAGE.maxLength + 1)));
    const field = fc.oneof(text, fc.uuid(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    const payload = fc.oneof(
      fc.anything(),
      fc.record(
        {
          conversationId: fc.oneof(fc.constant(conversationId), fc.uuid(), field),
          clientId: fc.oneof(fc.constantFrom("a", "b", "c"), fc.uuid(), field),
          body: fc.oneof(text, field),
          parentId: fc.oneof(fc.uuid(), field),
        },
        { requiredKeys: [] },
      ),
    );

    await fc.assert(
      fc.asyncProperty(payload, async (sent) => {
        const ack = (await emitRaw(socket, "message:send", sent)) as { ok: boolean; message?: ChatMessage; error?: { code: string } };
        if (!ack.ok) {
          expect(ERROR_CODES).toContain(ack.error!.code);
          const parsed = MessageSendPayload.safeParse(JSON.parse(JSON.stringify(sent ?? null)));
          // A valid send to my own conversation that is not a reply can only be refused for flooding.
          if (parsed.success && parsed.data.conversationId === conversationId && parsed.data.parentId === undefined) {
            expect(ack.error!.code).toBe("rate_limited");
          }
          return;
        }
        const message = ack.message!;
        const parsed = MessageSendPayload.parse(JSON.parse(JSON.stringify(sent)));
        expect(message.conversationId).toBe(conversationId);
        // A clientId seen before returns the message first stored under it, whatever the new text.
        const earlier = storedByClientId.get(parsed.clientId);
        if (earlier) expect(message).toEqual(earlier);
        else {
          expect(message.body).toBe(parsed.body);
          storedByClientId.set(parsed.clientId, message);
        }
      }),
      { numRuns: 150 },
    );

    // Still up, still answering, and nothing but the acknowledged messages was stored.
    const presence = await watcher.emitWithAck("presence:get", { groupId });
    expect(presence).toMatchObject({ ok: true });
    const stored: ChatMessage[] = [];
    for (;;) {
      const page = await history(watcher, { conversationId, afterSeq: stored.at(-1)?.seq ?? 0, limit: MESSAGE.historyPageMax });
      if (page.length === 0) break;
      stored.push(...page);
    }
    expect(stored.map((message) => message.id).sort()).toEqual([...storedByClientId.values()].map((message) => message.id).sort());
  });
});
