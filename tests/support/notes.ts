import { WebSocket } from "ws";
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
