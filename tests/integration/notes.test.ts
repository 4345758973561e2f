import { WebSocket } from "ws";
import pino from "pino";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerToClientEvents } from "../../shared/events";
import { NOTES } from "../../shared/limits";
import { NOTE_CLOSE, NOTE_FRAGMENT } from "../../shared/notes";
import type { GroupDetail, Membership } from "../../shared/schemas/groups";
import type { NotePage, NotePageList, NoteVersion, NoteVersionPreview } from "../../shared/schemas/notes";
import { listVersions, loadVersion, saveVersion, stateToMarkdown } from "../../server/commands/notes";
import { appendUpdate, compactDocument, countUpdates, loadDocument } from "../../server/db/noteStore";
import { createNoteDocuments, type NoteRelay } from "../../server/realtime/noteDocuments";
import { createPiiriServer, type PiiriServer } from "../../server/server";
import { expectStatus, groupWithMember } from "../support/groups";
import { signedInClient, type ErrorResponseBody } from "../support/http";
import { appendParagraph, createPage, handledSoFar, markdownOf, notesSocketUrl, openNote, paragraphs, rawNoteSocket, ticketFor, updateFrame, type OpenNote } from "../support/notes";
import { connectSocket } from "../support/sockets";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const opened: OpenNote[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const note of opened.splice(0)) note.destroy();
  await server?.close();
});

async function open(...args: Parameters<typeof openNote> extends [string, ...infer Rest] ? Rest : never): Promise<OpenNote> {
  const note = await openNote(server.url, ...args);
  opened.push(note);
  return note;
}

/** A raw websocket on a page of this test's server. */
const rawSocket = (ticket: string, docName: string) => rawNoteSocket(server.url, ticket, docName);

/** The HTTP status with which an upgrade is refused. */
function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("open", () => reject(new Error("the upgrade was accepted")));
    ws.once("error", () => undefined);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}

describe("the notebook over REST", () => {
  it("adds, renames, reorders and deletes pages, pushing the list to members' open pages", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const socket = await connectSocket(server.url, member.client.accessToken);
    const pushes: Parameters<ServerToClientEvents["notes:updated"]>[0][] = [];
    socket.on("notes:updated", (payload) => pushes.push(payload));

    const first = await createPage(facilitator.client, groupId, "Tapaamisten muistiinpanot");
    const second = await createPage(member.client, groupId, "Ideoita");
    const third = await createPage(member.client, groupId, "Lukuvinkit");
    expect([first.position, second.position, third.position]).toEqual([0, 1, 2]);
    expect(second.createdBy?.id).toBe(member.user.id);

    const moved = await expectStatus(member.client.patch<{ page: NotePage }>(`/api/notes/${third.id}`, { position: 0, title: "Luettavaa" }), 200);
    expect(moved.page).toMatchObject({ title: "Luettavaa", position: 0 });
    const list = await expectStatus(member.client.get<NotePageList>(`/api/groups/${groupId}/notes`), 200);
    expect(list.pages.map((page) => page.title)).toEqual(["Luettavaa", "Tapaamisten muistiinpanot", "Ideoita"]);
    expect(list.readOnly).toBe(false);

    // Only its author or a facilitator deletes a page; the rest close up.
    const refused = await member.client.delete<ErrorResponseBody>(`/api/notes/${first.id}`);
    expect(refused.status).toBe(403);
    expect((await facilitator.client.delete(`/api/notes/${second.id}`)).status).toBe(204);
    const after = await expectStatus(member.client.get<NotePageList>(`/api/groups/${groupId}/notes`), 200);
    expect(after.pages.map((page) => [page.title, page.position])).toEqual([
      ["Luettavaa", 0],
      ["Tapaamisten muistiinpanot", 1],
    ]);

    await vi.waitFor(() => expect(pushes.at(-1)?.pages.map((page) => page.title)).toEqual(["Luettavaa", "Tapaamisten muistiinpanot"]));
    socket.close();
  });

  it("refuses bad titles and unknown pages with clear errors", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const empty = await member.client.post<ErrorResponseBody>(`/api/groups/${groupId}/notes`, { title: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("validation_failed");
    const long = await member.client.post<ErrorResponseBody>(`/api/groups/${groupId}/notes`, { title: "x".repeat(NOTES.titleMax + 1) });
    expect(long.status).toBe(400);
    const nothing = await member.client.patch<ErrorResponseBody>(`/api/notes/${crypto.randomUUID()}`, { title: "Uusi" });
    expect(nothing.status).toBe(404);
    const noChange = await member.client.patch<ErrorResponseBody>(`/api/notes/${crypto.randomUUID()}`, {});
    expect(noChange.status).toBe(400);
  });

  it("shows nothing to outsiders: no list, no ticket, no export", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Vain ryhmälle");
    const outsider = await signedInClient(server.url);
    expect((await outsider.client.get(`/api/groups/${groupId}/notes`)).status).toBe(404);
    expect((await outsider.client.post(`/api/notes/${page.id}/ticket`)).status).toBe(404);
    expect((await outsider.client.get(`/api/notes/${page.id}/versions`)).status).toBe(404);
    const exported = await fetch(`${server.url}/api/notes/${page.id}/markdown`, { headers: { authorization: `Bearer ${outsider.client.accessToken}` } });
    expect(exported.status).toBe(404);
  });
});

