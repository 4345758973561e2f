import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage, UnreadState } from "../../shared/schemas/chat";
import { MessageSearchResults, UnreadList } from "../../shared/schemas/chat";
import { collectMessages, conversationOf, history, nextEvent, recordEvents, send, sendSeen } from "../support/chat";
import { expectStatus, groupWithMember, type GroupFixture } from "../support/groups";
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

/** A group with its conversation: a facilitator and a member who accepted the agreement. */
async function chatGroup(name?: string): Promise<GroupFixture & { conversationId: string }> {
  const fixture = await groupWithMember(server.url, { name });
  return { ...fixture, conversationId: await conversationOf(fixture.facilitator.client, fixture.groupId) };
}

async function addMember(fixture: GroupFixture) {
  const person = await signedInClient(server.url);
  const { invitation } = await expectStatus(
    fixture.facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${fixture.groupId}/invitations`, {}),
    201,
  );
  await expectStatus(person.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
  return person;
}

async function unreadOf(client: GroupFixture["member"]["client"], conversationId: string): Promise<UnreadState> {
  const list = UnreadList.parse((await expectStatus(client.get("/api/conversations/unread"), 200)) as unknown);
  const state = list.conversations.find((entry) => entry.conversationId === conversationId);
  if (!state) throw new Error("conversation missing from the unread list");
  return state;
}

function expectStrictlyIncreasing(messages: ChatMessage[]): void {
  const seqs = messages.map((message) => message.seq);
  for (let index = 1; index < seqs.length; index++) expect(seqs[index]!).toBeGreaterThan(seqs[index - 1]!);
}

describe("live chat between members", () => {
  it("delivers every message to every member's sockets in strictly increasing seq, acknowledged with the stored message", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const memberPhone = await connect(member.client.accessToken);
    const perSender = 10;
    const arrivals = [facilitatorSocket, memberSocket, memberPhone].map((socket) => collectMessages(socket, conversationId, perSender * 2));

    // Both people type at once: the sends overlap on the server.
    const acked = await Promise.all([
      ...Array.from({ length: perSender }, (_, index) => send(facilitatorSocket, conversationId, `Ohjaaja ${index}`)),
      ...Array.from({ length: perSender }, (_, index) => send(memberSocket, conversationId, `Jäsen ${index}`)),
    ]);
    const stored = [...acked].sort((a, b) => a.seq - b.seq);
    expect(new Set(acked.map((message) => message.seq)).size).toBe(perSender * 2);

    for (const received of await Promise.all(arrivals)) {
      expectStrictlyIncreasing(received);
      expect(received).toEqual(stored);
    }
    expect(acked.find((message) => message.body === "Jäsen 3")).toMatchObject({
      authorId: member.user.id,
      authorName: member.user.displayName,
      parentId: null,
      deleted: false,
      hidden: false,
      editedAt: null,
    });
    expect(await history(memberSocket, { conversationId, afterSeq: 0 })).toEqual(stored);
  });

  it("keeps replies in one-level threads and counts them on the message they answer", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);

    const root = await send(facilitatorSocket, conversationId, "Miten ohjausryhmä meni?");
    const replyPushed = nextEvent(facilitatorSocket, "message:sent", ({ message }) => message.parentId === root.id);
    const reply = await send(memberSocket, conversationId, "Hyvin, kiitos kysymästä", { parentId: root.id });
    expect(reply.parentId).toBe(root.id);
    expect((await replyPushed).message).toEqual(reply);
    // Answering a reply joins the same thread rather than nesting deeper.
    const answer = await send(facilitatorSocket, conversationId, "Hienoa!", { parentId: reply.id });
    expect(answer.parentId).toBe(root.id);

    expect((await history(memberSocket, { conversationId, threadOf: root.id })).map((message) => message.id)).toEqual([reply.id, answer.id]);
    const [rootNow] = await history(memberSocket, { conversationId, afterSeq: 0, limit: 1 });
    expect(rootNow).toMatchObject({ id: root.id, replyCount: 2 });
  });

  it("groups reactions by emoji, toggles them, and pushes each change to everyone", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const message = await send(facilitatorSocket, conversationId, "Uusi esityslistapohja on jaettu");

    const firstPushed = nextEvent(facilitatorSocket, "message:updated", ({ message: updated }) => updated.reactions.length > 0);
    const reacted = await memberSocket.emitWithAck("message:react", { messageId: message.id, emoji: "👍", on: true });
    expect(reacted.ok && reacted.message.reactions).toEqual([{ emoji: "👍", userIds: [member.user.id] }]);
    expect((await firstPushed).message.reactions).toEqual([{ emoji: "👍", userIds: [member.user.id] }]);

    // Reacting twice with the same emoji is one reaction.
    await memberSocket.emitWithAck("message:react", { messageId: message.id, emoji: "👍", on: true });
    await facilitatorSocket.emitWithAck("message:react", { messageId: message.id, emoji: "👍", on: true });
    const both = await memberSocket.emitWithAck("message:react", { messageId: message.id, emoji: "🎉", on: true });
    expect(both.ok && both.message.reactions).toEqual([
      { emoji: "👍", userIds: [member.user.id, facilitator.user.id] },
      { emoji: "🎉", userIds: [member.user.id] },
    ]);

    const offPushed = nextEvent(facilitatorSocket, "message:updated", ({ message: updated }) => updated.reactions[0]?.userIds.length === 1);
    await memberSocket.emitWithAck("message:react", { messageId: message.id, emoji: "👍", on: false });
    expect((await offPushed).message.reactions).toEqual([
      { emoji: "👍", userIds: [facilitator.user.id] },
      { emoji: "🎉", userIds: [member.user.id] },
    ]);
    const [stored] = await history(memberSocket, { conversationId, afterSeq: 0 });
    expect(stored!.reactions).toEqual((await offPushed).message.reactions);
  });

  it("marks @mentions of members and counts unread mentions for the person mentioned only", async () => {
    const fixture = await chatGroup();
    const { conversationId, facilitator, member } = fixture;
    const third = await addMember(fixture);
    const memberSocket = await connect(member.client.accessToken);

    const mention = await send(memberSocket, conversationId, `@${facilitator.user.displayName} voisitko jakaa pohjan?`);
    expect(mention.mentions).toEqual([facilitator.user.id]);
    await send(memberSocket, conversationId, "Ja kiitos kaikille tapaamisesta");

    expect(await unreadOf(facilitator.client, conversationId)).toMatchObject({ unread: 2, mentions: 1 });
    expect(await unreadOf(third.client, conversationId)).toMatchObject({ unread: 2, mentions: 0 });
    // My own messages are neither unread nor mentions for me.
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 0, mentions: 0 });

    // Editing the mention away takes it off the count.
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    await memberSocket.emitWithAck("message:edit", { messageId: mention.id, body: "Voisiko joku jakaa pohjan?" });
    expect(await unreadOf(facilitator.client, conversationId)).toMatchObject({ unread: 2, mentions: 0 });
    await facilitatorSocket.emitWithAck("conversation:read", { conversationId, seq: mention.seq + 1 });
    expect(await unreadOf(facilitator.client, conversationId)).toMatchObject({ unread: 0, mentions: 0 });
  });
});

describe("editing, deleting and hiding", () => {
  it("lets only the author edit (marked edited) and delete (a placeholder stays), and pushes each change", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const message = await send(memberSocket, conversationId, "Tapaaminen on tiistaina");

    const notMine = await facilitatorSocket.emitWithAck("message:edit", { messageId: message.id, body: "Muutettu" });
    expect(notMine).toMatchObject({ ok: false, error: { code: "message_not_editable" } });
    expect(await facilitatorSocket.emitWithAck("message:delete", { messageId: message.id })).toMatchObject({
      ok: false,
      error: { code: "message_not_editable" },
    });

    const editPushed = nextEvent(facilitatorSocket, "message:updated");
    const edited = await memberSocket.emitWithAck("message:edit", { messageId: message.id, body: "Tapaaminen on keskiviikkona" });
    expect(edited.ok).toBe(true);
    const pushedEdit = (await editPushed).message;
    expect(pushedEdit).toMatchObject({ id: message.id, seq: message.seq, body: "Tapaaminen on keskiviikkona" });
    expect(pushedEdit.editedAt).not.toBeNull();

    const deletePushed = nextEvent(facilitatorSocket, "message:updated", ({ message: updated }) => updated.deleted);
    expect((await memberSocket.emitWithAck("message:delete", { messageId: message.id })).ok).toBe(true);
    expect((await deletePushed).message).toMatchObject({ id: message.id, deleted: true, body: "" });
    // The placeholder keeps its place in history, without the text.
    expect(await history(facilitatorSocket, { conversationId, afterSeq: 0 })).toEqual([expect.objectContaining({ id: message.id, seq: message.seq, deleted: true, body: "" })]);
    expect(await memberSocket.emitWithAck("message:edit", { messageId: message.id, body: "Takaisin" })).toMatchObject({
      ok: false,
      error: { code: "message_not_editable" },
    });
  });

  it("lets a facilitator hide a message for everyone and show it again; members cannot", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const message = await send(memberSocket, conversationId, "Asiaton viesti");
    await memberSocket.emitWithAck("message:react", { messageId: message.id, emoji: "😮", on: true });

    expect(await memberSocket.emitWithAck("message:hide", { messageId: message.id, hidden: true })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const hidePushed = nextEvent(memberSocket, "message:updated", ({ message: updated }) => updated.hidden);
    expect((await facilitatorSocket.emitWithAck("message:hide", { messageId: message.id, hidden: true })).ok).toBe(true);
    expect((await hidePushed).message).toMatchObject({ id: message.id, hidden: true, body: "", reactions: [], mentions: [] });
    expect((await history(memberSocket, { conversationId, afterSeq: 0 }))[0]).toMatchObject({ hidden: true, body: "" });
    // A hidden message can be neither edited by its author nor reacted to.
    expect(await memberSocket.emitWithAck("message:edit", { messageId: message.id, body: "Korjattu" })).toMatchObject({ ok: false });
    expect(await facilitatorSocket.emitWithAck("message:react", { messageId: message.id, emoji: "👍", on: true })).toMatchObject({ ok: false });

    const shownPushed = nextEvent(memberSocket, "message:updated", ({ message: updated }) => !updated.hidden);
    await facilitatorSocket.emitWithAck("message:hide", { messageId: message.id, hidden: false });
    expect((await shownPushed).message).toMatchObject({ body: "Asiaton viesti", hidden: false });
  });
});

describe("unread state", () => {
  it("counts unread messages and moves the read marker forward on every device of the reader", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const laptop = await connect(member.client.accessToken);
    const phone = await connect(member.client.accessToken);
    const sent: ChatMessage[] = [];
    for (const body of ["Yksi", "Kaksi", "Kolme"]) sent.push(await send(facilitatorSocket, conversationId, body));
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 3, lastReadSeq: 0 });

    const phoneMoved = nextEvent(phone, "conversation:read");
    const read = await laptop.emitWithAck("conversation:read", { conversationId, seq: sent[1]!.seq });
    expect(read).toEqual({ ok: true, lastReadSeq: sent[1]!.seq });
    expect(await phoneMoved).toEqual({ conversationId, lastReadSeq: sent[1]!.seq });
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 1, lastReadSeq: sent[1]!.seq });

    // An older device reporting an older position does not move the marker back.
    expect(await phone.emitWithAck("conversation:read", { conversationId, seq: sent[0]!.seq })).toEqual({ ok: true, lastReadSeq: sent[1]!.seq });
    // Nor can the marker run ahead of the conversation.
    expect(await phone.emitWithAck("conversation:read", { conversationId, seq: 1_000_000 })).toEqual({ ok: true, lastReadSeq: sent[2]!.seq });

    // Writing a message reads the conversation up to it, on my other devices too.
    await send(facilitatorSocket, conversationId, "Neljä");
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 1 });
    const phoneCaughtUp = nextEvent(phone, "conversation:read", ({ lastReadSeq }) => lastReadSeq > sent[2]!.seq + 1);
    const mine = await send(laptop, conversationId, "Vastaus");
    expect((await phoneCaughtUp).lastReadSeq).toBe(mine.seq);
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 0, lastReadSeq: mine.seq });
    expect(await unreadOf(facilitator.client, conversationId)).toMatchObject({ unread: 1 });
  });

  it("leaves deleted and hidden messages out of the unread count", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const first = await send(facilitatorSocket, conversationId, "Poistan tämän");
    await send(facilitatorSocket, conversationId, "Tämä jää");
    await facilitatorSocket.emitWithAck("message:delete", { messageId: first.id });
    expect(await unreadOf(member.client, conversationId)).toMatchObject({ unread: 1 });
  });
});

describe("history", () => {
  it("pages back with beforeSeq and forward with afterSeq, always oldest first", async () => {
    const { conversationId, facilitator } = await chatGroup();
    const socket = await connect(facilitator.client.accessToken);
    const sent: ChatMessage[] = [];
    for (let index = 1; index <= 12; index++) sent.push(await send(socket, conversationId, `Viesti ${index}`));
    const seqs = (messages: ChatMessage[]) => messages.map((message) => message.seq);
    const all = seqs(sent);
    expect(all).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));

    // Opening the chat: the newest page; scrolling back: the page before the oldest one shown.
    const newest = await history(socket, { conversationId, limit: 5 });
    expect(seqs(newest)).toEqual(all.slice(7));
    const older = await history(socket, { conversationId, beforeSeq: newest[0]!.seq, limit: 5 });
    expect(seqs(older)).toEqual(all.slice(2, 7));
    expect(seqs(await history(socket, { conversationId, beforeSeq: older[0]!.seq, limit: 5 }))).toEqual(all.slice(0, 2));
    expect(await history(socket, { conversationId, beforeSeq: 1, limit: 5 })).toEqual([]);

    // Catching up: everything after the last seq seen, page by page.
    expect(seqs(await history(socket, { conversationId, afterSeq: 0, limit: 5 }))).toEqual(all.slice(0, 5));
    expect(seqs(await history(socket, { conversationId, afterSeq: 10, limit: 5 }))).toEqual([11, 12]);
    expect(await history(socket, { conversationId, afterSeq: 12 })).toEqual([]);
    expect(await history(socket, { conversationId, afterSeq: 0, limit: 12 })).toEqual(sent);

    const both = await socket.emitWithAck("message:history", { conversationId, afterSeq: 1, beforeSeq: 5 });
    expect(both).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });
});

describe("search", () => {
  it("finds Finnish inflected forms and English ones, only in my own groups", async () => {
    const mine = await chatGroup("Hakuryhmä");
    const theirs = await chatGroup("Toinen ryhmä");
    const mySocket = await connect(mine.member.client.accessToken);
    const theirSocket = await connect(theirs.member.client.accessToken);

    const finnish = await send(mySocket, mine.conversationId, "Puhuimme eilen tavoitteista ja ohjausryhmien kokouksista");
    const english = await send(mySocket, mine.conversationId, "We discussed the steering meetings yesterday");
    const removed = await send(mySocket, mine.conversationId, "Poistettu viesti tavoitteista");
    await mySocket.emitWithAck("message:delete", { messageId: removed.id });
    const theirMessage = await send(theirSocket, theirs.conversationId, "Meidän tavoitteista ei kerrota muille");

    const search = async (client: typeof mine.member.client, query: string) =>
      MessageSearchResults.parse(await expectStatus(client.get(`/api/search/messages?q=${encodeURIComponent(query)}`), 200)).results;

    // The Finnish stemmer reduces tavoite, tavoitteet, tavoitteista and tavoitteiden to one stem.
    for (const query of ["tavoite", "tavoitteet", "tavoitteiden"]) {
      const results = await search(mine.member.client, query);
      expect(results.map((result) => result.message.id)).toEqual([finnish.id]);
      expect(results[0]).toMatchObject({ groupId: mine.groupId, groupName: "Hakuryhmä" });
      expect(results[0]!.snippet).toContain("«tavoitteista»");
    }
    expect((await search(mine.member.client, "ohjausryhmä")).map((result) => result.message.id)).toEqual([finnish.id]);
    expect((await search(mine.facilitator.client, "meeting")).map((result) => result.message.id)).toEqual([english.id]);

    // The other group's member finds only their own group's message, and a stranger finds nothing.
    expect((await search(theirs.member.client, "tavoite")).map((result) => result.message.id)).toEqual([theirMessage.id]);
    const stranger = await signedInClient(server.url);
    expect(await search(stranger.client, "tavoite")).toEqual([]);

    const empty = await mine.member.client.get<{ error: { code: string } }>("/api/search/messages?q=%20%20");
    expect(empty.status).toBe(400);
  });
});

describe("catching up after a disconnect", () => {
  /**
   * What a client keeps: messages in seq order, deduplicated by seq (a message can arrive both live
   * and in the catch-up page), and the last seq it saw.
   */
  function chatView(socket: TestSocket, conversationId: string) {
    const view = { messages: [] as ChatMessage[], deliveries: 0 };
    const add = (message: ChatMessage) => {
      view.deliveries += 1;
      if (view.messages.some((known) => known.seq === message.seq)) return;
      view.messages.push(message);
      view.messages.sort((a, b) => a.seq - b.seq);
    };
    socket.on("message:sent", ({ message }) => {
      if (message.conversationId === conversationId) add(message);
    });
    return {
      view,
      lastSeq: () => view.messages.at(-1)?.seq ?? 0,
      async catchUp(): Promise<ChatMessage[]> {
        const page = await history(socket, { conversationId, afterSeq: view.messages.at(-1)?.seq ?? 0, limit: 100 });
        page.forEach(add);
        return page;
      },
    };
  }

  it("sees every message exactly once and in order after reconnecting as a new connection", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const sender = await connect(facilitator.client.accessToken);
    const reader = await connect(member.client.accessToken);
    const client = chatView(reader, conversationId);
    const all: ChatMessage[] = [];

    const firstSeen = collectMessages(reader, conversationId, 3);
    for (const body of ["Ennen 1", "Ennen 2", "Ennen 3"]) all.push(await send(sender, conversationId, body));
    await firstSeen;

    reader.disconnect();
    for (const body of ["Poissa 1", "Poissa 2", "Poissa 3"]) all.push(await send(sender, conversationId, body));

    const lastSeen = client.lastSeq();
    reader.connect();
    await new Promise<void>((resolve) => reader.once("connect", () => resolve()));
    // The conversation goes on while the client catches up; the catch-up starts right after what it saw.
    const sending = Promise.all(["Sitten 1", "Sitten 2", "Sitten 3"].map((body) => send(sender, conversationId, body)));
    const page = await client.catchUp();
    expect(page[0]!.seq).toBe(lastSeen + 1);
    all.push(...(await sending));
    all.sort((a, b) => a.seq - b.seq);
    // Whatever of the last three the catch-up page did not carry arrives live.
    await client.catchUp();

    expect(client.view.messages).toEqual(all);
    expect(client.view.messages.map((message) => message.body).slice(0, 6)).toEqual(["Ennen 1", "Ennen 2", "Ennen 3", "Poissa 1", "Poissa 2", "Poissa 3"]);
    expectStrictlyIncreasing(client.view.messages);
  });

  it("recovers the connection state after a dropped transport as the fast path, and the catch-up then finds nothing missing", async () => {
    const { conversationId, groupId, facilitator, member } = await chatGroup();
    const sender = await connect(facilitator.client.accessToken);
    const reader = await connect(member.client.accessToken);
    const client = chatView(reader, conversationId);
    await sendSeen(sender, conversationId, "Ennen katkosta", [reader]);
    const deliveredBefore = client.view.deliveries;

    // The network drops (not a deliberate disconnect); the server sees the member go offline.
    const gone = nextEvent(sender, "presence:updated", (payload) => payload.groupId === groupId && !payload.onlineUserIds.includes(member.user.id));
    reader.io.engine.close();
    await gone;
    const missed = [await send(sender, conversationId, "Katkon aikana 1"), await send(sender, conversationId, "Katkon aikana 2")];

    const replayed = collectMessages(reader, conversationId, 2);
    reader.connect();
    await new Promise<void>((resolve) => reader.once("connect", () => resolve()));
    expect(reader.recovered).toBe(true);
    expect(await replayed).toEqual(missed);
    expect(await client.catchUp()).toEqual([]);
    expect(client.view.messages.map((message) => message.body)).toEqual(["Ennen katkosta", "Katkon aikana 1", "Katkon aikana 2"]);
    // Each missed message arrived once, by the replay; none twice.
    expect(client.view.deliveries - deliveredBefore).toBe(2);
  });
});

describe("idempotent sends", () => {
  it("answers a resend of the same clientId with the original message and stores and broadcasts nothing new", async () => {
    const { conversationId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const broadcasts = recordEvents(facilitatorSocket, "message:sent");
    const clientId = randomUUID();

    const original = await send(memberSocket, conversationId, "Tärkeä viesti", { clientId });
    expect(original.clientId).toBe(clientId);
    // A resend after a lost ack (even one whose text was since changed locally) returns what is stored.
    expect(await send(memberSocket, conversationId, "Tärkeä viesti", { clientId })).toEqual(original);
    expect(await send(memberSocket, conversationId, "Toinen teksti", { clientId })).toEqual(original);
    // Resends racing each other, from two devices of the same person.
    const phone = await connect(member.client.accessToken);
    const raced = await Promise.all([...Array.from({ length: 3 }, () => send(memberSocket, conversationId, "Tärkeä viesti", { clientId })), send(phone, conversationId, "Tärkeä viesti", { clientId })]);
    for (const answer of raced) expect(answer).toEqual(original);

    const marker = await sendSeen(memberSocket, conversationId, "Merkki", [facilitatorSocket]);
    expect(broadcasts.map(({ message }) => message.id)).toEqual([original.id, marker.id]);
    expect((await history(facilitatorSocket, { conversationId, afterSeq: 0 })).map((message) => message.id)).toEqual([original.id, marker.id]);
    expect(marker.seq).toBe(original.seq + 1);

    // The same clientId from another person is a different message.
    const other = await send(facilitatorSocket, conversationId, "Eri ihminen", { clientId });
    expect(other.id).not.toBe(original.id);
  });
});

describe("conversation rooms follow membership", () => {
  it("joins the user's conversations on connect and leaves at once when membership ends", async () => {
    const fixture = await chatGroup();
    const { conversationId, groupId, facilitator, member } = fixture;
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const received = recordEvents(memberSocket, "message:sent");

    // No join call: the socket is in its conversations from the moment it connects.
    const first = await sendSeen(facilitatorSocket, conversationId, "Tervetuloa", [memberSocket]);

    const ended = nextEvent(memberSocket, "membership:ended");
    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    expect((await ended).groupId).toBe(groupId);

    // The facilitator's own copy is the marker: once it has arrived, the removed member's would have too.
    await sendSeen(facilitatorSocket, conversationId, "Vain jäsenille", [facilitatorSocket]);
    expect(received.map(({ message }) => message.id)).toEqual([first.id]);

    for (const ack of [
      await memberSocket.emitWithAck("message:send", { conversationId, clientId: randomUUID(), body: "Olenko vielä täällä?" }),
      await memberSocket.emitWithAck("message:history", { conversationId, afterSeq: 0 }),
      await memberSocket.emitWithAck("conversation:read", { conversationId, seq: 1 }),
    ]) {
      expect(ack).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect((await member.client.get<{ conversations: UnreadState[] }>("/api/conversations/unread")).body.conversations).toEqual([]);

    // A newcomer's open socket starts receiving without reconnecting.
    const newcomer = await signedInClient(server.url);
    const newcomerSocket = await connect(newcomer.client.accessToken);
    const started = nextEvent(newcomerSocket, "membership:started");
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {}), 201);
    await expectStatus(newcomer.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    await started;
    const welcome = nextEvent(newcomerSocket, "message:sent");
    const hello = await send(facilitatorSocket, conversationId, "Hei uusi jäsen");
    expect((await welcome).message.id).toBe(hello.id);
  });

  it("does not give a member removed while disconnected the group's messages back through connection recovery", async () => {
    const { conversationId, groupId, facilitator, member } = await chatGroup();
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const memberSocket = await connect(member.client.accessToken);
    const received = recordEvents(memberSocket, "message:sent");
    await sendSeen(facilitatorSocket, conversationId, "Ennen", [memberSocket]);

    const gone = nextEvent(facilitatorSocket, "presence:updated", (payload) => payload.groupId === groupId && !payload.onlineUserIds.includes(member.user.id));
    memberSocket.io.engine.close();
    await gone;
    expect((await facilitator.client.delete(`/api/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    await send(facilitatorSocket, conversationId, "Poistamisen jälkeen");

    memberSocket.connect();
    await new Promise<void>((resolve) => memberSocket.once("connect", () => resolve()));
    expect(memberSocket.recovered).toBe(false);
    await sendSeen(facilitatorSocket, conversationId, "Myöhemmin", [facilitatorSocket]);
    expect(received.map(({ message }) => message.body)).toEqual(["Ennen"]);
  });
});

