import { describe, expect, it } from "vitest";
import { isTransientFailure, newClientId, Outbox, outboxKey, type OutboxEntry, type StorageLike } from "../../client/features/chat/outbox";

/** A stand-in for the browser's localStorage: the same three methods over a Map. */
function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function entry(clientId: string, conversationId = "c1", body = `viesti ${clientId}`): OutboxEntry {
  return { clientId, conversationId, body, createdAt: "2025-05-01T10:00:00.000Z" };
}

describe("chat outbox", () => {
  it("keeps unacknowledged messages across a reload (a new Outbox over the same storage)", () => {
    const storage = memoryStorage();
    const before = new Outbox(storage, "user-a");
    before.add(entry("1"));
    before.add(entry("2", "c2"));
    before.add({ ...entry("3"), parentId: "parent" });

    const afterReload = new Outbox(storage, "user-a");
    expect(afterReload.list().map((item) => item.clientId)).toEqual(["1", "2", "3"]);
    expect(afterReload.list("c1").map((item) => item.clientId)).toEqual(["1", "3"]);
    expect(afterReload.list("c1")[1]!.parentId).toBe("parent");
  });

  it("is kept per user, so another account on the same browser neither sees nor sends them", () => {
    const storage = memoryStorage();
    new Outbox(storage, "user-a").add(entry("1"));
    expect(new Outbox(storage, "user-b").list()).toEqual([]);
    expect(storage.map.has(outboxKey("user-a"))).toBe(true);
  });

  it("drops acknowledged entries, and adding the same clientId again does not double it", () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, "user-a");
    outbox.add(entry("1"));
    outbox.add(entry("1"));
    outbox.add(entry("2"));
    expect(outbox.list()).toHaveLength(2);
    outbox.remove(["1", "unknown"]);
    expect(outbox.list().map((item) => item.clientId)).toEqual(["2"]);
    outbox.remove(["2"]);
    expect(storage.map.size).toBe(0);
  });

  it("marks a refused entry as failed and clears the mark for a retry", () => {
    const outbox = new Outbox(memoryStorage(), "user-a");
    outbox.add(entry("1"));
    outbox.setFailed("1", "validation_failed");
    expect(outbox.list()[0]!.failed).toBe("validation_failed");
    outbox.setFailed("1", undefined);
    expect(outbox.list()[0]).not.toHaveProperty("failed");
  });

  it("survives garbage in storage and keeps working in memory when storage refuses writes", () => {
    const storage = memoryStorage();
    storage.setItem(outboxKey("user-a"), "{not json");
    expect(new Outbox(storage, "user-a").list()).toEqual([]);
    storage.setItem(outboxKey("user-a"), JSON.stringify([{ clientId: 5 }, entry("ok")]));
    expect(new Outbox(storage, "user-a").list().map((item) => item.clientId)).toEqual(["ok"]);

    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const outbox = new Outbox(full, "user-a");
    outbox.add(entry("1"));
    expect(outbox.list().map((item) => item.clientId)).toEqual(["1"]);
    expect(new Outbox(null, "user-a").list()).toEqual([]);
  });

  it("sees what another tab of the same user delivered", () => {
    const storage = memoryStorage();
    const tabOne = new Outbox(storage, "user-a");
    const tabTwo = new Outbox(storage, "user-a");
    tabOne.add(entry("1"));
    expect(tabTwo.list()).toHaveLength(1);
    tabTwo.remove(["1"]);
    expect(tabOne.list()).toEqual([]);
  });

  it("makes unique UUID client ids and retries only transient failures", () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClientId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isTransientFailure("rate_limited")).toBe(true);
    expect(isTransientFailure("network_error")).toBe(true);
    expect(isTransientFailure("validation_failed")).toBe(false);
    expect(isTransientFailure("forbidden")).toBe(false);
  });
});
