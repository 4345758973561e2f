import { and, asc, count, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { ChatMessage, MessageHistoryPayload, UnreadState } from "../../shared/schemas/chat";
import type { Db } from "../db/database";
import { isUniqueViolation } from "../db/errors";
import { conversationReads, conversations, groups, memberships, messageMentions, messageReactions, messages, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { canChangeOwnMessage, findMentions, visibleBody } from "../domain/chat";

type MessageRow = typeof messages.$inferSelect;

/** Turns stored rows into what clients see: names, mentions, grouped reactions, reply counts. */
export async function presentMessages(db: Db, rows: MessageRow[]): Promise<ChatMessage[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const authorIds = [...new Set(rows.map((row) => row.authorId).filter((id): id is string => id !== null))];
  const [authors, mentionRows, reactionRows, replyRows] = await Promise.all([
    authorIds.length ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, authorIds)) : [],
    db.select().from(messageMentions).where(inArray(messageMentions.messageId, ids)),
    db.select().from(messageReactions).where(inArray(messageReactions.messageId, ids)).orderBy(asc(messageReactions.createdAt)),
    db
      .select({ parentId: messages.parentId, value: count() })
      .from(messages)
      .where(and(inArray(messages.parentId, ids), isNull(messages.deletedAt)))
      .groupBy(messages.parentId),
  ]);
  const nameOf = new Map(authors.map((author) => [author.id, author.displayName]));
  const repliesOf = new Map(replyRows.map((row) => [row.parentId, row.value]));
  return rows.map((row) => {
    const shown = !row.deletedAt && !row.hiddenAt;
    const reactions = new Map<string, string[]>();
    if (shown) {
      for (const reaction of reactionRows) {
        if (reaction.messageId !== row.id) continue;
        reactions.set(reaction.emoji, [...(reactions.get(reaction.emoji) ?? []), reaction.userId]);
      }
    }
    return {
      id: row.id,
      conversationId: row.conversationId,
      seq: row.seq,
      clientId: row.clientId,
      authorId: row.authorId,
      authorName: row.authorId ? (nameOf.get(row.authorId) ?? "") : "",
      parentId: row.parentId,
      body: visibleBody(row),
      mentions: shown ? mentionRows.filter((mention) => mention.messageId === row.id).map((mention) => mention.userId) : [],
      reactions: [...reactions].map(([emoji, userIds]) => ({ emoji, userIds })),
      replyCount: repliesOf.get(row.id) ?? 0,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      deleted: row.deletedAt !== null,
      hidden: row.hiddenAt !== null,
    };
  });
}

export async function presentMessage(db: Db, row: MessageRow): Promise<ChatMessage> {
  return (await presentMessages(db, [row]))[0]!;
}

async function findMessage(db: Db, messageId: string): Promise<MessageRow> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  if (!row) throw new AppError("not_found", "No such message");
  return row;
}

/** The conversation a message belongs to, so the caller can authorize before touching it. */
export async function conversationOfMessage(db: Db, messageId: string): Promise<string> {
  return (await findMessage(db, messageId)).conversationId;
}

async function mentionCandidates(db: Db, groupId: string) {
  return db
    .select({ userId: memberships.userId, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.groupId, groupId));
}

export interface SendInput {
  conversationId: string;
  groupId: string;
  authorId: string;
  clientId: string;
  body: string;
  parentId?: string;
}

/**
 * Stores a message exactly once. A resend with a clientId already stored returns the stored message
 * (the unique index on author + clientId decides, not memory); otherwise the conversation row is
 * locked, its seq bumped and the message inserted in one transaction, so seqs are strictly increasing.
 * Returns `created: false` for a resend so the caller does not broadcast it twice.
 */
