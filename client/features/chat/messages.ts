import type { ChatMessage } from "../../../shared/schemas/chat";

/**
 * Merges messages into a list kept in seq order, with each message once. A message seen again (a
 * resend's ack, a catch-up page overlapping live pushes, an edit) replaces the copy held, found by id
 * or by seq. `countNewReplies` is for messages newer than what was held (live pushes, catch-up): a reply
 * not seen before then adds one to its parent's reply count, which the server sent with the parent.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[], options: { countNewReplies?: boolean } = {}): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  const seqById = new Map<string, number>();
  for (const message of current) {
    bySeq.set(message.seq, message);
    seqById.set(message.id, message.seq);
  }
  const replyBumps = new Map<string, number>();
  for (const message of incoming) {
    const heldSeq = seqById.get(message.id);
    const isNew = heldSeq === undefined && !bySeq.has(message.seq);
    if (heldSeq !== undefined && heldSeq !== message.seq) bySeq.delete(heldSeq);
    bySeq.set(message.seq, message);
    seqById.set(message.id, message.seq);
    if (isNew && options.countNewReplies && message.parentId && seqById.has(message.parentId)) {
      replyBumps.set(message.parentId, (replyBumps.get(message.parentId) ?? 0) + 1);
    }
  }
  const merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  if (replyBumps.size === 0) return merged;
  return merged.map((message) => {
    const bump = replyBumps.get(message.id);
    // A parent that itself arrived in this batch already carries the server's count.
    if (!bump || incoming.some((item) => item.id === message.id)) return message;
    return { ...message, replyCount: message.replyCount + bump };
  });
}

/** The highest seq held: where a catch-up after a reconnect starts. */
export function lastSeq(messages: readonly ChatMessage[]): number {
  return messages.length > 0 ? messages[messages.length - 1]!.seq : 0;
}

/** The lowest seq held: the cursor for scrolling back. */
export function firstSeq(messages: readonly ChatMessage[]): number | undefined {
  return messages[0]?.seq;
}

/**
 * Where the "new messages" divider goes: before the first top-level message by someone else after my
 * read marker, or nowhere.
 */
export function firstUnreadSeq(messages: readonly ChatMessage[], lastReadSeq: number, myUserId: string): number | undefined {
  return messages.find((message) => message.parentId === null && message.seq > lastReadSeq && message.authorId !== myUserId)?.seq;
}

/** The client ids of my messages the server has stored: their outbox entries are done. */
export function acknowledgedClientIds(messages: readonly ChatMessage[], myUserId: string): string[] {
  return messages.filter((message) => message.authorId === myUserId).map((message) => message.clientId);
}

/** A reaction's count and whether I am among those who reacted. */
export function reactionSummary(message: ChatMessage, emoji: string, myUserId: string): { count: number; mine: boolean; userIds: string[] } {
  const reaction = message.reactions.find((item) => item.emoji === emoji);
  const userIds = reaction?.userIds ?? [];
  return { count: userIds.length, mine: userIds.includes(myUserId), userIds };
}
