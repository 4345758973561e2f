/**
 * Messages written but not yet acknowledged by the server, kept in localStorage per user so that
 * nothing typed is lost to a dropped connection or a page reload. Each entry keeps the clientId it was
 * first sent with: the server stores a clientId once, so resending an entry can never double it.
 *
 * Storage is read on every call rather than cached, so two tabs of the same user see one outbox.
 */

/** The part of the Web Storage API the outbox uses; a test passes a small object with these methods. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  body: string;
  parentId?: string;
  /** When it was written, ISO; shown while it waits. */
  createdAt: string;
  /** A stable error code when the server refused it for good (too long, no longer a member, ...). */
  failed?: string;
}

export function outboxKey(userId: string): string {
  return `piiri-chat-outbox:${userId}`;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry["clientId"] === "string" &&
    typeof entry["conversationId"] === "string" &&
    typeof entry["body"] === "string" &&
    typeof entry["createdAt"] === "string" &&
    (entry["parentId"] === undefined || typeof entry["parentId"] === "string") &&
    (entry["failed"] === undefined || typeof entry["failed"] === "string")
  );
}

/** A random id for a new message; falls back to getRandomValues where randomUUID is missing. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class Outbox {
  /** Used only when storage is missing or refuses writes (private mode, quota): then this visit still works. */
  private memory: OutboxEntry[] = [];
  private storageFailed = false;
  private readonly key: string;

  constructor(
    private readonly storage: StorageLike | null,
    userId: string,
  ) {
    this.key = outboxKey(userId);
  }

  private read(): OutboxEntry[] {
    if (!this.storage || this.storageFailed) return this.memory;
    try {
      const raw = this.storage.getItem(this.key);
      if (!raw) return [];
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return this.memory;
    }
  }

  private write(entries: OutboxEntry[]): void {
    this.memory = entries;
    if (!this.storage) return;
    try {
      if (entries.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(entries));
    } catch {
      this.storageFailed = true;
      // Kept in memory: the message still goes out on this visit, it just would not survive a reload.
    }
  }

  /** Waiting entries, oldest first; only one conversation's when given. */
  list(conversationId?: string): OutboxEntry[] {
    const entries = this.read();
    return conversationId ? entries.filter((entry) => entry.conversationId === conversationId) : entries;
  }

  add(entry: OutboxEntry): void {
    const entries = this.read().filter((existing) => existing.clientId !== entry.clientId);
    this.write([...entries, entry]);
  }

  /** Drops entries the server has acknowledged (or the user discarded). */
  remove(clientIds: Iterable<string>): void {
    const drop = new Set(clientIds);
    if (drop.size === 0) return;
    const entries = this.read();
    const kept = entries.filter((entry) => !drop.has(entry.clientId));
    if (kept.length !== entries.length) this.write(kept);
  }

  /** Marks an entry refused for good (or clears the mark to try again). */
  setFailed(clientId: string, code: string | undefined): void {
    this.write(
      this.read().map((entry) => {
        if (entry.clientId !== clientId) return entry;
        const { failed: _previous, ...rest } = entry;
        return code ? { ...rest, failed: code } : rest;
      }),
    );
  }
}

/** The browser's localStorage, or null where it is blocked. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Error codes after which a resend can succeed; anything else is final and shown to the writer. */
const TRANSIENT_CODES = new Set(["rate_limited", "database_unavailable", "internal_error", "network_error", "timeout"]);

export function isTransientFailure(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}
