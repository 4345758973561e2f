import { z } from "zod";
import { MESSAGE } from "../limits";

export const CONVERSATION_SCOPES = ["group", "meeting", "gathering", "breakout"] as const;
export const ConversationScope = z.enum(CONVERSATION_SCOPES).meta({ id: "ConversationScope" });
export type ConversationScope = z.infer<typeof ConversationScope>;

export const Reaction = z.object({ emoji: z.string(), userIds: z.array(z.uuid()) }).meta({ id: "Reaction" });
export type Reaction = z.infer<typeof Reaction>;

export const ChatMessage = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    /** Strictly increasing within a conversation; clients catch up with `afterSeq`. */
    seq: z.number().int().positive(),
    clientId: z.string(),
    authorId: z.uuid().nullable(),
    authorName: z.string(),
    parentId: z.uuid().nullable(),
    /** Empty when the message is deleted or hidden; the text is never HTML. */
    body: z.string(),
    mentions: z.array(z.uuid()),
    reactions: z.array(Reaction),
    replyCount: z.number().int(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    deleted: z.boolean(),
    hidden: z.boolean(),
  })
  .meta({ id: "ChatMessage" });
export type ChatMessage = z.infer<typeof ChatMessage>;

const MessageBody = z
  .string()
  .max(MESSAGE.maxLength, `A message has at most ${MESSAGE.maxLength} characters`)
  .refine((body) => body.trim().length > 0, "A message cannot be empty");

export const MessageSendPayload = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(1).max(MESSAGE.clientIdMaxLength),
  body: MessageBody,
  parentId: z.uuid().optional(),
});
export type MessageSendPayload = z.infer<typeof MessageSendPayload>;

export const MessageHistoryPayload = z
  .object({
    conversationId: z.uuid(),
    afterSeq: z.number().int().min(0).optional(),
    beforeSeq: z.number().int().min(1).optional(),
    /** Only the replies to this message (a thread). */
    threadOf: z.uuid().optional(),
    limit: z.number().int().min(1).max(MESSAGE.historyPageMax).default(50),
  })
  .refine((payload) => payload.afterSeq === undefined || payload.beforeSeq === undefined, "Give afterSeq or beforeSeq, not both");
export type MessageHistoryPayload = z.infer<typeof MessageHistoryPayload>;

export const MessageEditPayload = z.object({ messageId: z.uuid(), body: MessageBody });
export const MessageIdPayload = z.object({ messageId: z.uuid() });
export const MessageHidePayload = z.object({ messageId: z.uuid(), hidden: z.boolean() });
export const MessageReactPayload = z.object({
  messageId: z.uuid(),
  emoji: z.string().min(1).max(MESSAGE.emojiMaxLength).refine((emoji) => !/[\s<>]/.test(emoji), "Not an emoji"),
  on: z.boolean(),
});
export const ConversationReadPayload = z.object({ conversationId: z.uuid(), seq: z.number().int().min(0) });
export const TypingPayload = z.object({ conversationId: z.uuid(), typing: z.boolean() });

export const UnreadState = z
  .object({ conversationId: z.uuid(), groupId: z.uuid().nullable(), lastReadSeq: z.number().int(), unread: z.number().int(), mentions: z.number().int() })
  .meta({ id: "UnreadState" });
export type UnreadState = z.infer<typeof UnreadState>;
export const UnreadList = z.object({ conversations: z.array(UnreadState) }).meta({ id: "UnreadList" });

export const MessageSearchQuery = z.object({ q: z.string().trim().min(1).max(MESSAGE.searchQueryMaxLength), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const MessageSearchHit = z
  .object({ message: ChatMessage, groupId: z.uuid().nullable(), groupName: z.string(), snippet: z.string() })
  .meta({ id: "MessageSearchHit" });
export const MessageSearchResults = z.object({ results: z.array(MessageSearchHit) }).meta({ id: "MessageSearchResults" });
