import { eq, and } from "drizzle-orm";
import {
  CreateMethodCardInput,
  FavouriteInput,
  MethodCardList,
  MethodCardParams,
  MethodCardQuery,
  MethodCardResponse,
  type LocalizedCardText,
} from "../../shared/schemas/meetings";
import { isFavourite, listMethodCards, presentMethodCard } from "../db/meetingQueries";
import { methodCardFavourites, methodCards } from "../db/schema";
import type { ServerDeps } from "../deps";
import { defineRoute, type AnyRoute } from "../http/route";
import { authorizeGroup } from "../policies/groups";
import { authorizeMethodCard, authorizeMethodCardOwner } from "../policies/meetings";
import { errorResponses } from "./errorResponses";

/** A group's or programme's own card is written in one language; it reads the same in all three. */
const everyLanguage = (text: string): LocalizedCardText => ({ fi: text, sv: text, en: text });

export function methodCardRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "method cards";

  return [
    defineRoute({
      method: "get",
      path: "/api/method-cards",
      tag,
      summary: "Facilitation method cards: built-in ones, plus a group's and its programme's own with groupId; search and filter",
      auth: true,
      query: MethodCardQuery,
      responses: { 200: { description: "Cards", schema: MethodCardList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, query, res }) {
        const programmeId = query.groupId ? (await authorizeGroup(db, auth.userId, query.groupId, "viewContent")).group.programmeId : null;
        res.json({ cards: await listMethodCards(db, auth.userId, query, programmeId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/method-cards/:cardId",
      tag,
      summary: "One method card",
      auth: true,
      params: MethodCardParams,
      responses: { 200: { description: "Card", schema: MethodCardResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const card = await authorizeMethodCard(db, auth.userId, params.cardId, "view");
        res.json({ card: presentMethodCard(card, await isFavourite(db, auth.userId, card.id)) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/method-cards",
      tag,
      summary: "Add a group's own card (its facilitators) or a programme's (its coordinators)",
      auth: true,
      body: CreateMethodCardInput,
      responses: { 201: { description: "Card", schema: MethodCardResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, body, res }) {
        await authorizeMethodCardOwner(db, auth.userId, body);
        const [card] = await db
          .insert(methodCards)
          .values({
            groupId: body.groupId ?? null,
            programmeId: body.programmeId ?? null,
            phase: body.phase,
            title: everyLanguage(body.title),
            purpose: everyLanguage(body.purpose),
            whenToUse: everyLanguage(body.whenToUse),
            groupSizeMin: body.groupSize.min,
            groupSizeMax: body.groupSize.max,
            durationMin: body.durationMinutes.min,
            durationMax: body.durationMinutes.max,
            virtualFriendly: body.virtualFriendly,
            steps: body.steps.map((step) => ({ minutes: step.minutes, text: everyLanguage(step.text) })),
            virtualTips: everyLanguage(body.virtualTips),
            materials: everyLanguage(body.materials),
            createdBy: auth.userId,
          })
          .returning();
        res.status(201).json({ card: presentMethodCard(card!, false) });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/method-cards/:cardId",
      tag,
      summary: "Remove a group's or programme's own card (agendas keep their blocks without it)",
      auth: true,
      params: MethodCardParams,
      responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeMethodCard(db, auth.userId, params.cardId, "delete");
        await db.delete(methodCards).where(eq(methodCards.id, params.cardId));
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/method-cards/:cardId/favourite",
      tag,
      summary: "Mark or unmark a card as my favourite",
      auth: true,
      params: MethodCardParams,
      body: FavouriteInput,
      responses: { 200: { description: "Card", schema: MethodCardResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, res }) {
        const card = await authorizeMethodCard(db, auth.userId, params.cardId, "view");
        if (body.favourite) await db.insert(methodCardFavourites).values({ userId: auth.userId, cardId: card.id }).onConflictDoNothing();
        else await db.delete(methodCardFavourites).where(and(eq(methodCardFavourites.userId, auth.userId), eq(methodCardFavourites.cardId, card.id)));
        res.json({ card: presentMethodCard(card, body.favourite) });
      },
    }),
  ];
}
