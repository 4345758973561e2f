import type { ErrorBody } from "./errors";

/** The answer to every socket acknowledgement. */
export type Result<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
