import { existsSync } from "node:fs";
import path from "node:path";
import cookieParser from "cookie-parser";
import express, { Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { REQUEST_BODY_MAX_BYTES } from "../shared/limits";
import type { ServerDeps } from "./deps";
import { bearerAuthentication } from "./http/authenticate";
import { apiNotFound, errorHandler } from "./http/errorHandler";
import { buildOpenApiDocument } from "./http/openapi";
import { mountRoutes, type AnyRoute } from "./http/route";
import { assessmentRoutes } from "./routes/assessments";
import { authRoutes } from "./routes/auth";
import { healthRoutes } from "./routes/health";
import { chatRoutes } from "./routes/chat";
import { goalRoutes } from "./routes/goals";
import { groupRoutes } from "./routes/groups";
import { invitationRoutes } from "./routes/invitations";
import { noteRoutes } from "./routes/notes";
import { meRoutes } from "./routes/me";
import { gatheringRoutes } from "./routes/gatherings";
import { meetingRoutes } from "./routes/meetings";
import { methodCardRoutes } from "./routes/methodCards";
import { programmeRoutes } from "./routes/programmes";

export const API_VERSION = "0.1.0";

export function allRoutes(deps: ServerDeps): AnyRoute[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...meRoutes(deps),
    ...programmeRoutes(deps),
    ...groupRoutes(deps),
    ...goalRoutes(deps),
    ...invitationRoutes(deps),
    ...chatRoutes(deps),
    ...noteRoutes(deps),
    ...assessmentRoutes(deps),
    ...methodCardRoutes(deps),
    ...meetingRoutes(deps),
    ...gatheringRoutes(deps),
  ];
}

/** The Express application, without listening, so tests and the composition root can mount it. */
export function createApp(deps: ServerDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          // Served over plain HTTP on localhost too; the reverse proxy in front decides about HTTPS.
          "upgrade-insecure-requests": null,
        },
      },
    }),
  );
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => req.url === "/api/health" } }));

  const routes = allRoutes(deps);
  const api = Router();
  api.use(express.json({ limit: REQUEST_BODY_MAX_BYTES }));
  api.use(cookieParser());
  mountRoutes(api, routes, bearerAuthentication(deps.database.db, deps.jwtSecret));
  const openApiDocument = buildOpenApiDocument(routes, API_VERSION);
  api.get("/api/openapi.json", (_req, res) => {
    res.json(openApiDocument);
  });
  api.use("/api", apiNotFound);
  app.use(api);

  if (deps.clientDistDir && existsSync(path.join(deps.clientDistDir, "index.html"))) {
    const distDir = deps.clientDistDir;
    app.use(express.static(distDir, { index: false, maxAge: "1h" }));
    // The client routes in the browser; every other GET gets the app shell.
    app.get("/{*splat}", (_req, res) => {
      res.sendFile(path.join(distDir, "index.html"), { headers: { "Cache-Control": "no-cache" } });
    });
  }

  app.use(errorHandler(deps.logger));
  return app;
}