export async function sendMessage(db: Db, input: SendInput): Promise<{ message: ChatMessage; created: boolean }> {
  const existing = await findByClientId(db, input.authorId, input.clientId);
  if (existing) return { message: await presentMessage(db, existing), created: false };
  if (input.parentId) {
    // Only "no such message" means a bad parent; a database failure must not pass for one.
    const parent = await findMessage(db, input.parentId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return undefined;
      throw error;
    });
    if (!parent || parent.conversationId !== input.conversationId) throw new AppError("not_found", "No such message to reply to");
    // Threads are one level deep: a reply to a reply joins the same thread.
    if (parent.parentId) input = { ...input, parentId: parent.parentId };
  }
  const candidates = await mentionCandidates(db, input.groupId);
  try {
    const row = await db.transaction(async (tx) => {
      const [conversation] = await tx
        .update(conversations)
        .set({ lastSeq: sql`${conversations.lastSeq} + 1` })
        .where(eq(conversations.id, input.conversationId))
        .returning({ lastSeq: conversations.lastSeq });
      if (!conversation) throw new AppError("not_found", "No such conversation");
      const [inserted] = await tx
        .insert(messages)
        .values({
          conversationId: input.conversationId,
          seq: conversation.lastSeq,
          authorId: input.authorId,
          clientId: input.clientId,
          parentId: input.parentId ?? null,
          body: input.body,
        })
        .returning();
      const mentioned = findMentions(input.body, candidates).filter((userId) => userId !== input.authorId);
      if (mentioned.length) await tx.insert(messageMentions).values(mentioned.map((userId) => ({ messageId: inserted!.id, userId })));
      // Sending marks the conversation read up to my own message.
      await markRead(tx, input.conversationId, input.authorId, conversation.lastSeq);
      return inserted!;
    });
    return { message: await presentMessage(db, row), created: true };
  } catch (error) {
    // Two resends raced: the other one stored it; answer with that.
    if (isUniqueViolation(error)) {
      const stored = await findByClientId(db, input.authorId, input.clientId);
      if (stored) return { message: await presentMessage(db, stored), created: false };
    }
    throw error;
  }
}

async function findByClientId(db: Db, authorId: string, clientId: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.clientId, clientId)))
    .limit(1);
  return row;
}

/** A page of history: after a seq (catching up, oldest first) or before one (scrolling back). */
export async function messageHistory(db: Db, query: MessageHistoryPayload): Promise<ChatMessage[]> {
  const conditions = [eq(messages.conversationId, query.conversationId)];
  if (query.threadOf) conditions.push(eq(messages.parentId, query.threadOf));
  if (query.afterSeq !== undefined) {
    conditions.push(gt(messages.seq, query.afterSeq));
    const rows = await db.select().from(messages).where(and(...conditions)).orderBy(asc(messages.seq)).limit(query.limit);
    return presentMessages(db, rows);
  }
  if (query.beforeSeq !== undefined) conditions.push(lt(messages.seq, query.beforeSeq));
  const rows = await db.select().from(messages).where(and(...conditions)).orderBy(desc(messages.seq)).limit(query.limit);
  return presentMessages(db, rows.reverse());
}

export async function editMessage(db: Db, messageId: string, actorId: string, body: string, groupId: string): Promise<ChatMessage> {
  const message = await findMessage(db, messageId);
  if (!canChangeOwnMessage(message, actorId)) throw new AppError("message_not_editable", "Only the author can edit a message that is still shown");
  const candidates = await mentionCandidates(db, groupId);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx.update(messages).set({ body, editedAt: new Date() }).where(eq(messages.id, messageId)).returning();
    await tx.delete(messageMentions).where(eq(messageMentions.messageId, messageId));
    const mentioned = findMentions(body, candidates).filter((userId) => userId !== actorId);
    if (mentioned.length) await tx.insert(messageMentions).values(mentioned.map((userId) => ({ messageId, userId })));
    return updated!;
  });
  return presentMessage(db, row);
}

export async function deleteMessage(db: Db, messageId: string, actorId: string): Promise<ChatMessage> {
  const message = await findMessage(db, messageId);
  if (!canChangeOwnMessage(message, actorId)) throw new AppError("message_not_editable", "Only the author can delete their message");
  const [row] = await db.update(messages).set({ deletedAt: new Date() }).where(eq(messages.id, messageId)).returning();
  return presentMessage(db, row!);
}

export async function hideMessage(db: Db, messageId: string, actorId: string, hidden: boolean): Promise<ChatMessage> {
  await findMessage(db, messageId);
  const [row] = await db
    .update(messages)
    .set(hidden ? { hiddenAt: new Date(), hiddenBy: actorId } : { hiddenAt: null, hiddenBy: null })
    .where(eq(messages.id, messageId))
    .returning();
  return presentMessage(db, row!);
}

