import type { z } from "zod";
import type { CreateGatheringInput, RsvpAnswer, UpdateGatheringInput } from "../../../shared/schemas/gatherings";
import { request, requestFile, requestNoContent } from "../../lib/api";

/** The gathering schemas load with the first gathering request: only the pages that show gatherings need them. */
type GatheringSchemas = typeof import("../../../shared/schemas/gatherings");
let loading: Promise<GatheringSchemas> | null = null;
function gatheringSchemas(): Promise<GatheringSchemas> {
  loading ??= import("../../../shared/schemas/gatherings");
  return loading;
}

async function fetchGatheringParsed<T>(
  path: string,
  pick: (schemas: GatheringSchemas) => z.ZodType<T>,
  options: { method?: "GET" | "POST" | "PUT" | "PATCH"; body?: unknown } = {},
): Promise<T> {
  const schemas = await gatheringSchemas();
  return request(path, () => pick(schemas), options);
}

/** Query keys of the gathering views; everything sits under "gatherings". */
export const gatheringKeys = {
  all: ["gatherings"] as const,
  programme: (programmeId: string) => ["gatherings", "programme", programmeId] as const,
  mine: ["gatherings", "mine"] as const,
  /** Under `mine`, so whatever refreshes my coming gatherings refreshes the held ones too. */
  minePast: ["gatherings", "mine", "past"] as const,
  detail: (gatheringId: string) => ["gatherings", "detail", gatheringId] as const,
};

const seg = encodeURIComponent;
const gatheringPath = (gatheringId: string) => `/api/gatherings/${seg(gatheringId)}`;
const programmeGatherings = (programmeId: string) => `/api/programmes/${seg(programmeId)}/gatherings`;

/** Cross-group gatherings: organising them, answering whether I come, and the groups' learning digests. */
export const gatheringsApi = {
  forProgramme: (programmeId: string) => fetchGatheringParsed(programmeGatherings(programmeId), (s) => s.GatheringList),
  create: (programmeId: string, input: CreateGatheringInput) =>
    fetchGatheringParsed(programmeGatherings(programmeId), (s) => s.GatheringResponse, { method: "POST", body: input }),
  mine: () => fetchGatheringParsed("/api/me/gatherings", (s) => s.GatheringList),
  /** The gatherings I was invited to or hosted that were held, the latest first. */
  minePast: () => fetchGatheringParsed("/api/me/gatherings?when=past", (s) => s.GatheringList),
  get: (gatheringId: string) => fetchGatheringParsed(gatheringPath(gatheringId), (s) => s.GatheringResponse),
  update: (gatheringId: string, input: UpdateGatheringInput) =>
    fetchGatheringParsed(gatheringPath(gatheringId), (s) => s.GatheringResponse, { method: "PATCH", body: input }),
  rsvp: (gatheringId: string, answer: RsvpAnswer) =>
    fetchGatheringParsed(`${gatheringPath(gatheringId)}/rsvp`, (s) => s.GatheringResponse, { method: "PUT", body: { answer } }),
  publishDigest: (gatheringId: string, groupId: string, text: string) =>
    fetchGatheringParsed(`${gatheringPath(gatheringId)}/digests/${seg(groupId)}`, (s) => s.GatheringResponse, { method: "PUT", body: { text } }),
  withdrawDigest: (gatheringId: string, groupId: string) => requestNoContent(`${gatheringPath(gatheringId)}/digests/${seg(groupId)}`, { method: "DELETE" }),
  ics: (gatheringId: string) => requestFile(`${gatheringPath(gatheringId)}/ics`),
};
