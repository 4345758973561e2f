import type { NextFunction, Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { AppError } from "../domain/appError";
import type { AuthContext } from "./authenticate";

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
}

export interface RouteInput<P, Q, B, A extends boolean> {
  params: P;
  query: Q;
  body: B;
  auth: A extends true ? AuthContext : AuthContext | undefined;
  req: Request;
  res: Response;
}

/**
 * One declaration per endpoint: the same zod schemas validate the request at the edge and describe the
 * endpoint in the OpenAPI document, so the two cannot drift apart.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown, A extends boolean = boolean> {
  method: Method;
  /** Express-style path, e.g. `/api/auth/sessions/:sessionId`. */
  path: string;
  summary: string;
  tag: string;
  /** Whether a valid access token is required. */
  auth: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Middleware that runs before validation, e.g. rate limits. */
  before?: RequestHandler[];
  responses: Record<number, ResponseSpec>;
  handle(input: RouteInput<P, Q, B, A>): Promise<void>;
}

/** Any route, for lists of them; `handle` is a method, so specs with narrower inputs fit here. */
export type AnyRoute = RouteSpec<unknown, unknown, unknown, boolean>;

export function defineRoute<P = undefined, Q = undefined, B = undefined, const A extends boolean = boolean>(
  spec: RouteSpec<P, Q, B, A>,
): RouteSpec<P, Q, B, A> {
  return spec;
}

function parseOrThrow<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (where === "body" && value === undefined) {
    throw new AppError("validation_failed", "Expected a JSON body (Content-Type: application/json)");
  }
  throw new AppError(
    "validation_failed",
    `Invalid ${where}`,
    parsed.error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join("."), message: issue.message })),
  );
}

export function mountRoutes(
  router: Router,
  routes: AnyRoute[],
  authenticate: RequestHandler,
): void {
  for (const route of routes) {
    const chain: RequestHandler[] = [...(route.before ?? [])];
    if (route.auth) chain.push(authenticate);
    chain.push(async (req: Request, res: Response, _next: NextFunction) => {
      const input = {
        params: parseOrThrow(route.params, req.params, "params"),
        query: parseOrThrow(route.query, req.query, "query"),
        body: parseOrThrow(route.body, req.body, "body"),
        auth: res.locals["auth"] as AuthContext | undefined,
        req,
        res,
      };
      await route.handle(input);
    });
    router[route.method](route.path, ...chain);
  }
}
