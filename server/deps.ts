import type { Logger } from "pino";
import type { Database } from "./db/database";
import type { AuthRateLimiters } from "./http/rateLimit";

/** Tells open connections that sessions have ended (implemented by the realtime layer). */
export interface SessionNotifier {
  sessionsEnded(sessionIds: string[]): void;
}

/** Everything the HTTP and realtime layers need, injected by the composition root (or a test). */
export interface ServerDeps {
  database: Database;
  jwtSecret: string;
  logger: Logger;
  limiters: AuthRateLimiters;
  sessions: SessionNotifier;
  clientDistDir: string | undefined;
  trustProxy: boolean;
}
