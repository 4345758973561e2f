import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remainingMs } from "../../shared/meetingClock";
import type { GroupDetail } from "../../shared/schemas/groups";
import type { Meeting, RoomState } from "../../shared/schemas/meetings";
import { expectStatus } from "../support/groups";
import { ApiClient, newAccount } from "../support/http";
import { spawnServer } from "../support/processes";
import { connectSocket } from "../support/sockets";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-meeting-process-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const remaining = (room: RoomState, now: Date) =>
  remainingMs(
    {
      durationMs: room.timer.durationMs,
      startedAt: room.timer.startedAt ? new Date(room.timer.startedAt) : null,
      pausedAt: room.timer.pausedAt ? new Date(room.timer.pausedAt) : null,
    },
    now,
  );

describe("a live meeting across a restart of the server process", () => {
  it("keeps the current block, the running timer and the speaking round, since they are stored, not ticked", async () => {
    const first = spawnServer({ DATA_DIR: dataDir });
    const url = await first.ready;
    const account = newAccount();
    const client = new ApiClient(url);
    client.accessToken = (await expectStatus(client.post<{ accessToken: string }>("/api/auth/register", account), 201)).accessToken;
    const { group } = await expectStatus(client.post<{ group: GroupDetail }>("/api/groups", { name: "Katkoton tapaaminen", kind: "virtual_coaching" }), 201);
    const { meeting } = await expectStatus(
      client.post<{ meeting: Meeting }>(`/api/groups/${group.id}/meetings`, { title: "Etätapaaminen", startsAt: new Date().toISOString(), durationMinutes: 60 }),
      201,
    );

    const socket = await connectSocket(url, client.accessToken);
    await socket.emitWithAck("meeting:join", { meetingId: meeting.id });
    for (const control of [{ type: "start" }, { type: "next" }, { type: "timer", op: "start" }, { type: "round", op: "start" }] as const) {
      const answer = await socket.emitWithAck("meeting:control", { meetingId: meeting.id, control });
      expect(answer.ok, JSON.stringify(control)).toBe(true);
    }
    const before = await socket.emitWithAck("meeting:control", { meetingId: meeting.id, control: { type: "extend", minutes: 2 } });
    if (!before.ok) throw new Error(before.error.message);
    socket.close();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = spawnServer({ DATA_DIR: dataDir });
    const secondUrl = await second.ready;
    const again = new ApiClient(secondUrl);
    again.accessToken = (await expectStatus(again.post<{ accessToken: string }>("/api/auth/login", account), 200)).accessToken;
    const resumed = await connectSocket(secondUrl, again.accessToken);
    const rejoined = await resumed.emitWithAck("meeting:join", { meetingId: meeting.id });
    if (!rejoined.ok) throw new Error(rejoined.error.message);
    const room = rejoined.meeting.room;
    expect(rejoined.meeting.status).toBe("live");
    expect(room.blockIndex).toBe(1);
    expect(room.timer).toEqual(before.room.timer);
    expect(room.round?.order).toEqual(before.room.round?.order);
    // The timer kept running while the server was down: the same instant gives the same remaining time.
    const now = new Date();
    expect(remaining(room, now)).toBe(remaining(before.room, now));
    expect(remaining(room, now)).toBeLessThan(room.timer.durationMs);
    resumed.close();
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
