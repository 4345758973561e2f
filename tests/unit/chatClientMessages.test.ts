import { describe, expect, it } from "vitest";
import { acknowledgedClientIds, firstUnreadSeq, lastSeq, mergeMessages, reactionSummary } from "../../client/features/chat/messages";
import type { ChatMessage } from "../../shared/schemas/chat";

let counter = 0;
function message(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    conversationId: "c1",
    seq,
    clientId: `client-${seq}-${counter}`,
    authorId: "other",
    authorName: "Aino",
    parentId: null,
    body: `viesti ${seq}`,
    mentions: [],
    reactions: [],
    replyCount: 0,
    createdAt: "2025-05-01T10:00:00.000Z",
    editedAt: null,
    deleted: false,
    hidden: false,
    ...overrides,
  };
}

const seqs = (messages: ChatMessage[]) => messages.map((item) => item.seq);

describe("merging messages", () => {
  it("keeps seq order and each message once, however pages and live pushes overlap", () => {
    const live = [message(5), message(3)];
    const catchUp = [message(2), message(3), message(4), message(5)];
    const merged = mergeMessages(mergeMessages([], live), catchUp);
    expect(seqs(merged)).toEqual([2, 3, 4, 5]);
    const earlier = mergeMessages(merged, [message(1), message(2)]);
    expect(seqs(earlier)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeq(earlier)).toBe(5);
    expect(lastSeq([])).toBe(0);
  });

  it("replaces a held message with its update (edit, delete, reaction)", () => {
    const original = message(1);
    const edited = { ...original, body: "korjattu", editedAt: "2025-05-01T10:05:00.000Z" };
    const merged = mergeMessages([original, message(2)], [edited]);
    expect(merged).toHaveLength(2);
    expect(merged[0]!.body).toBe("korjattu");
  });

  it("counts a newly arrived reply on its parent, but not a reply seen before or a parent that came with it", () => {
    const parent = message(1, { replyCount: 1 });
    const reply = message(3, { parentId: parent.id });
    const once = mergeMessages([parent, message(2)], [reply], { countNewReplies: true });
    expect(once[0]!.replyCount).toBe(2);
    const again = mergeMessages(once, [reply], { countNewReplies: true });
    expect(again[0]!.replyCount).toBe(2);
    const history = mergeMessages([], [message(1, { replyCount: 1 }), message(3, { parentId: parent.id })], { countNewReplies: true });
    expect(history[0]!.replyCount).toBe(1);
    const scrolledBack = mergeMessages([parent], [message(4, { parentId: parent.id })]);
    expect(scrolledBack[0]!.replyCount).toBe(1);
  });

  it("returns the same list when nothing comes in", () => {
    const held = [message(1)];
    expect(mergeMessages(held, [])).toBe(held);
  });
});

describe("read state and outbox settling", () => {
  it("puts the new-messages divider before the first top-level message by someone else after my marker", () => {
    const messages = [message(1), message(2, { authorId: "me" }), message(3, { parentId: "p" }), message(4), message(5)];
    expect(firstUnreadSeq(messages, 1, "me")).toBe(4);
    expect(firstUnreadSeq(messages, 5, "me")).toBeUndefined();
    expect(firstUnreadSeq(messages, 0, "me")).toBe(1);
  });

  it("finds my stored messages by clientId so their outbox entries can go", () => {
    const mine = message(1, { authorId: "me", clientId: "abc" });
    expect(acknowledgedClientIds([mine, message(2, { clientId: "other-client" })], "me")).toEqual(["abc"]);
  });

  it("summarises a reaction for a toggle button", () => {
    const reacted = message(1, { reactions: [{ emoji: "👍", userIds: ["me", "other"] }] });
    expect(reactionSummary(reacted, "👍", "me")).toEqual({ count: 2, mine: true, userIds: ["me", "other"] });
    expect(reactionSummary(reacted, "🎉", "me")).toEqual({ count: 0, mine: false, userIds: [] });
  });
});
