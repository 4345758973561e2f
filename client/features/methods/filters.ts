import { MEETING, METHOD_CARD } from "../../../shared/limits";
import { METHOD_PHASES, type MethodPhase } from "../../../shared/schemas/meetings";
import type { MethodCardFilters } from "./methodsApi";

/** Durations offered by the "fits in" filter, in minutes. */
export const FIT_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90] as const;

function positiveInt(value: string | null, max: number): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= max ? number : undefined;
}

/**
 * The library's filters as the address bar holds them (so a filtered view can be bookmarked, shared
 * and returned to with Back). Anything unknown or out of range is ignored rather than sent.
 */
export function filtersFromSearch(params: URLSearchParams): MethodCardFilters {
  const phase = params.get("phase");
  const groupId = params.get("groupId");
  return {
    q: params.get("q")?.trim() || undefined,
    phase: phase && (METHOD_PHASES as readonly string[]).includes(phase) ? (phase as MethodPhase) : undefined,
    maxMinutes: positiveInt(params.get("maxMinutes"), MEETING.durationMaxMinutes),
    groupSize: positiveInt(params.get("groupSize"), METHOD_CARD.groupSizeMax),
    virtual: params.get("virtual") === "true" || undefined,
    favourites: params.get("favourites") === "true" || undefined,
    groupId: groupId && /^[0-9a-f-]{36}$/i.test(groupId) ? groupId : undefined,
  };
}
