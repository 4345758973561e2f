import { describe, expect, it } from "vitest";
import { canChangeOwnMessage, findMentions, visibleBody } from "../../server/domain/chat";

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
