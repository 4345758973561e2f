import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { NOTE_FRAGMENT, NOTES_SOCKET_PATH } from "../../shared/notes";
import type { NotePage, NoteTicketResponse } from "../../shared/schemas/notes";
import { expectStatus, type ApiClient } from "./groups";

export async function createPage(client: ApiClient, groupId: string, title: string): Promise<NotePage> {
  const { page } = await expectStatus(client.post<{ page: NotePage }>(`/api/groups/${groupId}/notes`, { title }), 201);
  return page;
}

export async function ticketFor(client: ApiClient, pageId: string): Promise<NoteTicketResponse> {
  return expectStatus(client.post<NoteTicketResponse>(`/api/notes/${pageId}/ticket`), 201);
}

export function notesSocketUrl(baseUrl: string): string {
  return baseUrl.replace(/^http/, "ws") + NOTES_SOCKET_PATH;
}

export interface OpenNote {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, newest last. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/**
 * The stock y-websocket `WebsocketProvider`, as the browser uses it, with a fresh single-use ticket
 * fetched before every (re)connect. Cross-tab BroadcastChannel sync is off so that two providers in
 * this process can only meet through the server.
 */
export async function openNote(baseUrl: string, client: ApiClient, pageId: string): Promise<OpenNote> {
  const first = await ticketFor(client, pageId);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(notesSocketUrl(baseUrl), first.docName, doc, {
    params: { ticket: first.ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
    // The spent ticket would be refused: fetch the next one for the reconnect.
    void ticketFor(client, pageId).then(
      (next) => (provider.params = { ticket: next.ticket }),
      () => undefined,
    );
  });
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph, as TipTap would store it. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(NOTE_FRAGMENT)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join("") : ""));
}

/** The page exported as Markdown over HTTP (not JSON, so not through ApiClient's parser). */
export async function markdownOf(baseUrl: string, client: ApiClient, pageId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/notes/${pageId}/markdown`, { headers: { authorization: `Bearer ${client.accessToken}` } });
  if (response.status !== 200) throw new Error(`markdown: ${response.status} ${await response.text()}`);
  return response.text();
}

/** A raw websocket on a page, for frames the stock provider would never send. */
export async function rawNoteSocket(baseUrl: string, ticket: string, docName: string): Promise<WebSocket> {
  const ws = new WebSocket(`${notesSocketUrl(baseUrl)}/${docName}?ticket=${encodeURIComponent(ticket)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}

/**
 * Resolves once the server has handled every frame sent before on this socket: frames of one
 * connection are handled in order, and a sync step 1 is answered with a step 2.
 */
export function handledSoFar(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== syncProtocol.messageYjsSyncStep2) return;
      ws.off("message", onMessage);
      resolve();
    };
    ws.on("message", onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    ws.send(encoding.toUint8Array(encoder));
  });
}

/** A sync "update" message carrying a paragraph, encoded as y-websocket does. */
export function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}
