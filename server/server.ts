import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createApp } from "./app";
import type { Database } from "./db/database";
import type { ServerDeps } from "./deps";
import { createAuthRateLimiters } from "./http/rateLimit";
import { createRealtime, type Realtime } from "./realtime";

export interface PiiriServerOptions {
  database: Database;
  jwtSecret: string;
  logger: Logger;
  clientDistDir?: string;
  trustProxy?: boolean;
  publicUrl?: string;
}

export interface PiiriServer {
  httpServer: HttpServer;
  realtime: Realtime;
  /** Starts listening; resolves with the base URL, e.g. `http://127.0.0.1:41234`. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, closes sockets and waits for requests in flight. Does not close the database. */
  close(): Promise<void>;
}

/** Wires HTTP, Socket.IO and (later) the notes server around one database; knows nothing of env or signals. */
export function createPiiriServer(options: PiiriServerOptions): PiiriServer {
  // Socket.IO must attach after Express owns the request listener (it wraps the existing one), yet
  // routes need to reach the sockets; the notifier forwards to the realtime layer once it exists.
  let realtime: Realtime | undefined;
  const deps: ServerDeps = {
    database: options.database,
    jwtSecret: options.jwtSecret,
    logger: options.logger,
    limiters: createAuthRateLimiters(),
    clientDistDir: options.clientDistDir,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
    sessions: { sessionsEnded: (sessionIds) => realtime?.sessionsEnded(sessionIds) },
    live: {
      groupChanged: (groupId) => realtime!.live.groupChanged(groupId),
      membersChanged: (groupId) => realtime!.live.membersChanged(groupId),
      goalsChanged: (groupId) => realtime!.live.goalsChanged(groupId),
      memberJoined: (groupId, userId, contentAccess) => realtime!.live.memberJoined(groupId, userId, contentAccess),
      contentAccessGranted: (groupId, userId) => realtime!.live.contentAccessGranted(groupId, userId),
      memberLeft: (groupId, userId) => realtime!.live.memberLeft(groupId, userId),
    },
  };
  const httpServer = createServer(createApp(deps));
  realtime = createRealtime(httpServer, deps);

  return {
    httpServer,
    realtime,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost === "0.0.0.0" ? "localhost" : shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await realtime.close();
      httpServer.closeIdleConnections();
      await closed;
    },
  };
}
