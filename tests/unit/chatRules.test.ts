import { describe, expect, it } from "vitest";
import { canChangeOwnMessage, findMentions, visibleBody } from "../../server/domain/chat";
import { createKeyedQueue } from "../../server/realtime/chat";

const members = [
  { userId: "aino", displayName: "Aino" },
  { userId: "aino-a", displayName: "Aino Aaltonen" },
  { userId: "mikko", displayName: "Mikko Mäkinen" },
];

describe("mentions", () => {
  it("finds members mentioned by @name, preferring the longest name", () => {
    expect(findMentions("Kiitos @Aino Aaltonen ja @mikko mäkinen!", members).sort()).toEqual(["aino-a", "mikko"]);
    expect(findMentions("@Aino, tuletko?", members)).toEqual(["aino"]);
  });

  it("ignores names that continue as a longer word and plain text without @", () => {
    expect(findMentions("@Ainoastaan tänään", members)).toEqual([]);
    expect(findMentions("Aino Aaltonen kirjoitti", members)).toEqual([]);
    expect(findMentions("sähköposti aino@example.fi", members)).toEqual([]);
  });
});

describe("changing messages", () => {
  const message = { authorId: "aino", deletedAt: null, hiddenAt: null, body: "Hei" };
  it("lets only the author change a message that is still shown", () => {
    expect(canChangeOwnMessage(message, "aino")).toBe(true);
    expect(canChangeOwnMessage(message, "mikko")).toBe(false);
    expect(canChangeOwnMessage({ ...message, deletedAt: new Date() }, "aino")).toBe(false);
    expect(canChangeOwnMessage({ ...message, hiddenAt: new Date() }, "aino")).toBe(false);
  });

  it("shows no text for deleted or hidden messages", () => {
    expect(visibleBody(message)).toBe("Hei");
    expect(visibleBody({ ...message, deletedAt: new Date() })).toBe("");
    expect(visibleBody({ ...message, hiddenAt: new Date() })).toBe("");
  });
});

describe("per-conversation send order", () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  }

  it("runs tasks of one conversation one after another, in arrival order, even when an earlier one is slower", async () => {
    const inOrder = createKeyedQueue();
    const log: string[] = [];
    const slow = deferred();
    const first = inOrder("a", async () => {
      await slow.promise;
      log.push("first");
      return 1;
    });
    const second = inOrder("a", async () => {
      log.push("second");
      return 2;
    });
    const elsewhere = await inOrder("b", async () => {
      log.push("other conversation");
      return 3;
    });
    // Another conversation does not wait for this one.
    expect(elsewhere).toBe(3);
    expect(log).toEqual(["other conversation"]);
    slow.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(["other conversation", "first", "second"]);
  });

  it("passes a failure to its own caller and carries on with the next task", async () => {
    const inOrder = createKeyedQueue();
    const failed = inOrder("a", async () => {
      throw new Error("database unavailable");
    });
    const next = inOrder("a", async () => "sent");
    await expect(failed).rejects.toThrow("database unavailable");
    expect(await next).toBe("sent");
  });
});
