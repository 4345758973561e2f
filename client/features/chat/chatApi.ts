import type { TFunction } from "i18next";
import type { ClientToServerEvents } from "../../../shared/events";
import { isErrorCode } from "../../../shared/errors";
import { ApiError, request } from "../../lib/api";
import { errorMessage } from "../../lib/i18n";
import type { PiiriSocket } from "../../lib/socket";

/**
 * The chat's REST calls, parsed with the shared schemas. The chat schemas load with the chat rather
 * than with the first page.
 */
const chatSchemas = () => import("../../../shared/schemas/chat");

export const chatApi = {
  async unread() {
    const schemas = await chatSchemas();
    return request("/api/conversations/unread", () => schemas.UnreadList);
  },
  async search(query: string, limit = 20) {
    const schemas = await chatSchemas();
    const params = new URLSearchParams({ q: query, limit: String(limit) });
    return request(`/api/search/messages?${params}`, () => schemas.MessageSearchResults);
  },
};

export const chatKeys = {
  unread: ["chat", "unread"] as const,
  search: (query: string) => ["chat", "search", query] as const,
  /** A group's detail, shared with the group page: `["group", groupId]`. */
  group: (groupId: string) => ["group", groupId] as const,
};

/** How long an acknowledgement may take before the message counts as not yet delivered. */
export const ACK_TIMEOUT_MS = 10_000;

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckResult<E extends EventName> = Parameters<Extract<Parameters<ClientToServerEvents[E]>[1], (...args: never[]) => void>>[0];
type Success<E extends EventName> = Extract<AckResult<E>, { ok: true }>;

/**
 * Emits an event and resolves with its successful answer. A refusal becomes an `ApiError` with the
 * server's code, and a missing answer one with `network_error`, so both read like REST failures.
 */
export async function emitWithAck<E extends Exclude<EventName, "typing:set" | "me:get">>(socket: PiiriSocket, event: E, payload: PayloadOf<E>): Promise<Success<E>> {
  let result: AckResult<E>;
  try {
    // socket.io's types cannot follow a generic event name through emitWithAck's overloads.
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    const emit = timed.emitWithAck as (event: E, payload: PayloadOf<E>) => Promise<AckResult<E>>;
    result = await emit.call(timed, event, payload);
  } catch {
    throw new ApiError("network_error", "No answer from the server", 0);
  }
  if (!result.ok) {
    const code = isErrorCode(result.error.code) ? result.error.code : "internal_error";
    throw new ApiError(code, result.error.message, 0);
  }
  return result as Success<E>;
}

/** A translated message for a chat failure; chat-specific wording where the general one would be vague. */
export function chatErrorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : typeof error === "string" ? error : "internal_error";
  const specific = `chat.errors.${code}`;
  const text = t(specific, { defaultValue: "" });
  if (text) return text;
  return error instanceof ApiError ? errorMessage(t, error) : errorMessage(t, new ApiError(isErrorCode(code) ? code : "internal_error", code, 0));
}
