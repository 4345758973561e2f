import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "../db/errors";
import { AppError } from "../domain/appError";

/** Translates anything thrown on the HTTP path into `{ error: { code, message } }`, never a stack trace. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const bodyParserType = (error as { type?: unknown }).type;
  if (bodyParserType === "entity.too.large") return new AppError("payload_too_large", "The request body is too large");
  if (bodyParserType === "entity.parse.failed") return new AppError("validation_failed", "The request body is not valid JSON");
  if (typeof bodyParserType === "string" && bodyParserType.startsWith("encoding.") || bodyParserType === "charset.unsupported") {
    return new AppError("validation_failed", "The request body encoding is not supported");
  }
  if (isDatabaseUnavailable(error)) return new AppError("database_unavailable", "The database is unavailable; try again shortly");
  return new AppError("internal_error", "Something went wrong on the server");
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = toAppError(error);
    if (appError.code === "internal_error") logger.error({ err: error }, "unhandled error");
    else if (appError.code === "database_unavailable") logger.warn({ err: error }, "database unavailable");
    if (res.headersSent) return;
    res.status(appError.status).json({ error: appError.toBody() });
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `No such endpoint: ${req.method} ${req.path}`));
};
