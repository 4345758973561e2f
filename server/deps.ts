import type { Logger } from "pino";
import type { Database } from "./db/database";
import type { AuthRateLimiters } from "./http/rateLimit";
import type { GroupLive } from "./realtime/groupLive";

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
  /** Pushes group changes to members' open pages. */
  live: GroupLive;
  /** Base URL for links the server hands out (invitations), e.g. `http://localhost:3000`. */
  publicUrl: string | undefined;
  clientDistDir: string | undefined;
  trustProxy: boolean;
}
