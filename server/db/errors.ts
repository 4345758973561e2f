/** Walks an error's cause chain (drizzle wraps driver errors) looking for a PostgreSQL SQLSTATE. */
function sqlStates(error: unknown): string[] {
  const states: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") states.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return states;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlStates(error).includes("23505");
}

const UNREACHABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

/**
 * True when the database could not be reached at all (server down, connection lost, admin shutdown),
 * as opposed to a query that reached it and failed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_ERRNOS.has(code) || code.startsWith("08") || code === "57P01" || code === "57P03")) {
      return true;
    }
    const message = (current as { message?: unknown }).message;
    if (typeof message === "string" && /connection terminated|timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
