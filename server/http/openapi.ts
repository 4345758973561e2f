import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { AnyRoute } from "./route";

/** Express `:param` → OpenAPI `{param}`. */
function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** Builds the OpenAPI 3.1 document from the very route specs the server mounts. */
export function buildOpenApiDocument(routes: AnyRoute[], version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) => [
        status,
        response.schema
          ? { description: response.description, content: { "application/json": { schema: response.schema } } }
          : { description: response.description },
      ]),
    ) as ZodOpenApiOperationObject["responses"];
    const operation: ZodOpenApiOperationObject = {
      summary: route.summary,
      tags: [route.tag],
      responses,
      ...(route.auth ? { security: [{ bearerAuth: [] }] } : {}),
      ...(route.params || route.query
        ? {
            requestParams: {
              ...(route.params ? { path: route.params as never } : {}),
              ...(route.query ? { query: route.query as never } : {}),
            },
          }
        : {}),
      ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    };
    const key = openApiPath(route.path);
    paths[key] = { ...paths[key], [route.method]: operation };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Piiri API",
      version,
      description:
        "Peer-group mentoring. Errors are always `{ error: { code, message } }`. Realtime events use Socket.IO on the default path, authenticated with `auth: { token }`.",
    },
    components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  });
}
