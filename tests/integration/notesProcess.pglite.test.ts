import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GroupDetail, Membership } from "../../shared/schemas/groups";
import { expectStatus } from "../support/groups";
import { ApiClient, newAccount } from "../support/http";
import { appendParagraph, createPage, openNote, paragraphs } from "../support/notes";
import { spawnServer } from "../support/processes";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "piiri-notes-process-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(url: string, account: ReturnType<typeof newAccount>): Promise<ApiClient> {
  const client = new ApiClient(url);
  const { accessToken } = await expectStatus(client.post<{ accessToken: string }>("/api/auth/login", account), 200);
  client.accessToken = accessToken;
  return client;
}

describe("notes across a restart of the server process", () => {
  it("saves edits still waiting for their debounce when the process gets SIGTERM, and serves them after a restart", async () => {
    const first = spawnServer({ DATA_DIR: dataDir });
    const url = await first.ready;
    const writerAccount = newAccount();
    const readerAccount = newAccount();
    const writer = new ApiClient(url);
    writer.accessToken = (await expectStatus(writer.post<{ accessToken: string }>("/api/auth/register", writerAccount), 201)).accessToken;
    const reader = new ApiClient(url);
    reader.accessToken = (await expectStatus(reader.post<{ accessToken: string }>("/api/auth/register", readerAccount), 201)).accessToken;
    const { group } = await expectStatus(writer.post<{ group: GroupDetail }>("/api/groups", { name: "Kestävät muistiinpanot", kind: "peer_mentoring" }), 201);
    const { invitation } = await expectStatus(writer.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}), 201);
    await expectStatus(reader.post<{ membership: Membership }>(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    const page = await createPage(writer, group.id, "Ennen katkosta");

    const typing = await openNote(url, writer, page.id);
    const watching = await openNote(url, reader, page.id);
    for (let index = 0; index < 5; index++) appendParagraph(typing.doc, `Rivi ${index}`);
    // Once the watcher has the edits, the server holds them; SIGTERM comes before the save is due.
    await vi.waitFor(() => expect(paragraphs(watching.doc)).toHaveLength(5));
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    typing.destroy();
    watching.destroy();

    const second = spawnServer({ DATA_DIR: dataDir });
    const secondUrl = await second.ready;
    const again = await openNote(secondUrl, await signIn(secondUrl, readerAccount), page.id);
    expect(paragraphs(again.doc)).toEqual(["Rivi 0", "Rivi 1", "Rivi 2", "Rivi 3", "Rivi 4"]);
    again.destroy();
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
