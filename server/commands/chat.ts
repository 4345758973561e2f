import { and, asc, count, desc, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { ChatMessage, MessageHistoryPayload, UnreadState } from "../../shared/schemas/chat";
import { queryRows, type Db } from "../db/database";
import { conversationReads, conversations, groups, memberships, messageMentions, messageReactions, messages, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { rooms } from "../../shared/events";
import { authorizeConversation } from "../policies/conversations";
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

/** The people a message may mention: a group's members; nobody outside a group. */
async function mentionCandidates(db: Db, groupId: string | null) {
  if (!groupId) return [];
  return db
    .select({ userId: memberships.userId, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.groupId, groupId));
}

/**
 * Posts a message for a member, as the socket's `message:send` does. The common case — no reply, no
 * mention — is one statement that authorizes and stores together (the same rules as
 * `authorizeConversation`, as SQL). When that statement stores nothing, or the message needs more
 * (a thread parent, mention candidates), the full path runs: `authorizeConversation` answers with the
 * precise refusal (not a member, agreement not accepted, group ended), then `sendMessage` stores.
 */
export async function postMessage(
  db: Db,
  authorId: string,
  payload: { conversationId: string; clientId: string; body: string; parentId?: string | undefined },
): Promise<{ message: ChatMessage; created: boolean; room: string }> {
  if (!payload.parentId && !payload.body.includes("@")) {
    const [row] = await queryRows<InsertedMessage & { group_id: string; author_name: string }>(db, sql`
      with allowed as (
        select groups.id as group_id, users.display_name as author_name
        from conversations
        join groups on groups.id = conversations.group_id
        join memberships on memberships.group_id = groups.id and memberships.user_id = ${authorId}
        join users on users.id = memberships.user_id
        where conversations.id = ${payload.conversationId}
          and memberships.agreement_accepted_at is not null
          and groups.phase <> 'ended'
      ), ${storeMessageSql({ ...payload, authorId, parentId: null, mentioned: [], onlyIf: sql`exists (select 1 from allowed)` })}
      select inserted.*, allowed.group_id, allowed.author_name from inserted, allowed`);
    if (row) {
      const message = presentInserted(row, { ...payload, authorId, authorName: row.author_name, parentId: null, mentioned: [] });
      return { message, created: true, room: rooms.groupContent(row.group_id) };
    }
  }
  const access = await authorizeConversation(db, authorId, payload.conversationId, "post");
  const result = await sendMessage(db, { ...payload, groupId: access.groupId, authorId, authorName: access.displayName });
  return { ...result, room: access.room };
}

type InsertedMessage = { id: string; seq: number | string; created_at: Date | string };

/**
 * The data-modifying CTEs that store one message (ending with `inserted`): bump the conversation's
 * seq under its row lock — unless this author already stored this clientId — insert the message, its
 * mentions and the author's read marker. One statement, so it is all or nothing.
 */
function storeMessageSql(input: {
  conversationId: string;
  authorId: string;
  clientId: string;
  body: string;
  parentId: string | null;
  mentioned: string[];
  onlyIf: SQL;
}): SQL {
  return sql`bumped as (
      update conversations set last_seq = last_seq + 1
      where id = ${input.conversationId}
        and ${input.onlyIf}
        and not exists (select 1 from messages where author_id = ${input.authorId} and client_id = ${input.clientId})
      returning last_seq
    ), inserted as (
      insert into messages (conversation_id, seq, author_id, client_id, parent_id, body)
      select ${input.conversationId}, last_seq, ${input.authorId}, ${input.clientId}, ${input.parentId}::uuid, ${input.body} from bumped
      on conflict (author_id, client_id) do nothing
      returning id, seq, created_at
    ), mentions as (
      insert into message_mentions (message_id, user_id)
      select inserted.id, mentioned.user_id::uuid from inserted, jsonb_array_elements_text(${JSON.stringify(input.mentioned)}::jsonb) as mentioned(user_id)
    ), read_marker as (
      insert into conversation_reads (conversation_id, user_id, last_read_seq)
      select ${input.conversationId}, ${input.authorId}, seq from inserted
      on conflict (conversation_id, user_id)
        do update set last_read_seq = greatest(conversation_reads.last_read_seq, excluded.last_read_seq), updated_at = now()
    )`;
}

/** A message just stored has no reactions or replies yet; everything else is known, so it is not read back. */
function presentInserted(
  row: InsertedMessage,
  input: { conversationId: string; clientId: string; authorId: string; authorName: string; body: string; parentId: string | null; mentioned: string[] },
): ChatMessage {
  return {
    id: row.id,
    conversationId: input.conversationId,
    seq: Number(row.seq),
    clientId: input.clientId,
    authorId: input.authorId,
    authorName: input.authorName,
    parentId: input.parentId,
    body: input.body,
    mentions: input.mentioned,
    reactions: [],
    replyCount: 0,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
  };
}

export interface SendInput {
  conversationId: string;
  /** The group whose members may be mentioned; null outside a group. */
  groupId: string | null;
  authorId: string;
  /** The author's name as the authorization query loaded it; saves reading it back. */
  authorName: string;
  clientId: string;
  body: string;
  parentId?: string;
}

/**
 * Stores a message exactly once, in one statement (see `storeMessageSql`), for an author already
 * authorized: seqs are strictly increasing and the caller may announce the message once this resolves.
 * A resend with a clientId already stored (the unique index on author + clientId decides, not memory)
 * stores nothing and returns the stored message with `created: false`, so it is not broadcast twice.
 */
export async function sendMessage(db: Db, input: SendInput): Promise<{ message: ChatMessage; created: boolean }> {
  let parentId = input.parentId ?? null;
  if (parentId) {
    const [parent] = await db.select({ conversationId: messages.conversationId, parentId: messages.parentId }).from(messages).where(eq(messages.id, parentId)).limit(1);
    if (!parent || parent.conversationId !== input.conversationId) throw new AppError("not_found", "No such message to reply to");
    // Threads are one level deep: a reply to a reply joins the same thread.
    parentId = parent.parentId ?? parentId;
  }
  // Most messages mention nobody; only those with an @ need the member list.
  const mentioned = input.body.includes("@")
    ? findMentions(input.body, await mentionCandidates(db, input.groupId)).filter((userId) => userId !== input.authorId)
    : [];
  const [row] = await queryRows<InsertedMessage>(db, sql`
    with ${storeMessageSql({ ...input, parentId, mentioned, onlyIf: sql`true` })}
    select * from inserted`);
  if (!row) {
    // Nothing inserted: either a resend (answer with the stored message) or a conversation that is gone.
    const stored = await findByClientId(db, input.authorId, input.clientId);
    if (stored) return { message: await presentMessage(db, stored), created: false };
    throw new AppError("not_found", "No such conversation");
  }
  return { created: true, message: presentInserted(row, { ...input, parentId, mentioned }) };
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

export async function editMessage(db: Db, messageId: string, actorId: string, body: string, groupId: string | null): Promise<ChatMessage> {
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