export async function reactToMessage(db: Db, messageId: string, userId: string, emoji: string, on: boolean): Promise<ChatMessage> {
  const message = await findMessage(db, messageId);
  if (message.deletedAt || message.hiddenAt) throw new AppError("message_not_editable", "This message can no longer take reactions");
  if (on) await db.insert(messageReactions).values({ messageId, userId, emoji }).onConflictDoNothing();
  else await db.delete(messageReactions).where(and(eq(messageReactions.messageId, messageId), eq(messageReactions.userId, userId), eq(messageReactions.emoji, emoji)));
  return presentMessage(db, message);
}

/** Moves my read marker forward (never back); returns where it now stands. */
export async function markRead(db: Db, conversationId: string, userId: string, seq: number): Promise<number> {
  const [row] = await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadSeq: seq })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { lastReadSeq: sql`greatest(${conversationReads.lastReadSeq}, excluded.last_read_seq)`, updatedAt: new Date() },
    })
    .returning({ lastReadSeq: conversationReads.lastReadSeq });
  return row!.lastReadSeq;
}

/**
 * Unread messages by others, and unread mentions of me, in every conversation I take part in. One
 * grouped query for all conversations; a message whose author's account is gone still counts.
 */
export async function unreadStates(db: Db, userId: string, conversationIds?: string[]): Promise<UnreadState[]> {
  const mine = await db
    .select({ conversationId: conversations.id, groupId: conversations.groupId, lastReadSeq: sql<number>`coalesce(${conversationReads.lastReadSeq}, 0)`.mapWith(Number) })
    .from(conversations)
    .innerJoin(memberships, and(eq(memberships.groupId, conversations.groupId), eq(memberships.userId, userId), sql`${memberships.agreementAcceptedAt} is not null`))
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, userId)))
    .where(conversationIds ? inArray(conversations.id, conversationIds) : undefined);
  if (mine.length === 0) return [];
  const counts = await db
    .select({ conversationId: messages.conversationId, unread: count(), mentions: count(messageMentions.userId) })
    .from(messages)
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, messages.conversationId), eq(conversationReads.userId, userId)))
    // At most one row per message: (message, user) is the mention's key.
    .leftJoin(messageMentions, and(eq(messageMentions.messageId, messages.id), eq(messageMentions.userId, userId)))
    .where(
      and(
        inArray(
          messages.conversationId,
          mine.map((entry) => entry.conversationId),
        ),
        sql`${messages.seq} > coalesce(${conversationReads.lastReadSeq}, 0)`,
        isNull(messages.deletedAt),
        isNull(messages.hiddenAt),
        or(isNull(messages.authorId), ne(messages.authorId, userId)),
      ),
    )
    .groupBy(messages.conversationId);
  const countsOf = new Map(counts.map((row) => [row.conversationId, row]));
  return mine.map((entry) => ({ ...entry, unread: countsOf.get(entry.conversationId)?.unread ?? 0, mentions: countsOf.get(entry.conversationId)?.mentions ?? 0 }));
}

/** Full-text search over the conversations of my groups, in Finnish and English at once. */
export async function searchMessages(db: Db, userId: string, query: string, limit: number) {
  const matches = sql`(${messages.searchVector} @@ websearch_to_tsquery('finnish', ${query}) or ${messages.searchVector} @@ websearch_to_tsquery('english', ${query}))`;
  const rows = await db
    .select({
      message: messages,
      groupId: conversations.groupId,
      groupName: groups.name,
      snippet: sql<string>`ts_headline('finnish', ${messages.body}, websearch_to_tsquery('finnish', ${query}), 'StartSel=«, StopSel=», MaxFragments=1, MaxWords=20, MinWords=5')`,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(groups, eq(groups.id, conversations.groupId))
    .innerJoin(memberships, and(eq(memberships.groupId, conversations.groupId), eq(memberships.userId, userId), sql`${memberships.agreementAcceptedAt} is not null`))
    .where(and(matches, isNull(messages.deletedAt), isNull(messages.hiddenAt)))
    .orderBy(desc(messages.createdAt))
    .limit(limit);
  const presented = await presentMessages(db, rows.map((row) => row.message));
  return rows.map((row, index) => ({ message: presented[index]!, groupId: row.groupId, groupName: row.groupName, snippet: row.snippet }));
}