describe("editing together over the y-websocket protocol", () => {
  it("converges two stock providers typing at the same time, and stores the result", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Yhteiset muistiinpanot");
    const a = await open(facilitator.client, page.id);
    const b = await open(member.client, page.id);

    for (let index = 0; index < 20; index++) {
      appendParagraph(a.doc, `A${index}`);
      appendParagraph(b.doc, `B${index}`);
    }
    await vi.waitFor(() => {
      expect(paragraphs(a.doc)).toHaveLength(40);
      expect(paragraphs(b.doc)).toEqual(paragraphs(a.doc));
    });
    // Every paragraph of both writers is there once.
    expect([...paragraphs(a.doc)].sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `A${i}`), ...Array.from({ length: 20 }, (_, i) => `B${i}`)].sort());

    await server.server.flushNotes();
    const markdown = await markdownOf(server.url, member.client, page.id);
    expect(markdown.startsWith("# Yhteiset muistiinpanot\n")).toBe(true);
    for (const text of paragraphs(a.doc)) expect(markdown).toContain(text);
  });

  it("stamps each cursor with the signed-in person, whatever the client claims", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Kursorit");
    const a = await open(facilitator.client, page.id);
    const b = await open(member.client, page.id);
    a.provider.awareness.setLocalStateField("user", { id: member.user.id, name: "Joku muu", color: "#000000" });
    a.provider.awareness.setLocalStateField("cursor", { anchor: 1 });

    await vi.waitFor(() => {
      const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { id: string; name: string; color: string }; cursor?: unknown } | undefined;
      expect(seen?.cursor).toEqual({ anchor: 1 });
      expect(seen?.user).toMatchObject({ id: facilitator.user.id, name: facilitator.user.displayName });
      expect(seen?.user?.color).toMatch(/^#[0-9a-f]{6}$/);
    });
  });

  it("admits only a fresh ticket for that page: none, forged, spent or another page's are refused before the upgrade", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Lukittu");
    const other = await createPage(member.client, groupId, "Toinen");
    const base = `${notesSocketUrl(server.url)}/note:${page.id}`;

    expect(await refusedStatus(base)).toBe(401);
    expect(await refusedStatus(`${base}?ticket=keksitty`)).toBe(401);
    const forOther = await ticketFor(member.client, other.id);
    expect(await refusedStatus(`${base}?ticket=${forOther.ticket}`)).toBe(403);
    expect(await refusedStatus(`${notesSocketUrl(server.url)}/not-a-note?ticket=x`)).toBe(404);
    expect(await refusedStatus(`${server.url.replace(/^http/, "ws")}/somewhere-else`)).toBe(404);

    const ticket = await ticketFor(member.client, page.id);
    const ws = await rawSocket(ticket.ticket, ticket.docName);
    ws.close();
    expect(await refusedStatus(`${base}?ticket=${ticket.ticket}`)).toBe(401);
  });

  it("closes a removed member's open editor at once and admits them no more", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Poistettava");
    const note = await open(member.client, page.id);
    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    await vi.waitFor(() => expect(note.closes.map((close) => close.code)).toContain(NOTE_CLOSE.accessRevoked));
    expect((await member.client.post(`/api/notes/${page.id}/ticket`)).status).toBe(404);
  });

  it("drops document updates from a read-only reader of an ended group, but not from an editor", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Loppuraportti");
    const editor = await open(facilitator.client, page.id);
    appendParagraph(editor.doc, "Ennen loppua");

    // Control: the same raw frame from a writer changes the page.
    const writerTicket = await ticketFor(member.client, page.id);
    const writer = await rawSocket(writerTicket.ticket, writerTicket.docName);
    writer.send(updateFrame("Kirjoittajan rivi"));
    await vi.waitFor(() => expect(paragraphs(editor.doc)).toContain("Kirjoittajan rivi"));
    writer.close();

    await expectStatus(facilitator.client.post(`/api/groups/${groupId}/phase`, { phase: "active" }), 200);
    await expectStatus(facilitator.client.post(`/api/groups/${groupId}/phase`, { phase: "ended" }), 200);

    const ticket = await ticketFor(member.client, page.id);
    expect(ticket.readOnly).toBe(true);
    const reader = await rawSocket(ticket.ticket, ticket.docName);
    reader.send(updateFrame("Lukijan rivi"));
    // The editor opened before the end is read-only now, too.
    appendParagraph(editor.doc, "Avoimen editorin rivi");

    const lateReader = await open(member.client, page.id);
    await vi.waitFor(() => expect([...paragraphs(lateReader.doc)].sort()).toEqual(["Ennen loppua", "Kirjoittajan rivi"]));
    await server.server.flushNotes();
    const markdown = await markdownOf(server.url, member.client, page.id);
    expect(markdown).not.toContain("Lukijan rivi");
    expect(markdown).not.toContain("Avoimen editorin rivi");
    expect((await member.client.post(`/api/groups/${groupId}/notes`, { title: "Myöhässä" })).status).toBe(409);
    reader.close();
  });

  it("lets a facilitator give a member read access only: the ticket says so, edits are dropped, REST refuses; and back", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Vieraan luettavaksi");
    const editor = await open(facilitator.client, page.id);
    // Two editors of the member, open before the change: one types while read-only, one after.
    const memberEditor = await open(member.client, page.id);
    const memberLater = await open(member.client, page.id);
    appendParagraph(editor.doc, "Ohjaajan rivi");
    await vi.waitFor(() => expect(paragraphs(memberEditor.doc)).toEqual(["Ohjaajan rivi"]));

    // Only a facilitator gives it, and never to a facilitator, who runs the notebook.
    expect((await member.client.patch(`/api/groups/${groupId}/members/${member.user.id}`, { notesReadOnly: true })).status).toBe(403);
    const toFacilitator = await facilitator.client.patch<ErrorResponseBody>(`/api/groups/${groupId}/members/${facilitator.user.id}`, { notesReadOnly: true });
    expect(toFacilitator.status).toBe(403);
    const { membership } = await expectStatus(
      facilitator.client.patch<{ membership: Membership }>(`/api/groups/${groupId}/members/${member.user.id}`, { notesReadOnly: true }),
      200,
    );
    expect(membership.notesReadOnly).toBe(true);
    const { group } = await expectStatus(member.client.get<{ group: GroupDetail }>(`/api/groups/${groupId}`), 200);
    expect(group.myMembership.notesReadOnly).toBe(true);
    expect(group.members.find((person) => person.userId === member.user.id)?.notesReadOnly).toBe(true);
    expect(group.members.find((person) => person.userId === facilitator.user.id)?.notesReadOnly).toBe(false);

    // REST: the notebook reads, and refuses every change.
    expect((await expectStatus(member.client.get<NotePageList>(`/api/groups/${groupId}/notes`), 200)).readOnly).toBe(true);
    expect((await member.client.post(`/api/groups/${groupId}/notes`, { title: "Ei käy" })).status).toBe(403);
    expect((await member.client.patch(`/api/notes/${page.id}`, { title: "Ei käy" })).status).toBe(403);
    expect((await member.client.post(`/api/notes/${page.id}/versions`, { name: "Ei käy" })).status).toBe(403);

    // The socket: a new ticket says read-only, and a raw client's update frame is dropped; so are the
    // edits of the editor that was open before.
    appendParagraph(memberEditor.doc, "Avoimen editorin rivi");
    const ticket = await ticketFor(member.client, page.id);
    expect(ticket.readOnly).toBe(true);
    const reader = await rawSocket(ticket.ticket, ticket.docName);
    reader.send(updateFrame("Lukijan rivi"));
    await handledSoFar(reader);
    reader.close();
    appendParagraph(editor.doc, "Ohjaaja jatkaa");
    const late = await open(member.client, page.id);
    await vi.waitFor(() => expect(paragraphs(late.doc)).toEqual(["Ohjaajan rivi", "Ohjaaja jatkaa"]));
    await server.server.flushNotes();
    const markdown = await markdownOf(server.url, member.client, page.id);
    expect(markdown).not.toContain("Lukijan rivi");
    expect(markdown).not.toContain("Avoimen editorin rivi");

    // Taken back: new tickets and the editor still open may write again.
    await expectStatus(facilitator.client.patch(`/api/groups/${groupId}/members/${member.user.id}`, { notesReadOnly: false }), 200);
    expect((await ticketFor(member.client, page.id)).readOnly).toBe(false);
    appendParagraph(memberLater.doc, "Taas saa kirjoittaa");
    await vi.waitFor(() => expect(paragraphs(editor.doc)).toContain("Taas saa kirjoittaa"));
    expect((await member.client.post(`/api/groups/${groupId}/notes`, { title: "Nyt käy" })).status).toBe(201);
  });

  it("keeps facilitators editing: making a read-only member a facilitator lifts the mark", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    await expectStatus(facilitator.client.patch(`/api/groups/${groupId}/members/${member.user.id}`, { notesReadOnly: true }), 200);
    const { membership } = await expectStatus(
      facilitator.client.patch<{ membership: Membership }>(`/api/groups/${groupId}/members/${member.user.id}`, { role: "facilitator" }),
      200,
    );
    expect(membership).toMatchObject({ role: "facilitator", notesReadOnly: false });
    const page = await createPage(member.client, groupId, "Uuden ohjaajan sivu");
    expect((await ticketFor(member.client, page.id)).readOnly).toBe(false);
  });

  it("refuses the upgrade with 403 when the ticket's holder lost access before using it", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Menetetty pääsy");
    const ticket = await ticketFor(member.client, page.id);
    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    expect(await refusedStatus(`${notesSocketUrl(server.url)}/${ticket.docName}?ticket=${ticket.ticket}`)).toBe(403);
  });

  it("closes a connection that sends an oversize frame or garbage, and stays up for everyone else", async () => {
    const { groupId, member, facilitator } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Iso");
    const bystander = await open(facilitator.client, page.id);

    const big = await ticketFor(member.client, page.id);
    const bigSocket = await rawSocket(big.ticket, big.docName);
    const bigClosed = closed(bigSocket);
    bigSocket.send(new Uint8Array(NOTES.maxUpdateBytes + 1024));
    expect(await bigClosed).toBe(NOTE_CLOSE.frameTooLarge);

    const garbage = await ticketFor(member.client, page.id);
    const garbageSocket = await rawSocket(garbage.ticket, garbage.docName);
    const garbageClosed = closed(garbageSocket);
    garbageSocket.send(new Uint8Array([0, 2, 200, 200, 200, 200, 200]));
    expect(await garbageClosed).toBe(1007);

    const writer = await open(member.client, page.id);
    appendParagraph(writer.doc, "Yhä toimii");
    await vi.waitFor(() => expect(paragraphs(bystander.doc)).toEqual(["Yhä toimii"]));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("refuses an update that would grow the document past its limit, without applying it", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Kasvava");
    const note = await open(member.client, page.id);
    // Many frames just under the frame limit, until the document limit is reached.
    const chunk = "x".repeat(NOTES.maxUpdateBytes - 4096);
    for (let index = 0; index < Math.ceil(NOTES.maxDocumentBytes / chunk.length) + 1 && note.closes.length === 0; index++) {
      appendParagraph(note.doc, chunk);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await vi.waitFor(() => expect(note.closes.map((close) => close.code)).toContain(NOTE_CLOSE.documentTooLarge));
    await server.server.flushNotes();
    const stored = await markdownOf(server.url, member.client, page.id);
    expect(stored.length).toBeLessThanOrEqual(NOTES.maxDocumentBytes);
  });
});

