import type { Logger } from "pino";
import type { Database } from "./db/database";
import type { AuthRateLimiters } from "./http/rateLimit";
import type { GroupLive } from "./realtime/groupLive";
import type { MeetingLive } from "./realtime/meetingLive";
import type { NoteDocuments } from "./realtime/noteDocuments";

/** Tells open connections that sessions have ended (implemented by the realtime layer). */
export interface SessionNotifier {
  sessionsEnded(sessionIds: string[]): void;
}

/** The shared notes as the HTTP layer sees them: live documents and pushes to open pages. */
export interface NotesService {
  documents: NoteDocuments;
  /** Pushes the notebook's page list to the group's open pages. */
  pagesChanged(groupId: string): Promise<void>;
  /** Closes the editors of a page that no longer exists. */
  pageDeleted(pageId: string): void;
  /** Open editors of these pages may now only read them (a gathering ended), or may write again (a round started). */
  setPagesReadOnly(pageIds: string[], readOnly: boolean): void;
  /** Closes one person's editors of these pages: they may no longer open them (moved to another room, say). */
  accessEnded(userId: string, pageIds: string[]): void;
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
  notes: NotesService;
  /** Pushes meeting lists, polls and live rooms; knows who is in a room. */
  meetings: MeetingLive;
  /** Base URL for links the server hands out (invitations), e.g. `http://localhost:3000`. */
  publicUrl: string | undefined;
  clientDistDir: string | undefined;
  trustProxy: boolean;
}
