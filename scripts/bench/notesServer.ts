/**
 * One notes server for the bench, in a child process of its own: `notesServer.ts piiri <readers>` (the
 * real Piiri server on an in-memory PGlite with a group, a page and one ticket per connection) or
 * `notesServer.ts plain` (@y/websocket-server's `setupWSConnection`, no auth, no persistence). It sends
 * `{ url, docName, tickets }` to the parent over IPC and stops on "stop".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { setupWSConnection } from "@y/websocket-server/utils";
import pino from "pino";
import { WebSocketServer } from "ws";
import { issueTicket } from "../../server/commands/notes";
import { openDatabase } from "../../server/db/database";
import { createPiiriServer } from "../../server/server";

export interface NotesServerReady {
  url: string;
  docName: string;
  /** One single-use ticket per connection the runner will open (empty for the plain server). */
  tickets: string[];
}

const JWT_SECRET = "bench-secret-used-only-by-npm-run-bench-0123456789";

async function startPiiri(connections: number): Promise<{ ready: NotesServerReady; close(): Promise<void> }> {
  const client = new PGlite();
  const database = await openDatabase({ kind: "pglite-instance", client });
  const people = await client.query<{ user_id: string; session_id: string }>(
    `with created as (
       insert into users (email, password_hash, display_name)
       select 'notes-bench-' || g || '@example.test', 'unused', 'Kirjoittaja ' || g from generate_series(1, $1::int) g
       returning id)
     insert into auth_sessions (user_id, user_agent) select id, 'piiri-bench' from created returning user_id, id as session_id`,
    [connections],
  );
  const group = await client.query<{ id: string }>(
    `insert into groups (name, kind, phase, agreement, capacity) values ('Bench', 'peer_mentoring', 'active', '-', 1000) returning id`,
  );
  const groupId = group.rows[0]!.id;
  await client.query(
    `insert into memberships (group_id, user_id, role, agreement_accepted_at)
     select $1, id, 'member', now() from users`,
    [groupId],
  );
  const page = await client.query<{ id: string }>(`insert into note_pages (group_id, title, position) values ($1, 'Bench', 0) returning id`, [groupId]);
  const pageId = page.rows[0]!.id;
  const tickets: string[] = [];
  let docName = "";
  for (const person of people.rows) {
    const issued = await issueTicket(database.db, person.user_id, person.session_id, pageId);
    tickets.push(issued.ticket);
    docName = issued.docName;
  }
  const server = createPiiriServer({ database, jwtSecret: JWT_SECRET, logger: pino({ level: "silent" }) });
  const url = await server.listen(0);
  return {
    ready: { url, docName, tickets },
    async close() {
      await server.close();
      await database.close();
    },
  };
}

async function startPlain(): Promise<{ ready: NotesServerReady; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  const httpServer = createServer((_request, response) => response.end("ok"));
  httpServer.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    ready: { url, docName: "bench-doc", tickets: [] },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const [kind, connections] = process.argv.slice(2);
  const running = kind === "piiri" ? await startPiiri(Number(connections)) : await startPlain();
  process.send?.(running.ready);
  process.on("message", (message) => {
    if (message === "stop") void running.close().then(() => process.exit(0));
  });
}

void main();