describe("storage", () => {
  it("compacts many stored updates into one row that loads to the same document", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Tiivistettävä");
    const { db } = server.database;
    const source = new Y.Doc();
    source.on("update", (update: Uint8Array) => void appendUpdate(db, page.id, update));
    for (let index = 0; index < 200; index++) appendParagraph(source, `Rivi ${index}`);
    await vi.waitFor(async () => expect(await countUpdates(db, page.id)).toBe(200));

    const before = await loadDocument(db, page.id);
    expect(before.rowCount).toBe(200);
    await compactDocument(db, page.id);
    const after = await loadDocument(db, page.id);
    expect(after.rowCount).toBe(1);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, after.state);
    expect(paragraphs(reloaded)).toEqual(paragraphs(source));
    // An editor opening the page now gets the same text.
    const note = await open(member.client, page.id);
    expect(paragraphs(note.doc)).toEqual(paragraphs(source));
  });
});

describe("history", () => {
  it("saves named versions, previews them and restores one as a new change that keeps what was there", async () => {
    const { groupId, facilitator, member } = await groupWithMember(server.url);
    const page = await createPage(facilitator.client, groupId, "Versioitu");
    const note = await open(facilitator.client, page.id);
    const watcher = await open(member.client, page.id);
    appendParagraph(note.doc, "Ensimmäinen luonnos");
    await vi.waitFor(() => expect(paragraphs(watcher.doc)).toEqual(["Ensimmäinen luonnos"]));

    const { version: draft } = await expectStatus(
      member.client.post<{ version: NoteVersion }>(`/api/notes/${page.id}/versions`, { name: "Luonnos" }),
      201,
    );
    expect(draft).toMatchObject({ name: "Luonnos", kind: "manual", createdBy: { id: member.user.id } });

    note.doc.transact(() => {
      const fragment = note.doc.getXmlFragment(NOTE_FRAGMENT);
      fragment.delete(0, fragment.length);
    });
    appendParagraph(note.doc, "Kokonaan uusi teksti");
    await vi.waitFor(() => expect(paragraphs(watcher.doc)).toEqual(["Kokonaan uusi teksti"]));

    const preview = await expectStatus(member.client.get<NoteVersionPreview>(`/api/notes/${page.id}/versions/${draft.id}`), 200);
    expect(preview.markdown).toBe("Ensimmäinen luonnos\n");

    const restored = await expectStatus(
      member.client.post<{ version: NoteVersion }>(`/api/notes/${page.id}/versions/${draft.id}/restore`),
      201,
    );
    expect(restored.version.kind).toBe("restore");
    // Both open editors receive the restore live.
    await vi.waitFor(() => {
      expect(paragraphs(note.doc)).toEqual(["Ensimmäinen luonnos"]);
      expect(paragraphs(watcher.doc)).toEqual(["Ensimmäinen luonnos"]);
    });
    // What was overwritten is itself a version.
    const before = await expectStatus(member.client.get<NoteVersionPreview>(`/api/notes/${page.id}/versions/${restored.version.id}`), 200);
    expect(before.markdown).toBe("Kokonaan uusi teksti\n");
    const { versions } = await expectStatus(member.client.get<{ versions: NoteVersion[] }>(`/api/notes/${page.id}/versions`), 200);
    expect(versions.map((version) => version.kind)).toEqual(["restore", "manual"]);
  });
});

