import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "../../server/db/errors";
import { AppError } from "../../server/domain/appError";
import { toAppError } from "../../server/http/errorHandler";
import { ERROR_CODES, ERROR_STATUS } from "../../shared/errors";

describe("error translation", () => {
  it("gives every error code an HTTP status in the 4xx/5xx range", () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it("maps body-parser failures to 400 and 413 without leaking their text", () => {
    expect(toAppError(Object.assign(new Error("Unexpected token"), { type: "entity.parse.failed" })).toBody()).toEqual({
      code: "validation_failed",
      message: "The request body is not valid JSON",
    });
    expect(toAppError(Object.assign(new Error("too large"), { type: "entity.too.large" })).status).toBe(413);
  });

  it("recognises an unreachable database through drizzle's wrapping", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Failed query: select 1"), { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(toAppError(wrapped).toBody().code).toBe("database_unavailable");
    expect(toAppError(wrapped).status).toBe(503);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
  });

  it("recognises unique violations by SQLSTATE, not by message", () => {
    expect(isUniqueViolation({ cause: { code: "23505" } })).toBe(true);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });

  it("turns anything unexpected into a generic 500 without its message", () => {
    const error = toAppError(new Error("secret internals at /srv/piiri/server.ts:12"));
    expect(error.toBody()).toEqual({ code: "internal_error", message: "Something went wrong on the server" });
    expect(toAppError(new AppError("not_found", "No such group")).status).toBe(404);
  });
});