describe("outsiders", () => {
  it("get not_found for every chat event on another group's conversation, the same as for ids that do not exist, and learn nothing", async () => {
    const target = await chatGroup("Ryhmä A");
    const outsiderGroup = await chatGroup("Ryhmä B");
    const insiderSocket = await connect(target.member.client.accessToken);
    const outsiderSocket = await connect(outsiderGroup.member.client.accessToken);
    const leaked = [recordEvents(outsiderSocket, "message:sent"), recordEvents(outsiderSocket, "message:updated"), recordEvents(outsiderSocket, "typing:updated")];
    const insiderUpdates = recordEvents(insiderSocket, "message:updated");
    const secret = await send(insiderSocket, target.conversationId, "Luottamuksellinen asia");

    const attempts = (conversationId: string, messageId: string) => [
      outsiderSocket.emitWithAck("message:send", { conversationId, clientId: randomUUID(), body: "Hei" }),
      outsiderSocket.emitWithAck("message:send", { conversationId: outsiderGroup.conversationId, clientId: randomUUID(), body: "Vastaus", parentId: messageId }),
      outsiderSocket.emitWithAck("message:history", { conversationId, afterSeq: 0 }),
      outsiderSocket.emitWithAck("message:history", { conversationId, beforeSeq: 100, threadOf: messageId }),
      outsiderSocket.emitWithAck("message:edit", { messageId, body: "Muutettu" }),
      outsiderSocket.emitWithAck("message:delete", { messageId }),
      outsiderSocket.emitWithAck("message:hide", { messageId, hidden: true }),
      outsiderSocket.emitWithAck("message:react", { messageId, emoji: "👍", on: true }),
      outsiderSocket.emitWithAck("conversation:read", { conversationId, seq: 1 }),
    ];
    const real = await Promise.all(attempts(target.conversationId, secret.id));
    const unknown = await Promise.all(attempts(randomUUID(), randomUUID()));
    for (const ack of real) expect(ack).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Identical answers: the outsider cannot tell a real id from a made-up one.
    expect(real).toEqual(unknown);
    expect(await outsiderSocket.emitWithAck("presence:get", { groupId: target.groupId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    outsiderSocket.emit("typing:set", { conversationId: target.conversationId, typing: true });

    // Nothing changed: the insider sees the message as it was, and no update was pushed.
    const marker = await sendSeen(insiderSocket, target.conversationId, "Merkki", [insiderSocket]);
    expect(await history(insiderSocket, { conversationId: target.conversationId, afterSeq: 0 })).toEqual([secret, expect.objectContaining({ id: marker.id })]);
    expect(insiderUpdates).toEqual([]);
    for (const seen of leaked) expect(seen).toEqual([]);
    const unread = (await outsiderGroup.member.client.get<{ conversations: UnreadState[] }>("/api/conversations/unread")).body.conversations;
    expect(unread.map((entry) => entry.conversationId)).toEqual([outsiderGroup.conversationId]);
  });

  it("keeps a member who has not accepted the agreement out of the chat", async () => {
    const { conversationId, groupId, facilitator } = await chatGroup();
    const hesitant = await signedInClient(server.url);
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {}), 201);
    await expectStatus(hesitant.client.post(`/api/invitations/${invitation.token}/accept`), 200);
    const hesitantSocket = await connect(hesitant.client.accessToken);
    const facilitatorSocket = await connect(facilitator.client.accessToken);
    const received = recordEvents(hesitantSocket, "message:sent");

    await sendSeen(facilitatorSocket, conversationId, "Sopimuksen hyväksyneille", [facilitatorSocket]);
    expect(received).toEqual([]);
    expect(await hesitantSocket.emitWithAck("message:history", { conversationId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: "agreement_required" } });
  });
});