describe("automatic versions", () => {
  it("counts from the page's newest version, so a page edited in short visits still gets them", async () => {
    const { groupId, member } = await groupWithMember(server.url);
    const page = await createPage(member.client, groupId, "Lyhyet käynnit");
    const { db } = server.database;
    const autoVersionEveryMs = 1500;
    // Each visit opens the page, edits, saves and closes it: nobody keeps it open for the interval.
    async function visit(text: string): Promise<void> {
      const documents = createNoteDocuments(db, pino({ level: "silent" }), { autoVersionEveryMs });
      documents.onAutoVersionDue(async (pageId, state) => {
        await saveVersion(db, pageId, state, { name: null, kind: "auto", createdBy: null });
      });
      const document = await documents.acquire(page.id);
      appendParagraph(document.doc, text);
      await documents.flushAll();
      await documents.close();
    }
    const automatic = async () => (await listVersions(db, page.id)).filter((version) => version.kind === "auto");
    const pause = () => new Promise((resolve) => setTimeout(resolve, autoVersionEveryMs + 100));

    await visit("Heti luomisen jälkeen");
    expect(await automatic()).toHaveLength(0);
    await pause();
    await visit("Myöhemmin");
    const [first, ...none] = await automatic();
    expect(none).toHaveLength(0);
    expect(stateToMarkdown((await loadVersion(db, page.id, first!.id)).state)).toBe("Heti luomisen jälkeen\n\nMyöhemmin\n");
    // Right after a version the clock starts again.
    await visit("Heti perään");
    expect(await automatic()).toHaveLength(1);
    await pause();
    await visit("Taas myöhemmin");
    expect(await automatic()).toHaveLength(2);
  });
});

