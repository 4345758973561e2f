import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../shared/schemas/chat";
import { conversationOf, history, send } from "../support/chat";
import { groupWithMember } from "../support/groups";
import { spawnServer, type ServerProcess } from "../support/processes";
import { connectSocket, type TestSocket } from "../support/sockets";

let dataDir: string;
const processes: ServerProcess[] = [];
const sockets: TestSocket[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-chat-crash-"));
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const server of processes) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<string> {
  const server = spawnServer({ DATA_DIR: dataDir });
  processes.push(server);
  return server.ready;
}

async function connect(url: string, token: string | undefined): Promise<TestSocket> {
  const socket = await connectSocket(url, token);
  sockets.push(socket);
  return socket;
}

interface Outgoing {
  clientId: string;
  body: string;
  acked?: ChatMessage;
}

describe("chat across a server crash", () => {
  it("keeps every acknowledged message exactly once after SIGKILL, a restart on the same data and the client's resends", async () => {
    const firstUrl = await start();
    const { groupId, facilitator, member } = await groupWithMember(firstUrl);
    const conversationId = await conversationOf(member.client, groupId);
    const writer = await connect(firstUrl, member.client.accessToken);
    const reader = await connect(firstUrl, facilitator.client.accessToken);
    const readerSaw: ChatMessage[] = [];
    reader.on("message:sent", ({ message }) => readerSaw.push(message));

    // The client's outbox: every message keeps its clientId until it is acknowledged.
    const outbox: Outgoing[] = [];
    for (const body of ["Ensimmäinen", "Toinen", "Kolmas"]) {
      const item: Outgoing = { clientId: randomUUID(), body };
      outbox.push(item);
      item.acked = await send(writer, conversationId, body, { clientId: item.clientId });
    }

    // A burst of sends in flight; the process is killed as soon as the first of them is acknowledged,
    // so some are acknowledged, some committed without an ack reaching the client, some never arrive.
    const burst: Outgoing[] = Array.from({ length: 10 }, (_, index) => ({ clientId: randomUUID(), body: `Kesken ${index + 1}` }));
    outbox.push(...burst);
    const killed = new Promise<void>((resolve) => {
      for (const item of burst) {
        writer.emit("message:send", { conversationId, clientId: item.clientId, body: item.body }, (ack) => {
          if (!ack.ok) return;
          item.acked = ack.message;
          if (processes[0]!.child.signalCode === null) processes[0]!.child.kill("SIGKILL");
          resolve();
        });
      }
    });
    await killed;
    await processes[0]!.exited;
    const ackedBeforeCrash = outbox.filter((item) => item.acked).map((item) => item.acked!);
    expect(ackedBeforeCrash.length).toBeGreaterThanOrEqual(4);

    // Same data directory, new process: the client reconnects and resends what was never acknowledged.
    const secondUrl = await start();
    const writerAgain = await connect(secondUrl, member.client.accessToken);
    const unacknowledged = outbox.filter((item) => !item.acked);
    for (const item of unacknowledged) {
      item.acked = await send(writerAgain, conversationId, item.body, { clientId: item.clientId });
    }

    const stored = await history(writerAgain, { conversationId, afterSeq: 0, limit: 100 });
    // Exactly once each: every outbox entry is there, nothing else is, and no seq repeats.
    expect(stored.map((message) => message.clientId).sort()).toEqual(outbox.map((item) => item.clientId).sort());
    expect(stored.map((message) => message.seq)).toEqual(Array.from({ length: outbox.length }, (_, index) => index + 1));
    // What was acknowledged before the crash survived as it was acknowledged.
    for (const acked of ackedBeforeCrash) expect(stored).toContainEqual(acked);
    for (const item of outbox) expect(stored.find((message) => message.clientId === item.clientId)).toEqual(item.acked);

    // The other member catches up from the last seq they saw and ends with the same conversation.
    const readerAgain = await connect(secondUrl, facilitator.client.accessToken);
    const lastSeen = Math.max(0, ...readerSaw.map((message) => message.seq));
    const caughtUp = await history(readerAgain, { conversationId, afterSeq: lastSeen, limit: 100 });
    const readerView = [...readerSaw, ...caughtUp];
    expect(readerView.map((message) => message.id)).toEqual(stored.map((message) => message.id));

    processes[1]!.child.kill("SIGTERM");
    expect(await processes[1]!.exited).toBe(0);
    // Two cold starts of an embedded database on disk; the budget is for slow machines, not a measurement.
  }, 120_000);
});
