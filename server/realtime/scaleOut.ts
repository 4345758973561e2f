import { randomUUID } from "node:crypto";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import type { NoteRelay } from "./noteDocuments";

/**
 * What several server nodes on one database share through Redis: Socket.IO's rooms and emits (the
 * streams adapter, which also keeps connection-state recovery working across nodes) and the notes'
 * live Yjs updates. Everything else they share through the database already.
 */
export interface ScaleOut {
  /** Given to the Socket.IO server as its adapter. */
  socketAdapter: ReturnType<typeof createAdapter>;
  noteRelay: NoteRelay;
  close(): Promise<void>;
}

/** The separator between a note update's page id and its bytes; a page id is a uuid, so 36 bytes. */
const PAGE_ID_BYTES = 36;
const NODE_ID_BYTES = 36;

export async function connectScaleOut(url: string, logger: Logger, options: { prefix?: string } = {}): Promise<ScaleOut> {
  const prefix = options.prefix ?? "piiri";
  const publisher = createClient({ url });
  publisher.on("error", (error: unknown) => logger.warn({ err: error }, "redis connection error"));
  await publisher.connect();
  const subscriber = publisher.duplicate();
  subscriber.on("error", (error: unknown) => logger.warn({ err: error }, "redis subscriber error"));
  await subscriber.connect();

  const notesChannel = `${prefix}:notes`;
  // A node hears its own publications too; its id on each message lets it skip them.
  const nodeId = randomUUID();
  const listeners = new Set<(pageId: string, update: Uint8Array) => void>();
  await subscriber.subscribe(
    notesChannel,
    (message: Buffer) => {
      if (message.length <= NODE_ID_BYTES + PAGE_ID_BYTES) return;
      if (message.subarray(0, NODE_ID_BYTES).toString("latin1") === nodeId) return;
      const pageId = message.subarray(NODE_ID_BYTES, NODE_ID_BYTES + PAGE_ID_BYTES).toString("latin1");
      const update = new Uint8Array(message.subarray(NODE_ID_BYTES + PAGE_ID_BYTES));
      for (const listener of listeners) listener(pageId, update);
    },
    true,
  );

  const noteRelay: NoteRelay = {
    publish(pageId, update) {
      const message = Buffer.concat([Buffer.from(nodeId, "latin1"), Buffer.from(pageId, "latin1"), update]);
      publisher.publish(notesChannel, message).catch((error: unknown) => logger.warn({ err: error }, "publishing a note update failed"));
    },
    subscribe(onRemoteUpdate) {
      listeners.add(onRemoteUpdate);
      return () => listeners.delete(onRemoteUpdate);
    },
  };

  return {
    socketAdapter: createAdapter(publisher, { streamName: `${prefix}:socket.io`, channelPrefix: `${prefix}:socket.io`, sessionKeyPrefix: `${prefix}:sio:session:` }),
    noteRelay,
    async close() {
      listeners.clear();
      await subscriber.quit().catch(() => undefined);
      await publisher.quit().catch(() => undefined);
    },
  };
}
