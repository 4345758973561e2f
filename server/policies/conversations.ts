import { eq } from "drizzle-orm";
import { rooms } from "../../shared/events";
import type { Db } from "../db/database";
import { conversations, users } from "../db/schema";
import { AppError } from "../domain/appError";
import { authorizeBreakout, authorizeGatheringContent } from "./gatherings";
import { authorizeGroupConversation, type ConversationAction, type ConversationRow } from "./groups";

export type { ConversationAction, ConversationRow };

/** Conversation scopes: a group's chat, a meeting's (kept with its group), a gathering's plenary, a breakout room's. */
export const CONVERSATION_SCOPES = { group: "group", meeting: "meeting", gathering: "gathering", breakout: "breakout" } as const;

export interface ConversationAccess {
  conversation: ConversationRow;
  displayName: string;
  /** The group whose members may be mentioned; null outside a group (no mentions there). */
  groupId: string | null;
  /** The socket room that hears this conversation's messages. */
  room: string;
}

const NOT_FOUND = "No such conversation, or you are not part of it";

/**
 * Who may take part in a conversation, whatever its scope. Group chats (and meeting chats, which are
 * group content) follow the group's rules; a gathering's plenary chat follows the gathering's; a
 * breakout room's chat is for the people in that room and the hosts. Outsiders get 404.
 */
export async function authorizeConversation(db: Db, userId: string, conversationId: string, action: ConversationAction): Promise<ConversationAccess> {
  // Group chats carry nearly all traffic, so their one-query path goes first.
  const inGroup = await authorizeGroupConversation(db, userId, conversationId, action);
  if (inGroup) return { conversation: inGroup.conversation, displayName: inGroup.displayName, groupId: inGroup.group.id, room: rooms.groupContent(inGroup.group.id) };

  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1);
  if (!conversation?.scopeRefId || conversation.groupId) throw new AppError("not_found", NOT_FOUND);
  const contentAction = action === "post" ? "write" : action;
  const asNotFound = (error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", NOT_FOUND) : error;
  };
  let room: string;
  if (conversation.scope === CONVERSATION_SCOPES.gathering) {
    await authorizeGatheringContent(db, userId, conversation.scopeRefId, contentAction).catch(asNotFound);
    room = rooms.gathering(conversation.scopeRefId);
  } else if (conversation.scope === CONVERSATION_SCOPES.breakout) {
    await authorizeBreakout(db, userId, conversation.scopeRefId, contentAction).catch(asNotFound);
    room = rooms.breakout(conversation.scopeRefId);
  } else {
    throw new AppError("not_found", NOT_FOUND);
  }
  const [user] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return { conversation, displayName: user?.displayName ?? "", groupId: null, room };
}
