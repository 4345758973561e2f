import { MessageSearchQuery, MessageSearchResults, UnreadList } from "../../shared/schemas/chat";
import { searchMessages, unreadStates } from "../commands/chat";
import type { ServerDeps } from "../deps";
import { defineRoute, type AnyRoute } from "../http/route";
import { errorResponses } from "./errorResponses";

/** Chat itself runs over Socket.IO (`message:*` events); these are the parts a page asks for once. */
export function chatRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  return [
    defineRoute({
      method: "get",
      path: "/api/conversations/unread",
      tag: "chat",
      summary: "Unread messages and mentions per conversation I take part in",
      auth: true,
      responses: { 200: { description: "Unread state", schema: UnreadList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ conversations: await unreadStates(db, auth.userId) });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/search/messages",
      tag: "chat",
      summary: "Search the messages of my groups (Finnish and English word forms)",
      auth: true,
      query: MessageSearchQuery,
      responses: { 200: { description: "Matches, newest first", schema: MessageSearchResults }, ...errorResponses(400, 401) },
      async handle({ auth, query, res }) {
        res.json({ results: await searchMessages(db, auth.userId, query.q, query.limit) });
      },
    }),
  ];
}