/** Joins the notes relays of several nodes in this process, delivering asynchronously as pub/sub would. */
function relayHub(): { node(): NoteRelay } {
  const subscribers = new Set<(pageId: string, update: Uint8Array) => void>();
  return {
    node() {
      let own: ((pageId: string, update: Uint8Array) => void) | null = null;
      return {
        publish(pageId, update) {
          const copy = update.slice();
          for (const subscriber of subscribers) if (subscriber !== own) setImmediate(() => subscriber(pageId, copy));
        },
        subscribe(onRemoteUpdate) {
          own = onRemoteUpdate;
          subscribers.add(onRemoteUpdate);
          return () => subscribers.delete(onRemoteUpdate);
        },
      };
    },
  };
}

describe("two server nodes on one database", () => {
  const nodes: PiiriServer[] = [];
  const notesOnNodes: OpenNote[] = [];
  afterAll(async () => {
    for (const note of notesOnNodes.splice(0)) note.destroy();
    for (const node of nodes.splice(0)) await node.close();
  });

  async function startNode(relay: NoteRelay): Promise<string> {
    const node = createPiiriServer({ database: server.database, jwtSecret: server.jwtSecret, logger: pino({ level: "silent" }), noteRelay: relay });
    nodes.push(node);
    return node.listen(0);
  }

  it("converges providers connected to different nodes through the relay, and stores the result", async () => {
    const hub = relayHub();
    const [urlA, urlB] = await Promise.all([startNode(hub.node()), startNode(hub.node())]);
    const { groupId, facilitator, member } = await groupWithMember(urlA);
    const page = await createPage(facilitator.client, groupId, "Kaksi solmua");
    const onA = await openNote(urlA, facilitator.client, page.id);
    notesOnNodes.push(onA);
    // Typed on node A and not stored yet when node B loads the page: B reads the page again once A's
    // save is due, so this arrives even though the relay's copy came before B had the page open.
    appendParagraph(onA.doc, "Ennen kuin B avasi");
    const onB = await openNote(urlB, member.client, page.id);
    notesOnNodes.push(onB);

    for (let index = 0; index < 20; index++) {
      appendParagraph(onA.doc, `A${index}`);
      appendParagraph(onB.doc, `B${index}`);
    }
    await vi.waitFor(
      () => {
        expect(paragraphs(onA.doc)).toHaveLength(41);
        expect(paragraphs(onB.doc)).toEqual(paragraphs(onA.doc));
      },
      { timeout: NOTES.persistMaxDelayMs * 4 },
    );
    const expected = ["Ennen kuin B avasi", ...Array.from({ length: 20 }, (_, i) => `A${i}`), ...Array.from({ length: 20 }, (_, i) => `B${i}`)].sort();
    expect([...paragraphs(onB.doc)].sort()).toEqual(expected);

    // Each node stored its own editors' edits; together the database holds the whole page.
    await Promise.all(nodes.map((node) => node.flushNotes()));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadDocument(server.database.db, page.id)).state);
    expect(paragraphs(stored)).toEqual(paragraphs(onA.doc));
  });
});
