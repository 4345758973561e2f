import type { z } from "zod";
import type { CreateMethodCardInput, MethodPhase } from "../../../shared/schemas/meetings";
import { request, requestNoContent } from "../../lib/api";

/**
 * The meeting schemas load with the first method card or scheduling request rather than with the app:
 * only the pages that show them need them.
 */
type MeetingSchemas = typeof import("../../../shared/schemas/meetings");
let loading: Promise<MeetingSchemas> | null = null;
export function meetingSchemas(): Promise<MeetingSchemas> {
  loading ??= import("../../../shared/schemas/meetings");
  return loading;
}

/** Calls the API and parses the answer with one of the meeting schemas. */
export async function fetchMeetingParsed<T>(
  path: string,
  pick: (schemas: MeetingSchemas) => z.ZodType<T>,
  options: { method?: "GET" | "POST" | "PUT" | "PATCH"; body?: unknown } = {},
): Promise<T> {
  const schemas = await meetingSchemas();
  return request(path, () => pick(schemas), options);
}

/** What the library is filtered by; absent fields do not filter. */
export interface MethodCardFilters {
  q?: string;
  phase?: MethodPhase;
  maxMinutes?: number;
  groupSize?: number;
  virtual?: boolean;
  favourites?: boolean;
  /** Also list this group's own cards and its programme's. */
  groupId?: string;
}

/** The query string for the filters, in a stable order so equal filters make equal cache keys. */
export function methodCardQuery(filters: MethodCardFilters): string {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.phase) query.set("phase", filters.phase);
  if (filters.maxMinutes) query.set("maxMinutes", String(filters.maxMinutes));
  if (filters.groupSize) query.set("groupSize", String(filters.groupSize));
  if (filters.virtual) query.set("virtual", "true");
  if (filters.favourites) query.set("favourites", "true");
  if (filters.groupId) query.set("groupId", filters.groupId);
  return query.toString();
}

const seg = encodeURIComponent;
const cardPath = (cardId: string) => `/api/method-cards/${seg(cardId)}`;

export const methodsApi = {
  list: (filters: MethodCardFilters) => {
    const query = methodCardQuery(filters);
    return fetchMeetingParsed(`/api/method-cards${query ? `?${query}` : ""}`, (s) => s.MethodCardList);
  },
  get: (cardId: string) => fetchMeetingParsed(cardPath(cardId), (s) => s.MethodCardResponse),
  create: (input: CreateMethodCardInput) => fetchMeetingParsed("/api/method-cards", (s) => s.MethodCardResponse, { method: "POST", body: input }),
  remove: (cardId: string) => requestNoContent(cardPath(cardId), { method: "DELETE" }),
  setFavourite: (cardId: string, favourite: boolean) =>
    fetchMeetingParsed(`${cardPath(cardId)}/favourite`, (s) => s.MethodCardResponse, { method: "PUT", body: { favourite } }),
};
