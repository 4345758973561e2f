import type { Logger } from "pino";
import type { z } from "zod";
import type { Result } from "../../shared/result";
import { AppError } from "../domain/appError";
import { toAppError } from "../http/errorHandler";

/** Parses a socket payload with its shared schema, or throws `validation_failed` with the problems. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "validation_failed",
    "Invalid event payload",
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

/**
 * Wraps a socket handler: parses the payload with its shared schema, runs it, and always answers the
 * ack with a Result — a malformed payload or a thrown rule becomes `{ ok: false, error }`, never a crash.
 *
 * The ack is whatever function comes last: a client that emits the event with no payload at all
 * (`emit("message:send", ack)`) still gets its `validation_failed` answer instead of waiting forever.
 * An event without any ack is ignored, since nobody could learn the outcome.
 */
export function handleWithAck<S extends z.ZodType, T extends object>(
  schema: S,
  run: (payload: z.infer<S>) => Promise<T>,
  logger?: Logger,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const answer = ack as (result: Result<T>) => void;
    const payload = args.length >= 2 ? args[0] : undefined;
    try {
      answer({ ok: true, ...(await run(parsePayload(schema, payload))) });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "internal_error") logger?.error({ err: error }, "socket handler failed");
      answer({ ok: false, error: appError.toBody() });
    }
  };
}
