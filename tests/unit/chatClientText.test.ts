import { describe, expect, it } from "vitest";
import { highlightParts, linkify, safeHref } from "../../client/features/chat/linkify";
import { completeMention, mentionQueryAt, splitMentions, suggestMembers } from "../../client/features/chat/mentions";

describe("links in messages", () => {
  it("turns http and https addresses into links and leaves the rest as text", () => {
    expect(linkify("Katso https://verme.fi/opas ja http://esim.fi.")).toEqual([
      { kind: "text", text: "Katso " },
      { kind: "link", text: "https://verme.fi/opas", href: "https://verme.fi/opas" },
      { kind: "text", text: " ja " },
      { kind: "link", text: "http://esim.fi", href: "http://esim.fi/" },
      { kind: "text", text: "." },
    ]);
  });

  it("never links other schemes and keeps markup as plain text", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "<a href=x>klikkaa</a>", "ftp://files.fi"]) {
      expect(linkify(text)).toEqual([{ kind: "text", text }]);
    }
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("https://ok.fi")).toBe("https://ok.fi/");
  });

  it("trims sentence punctuation and unbalanced closing brackets but keeps balanced ones", () => {
    expect(linkify("(ks. https://fi.wikipedia.org/wiki/Mentorointi)")[1]).toMatchObject({ text: "https://fi.wikipedia.org/wiki/Mentorointi" });
    expect(linkify("https://en.wikipedia.org/wiki/Foo_(bar)!")[0]).toMatchObject({ text: "https://en.wikipedia.org/wiki/Foo_(bar)" });
    expect(linkify("https://a.fi/?q=1&x=2, kiitos")[0]).toMatchObject({ href: "https://a.fi/?q=1&x=2" });
  });

  it("does not stop a link at an escaped quote or let one break out of the href", () => {
    const [part] = linkify('https://a.fi/"onmouseover="x');
    expect(part).toEqual({ kind: "link", text: "https://a.fi/", href: "https://a.fi/" });
  });
});

describe("search highlights", () => {
  it("splits « » marked matches into highlighted parts", () => {
    expect(highlightParts("Hyvä «tapaaminen» eilen ja «tapaamisen» jälkeen")).toEqual([
      { text: "Hyvä ", highlighted: false },
      { text: "tapaaminen", highlighted: true },
      { text: " eilen ja ", highlighted: false },
      { text: "tapaamisen", highlighted: true },
      { text: " jälkeen", highlighted: false },
    ]);
    expect(highlightParts("ei osumaa «kesken")).toEqual([{ text: "ei osumaa «kesken", highlighted: false }]);
  });
});

const members = [
  { userId: "aino", displayName: "Aino" },
  { userId: "aino-a", displayName: "Aino Aaltonen" },
  { userId: "mikko", displayName: "Mikko Mäkinen" },
  { userId: "aarne", displayName: "Ärje Öhman" },
];

describe("mention autocomplete", () => {
  it("finds the mention being typed at the caret", () => {
    expect(mentionQueryAt("Hei @Ai", 7)).toEqual({ start: 4, query: "Ai" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("aino@example.fi", 15)).toBeNull();
    expect(mentionQueryAt("@Aino\nmuuta", 11)).toBeNull();
    expect(mentionQueryAt("ei mitään", 9)).toBeNull();
  });

  it("suggests members by name or word start, leaving out the writer", () => {
    expect(suggestMembers(members, "ai").map((member) => member.userId)).toEqual(["aino", "aino-a"]);
    expect(suggestMembers(members, "mäk").map((member) => member.userId)).toEqual(["mikko"]);
    expect(suggestMembers(members, "arje").map((member) => member.userId)).toEqual(["aarne"]);
    expect(suggestMembers(members, "", "aino")).toHaveLength(3);
    expect(suggestMembers(members, "Aino Aaltonen kiitos")).toEqual([]);
  });

  it("completes the typed query to the full name and puts the caret after it", () => {
    expect(completeMention("Hei @ai mitä kuuluu", 4, 7, "Aino Aaltonen")).toEqual({ text: "Hei @Aino Aaltonen mitä kuuluu", caret: 19 });
  });

  it("marks mentions in a message, preferring the longest name, like the server", () => {
    expect(splitMentions("Kiitos @Aino Aaltonen ja @aino!", members)).toEqual([
      { kind: "text", text: "Kiitos " },
      { kind: "mention", text: "@Aino Aaltonen", userId: "aino-a" },
      { kind: "text", text: " ja " },
      { kind: "mention", text: "@aino", userId: "aino" },
      { kind: "text", text: "!" },
    ]);
    expect(splitMentions("@Ainoastaan", members)).toEqual([{ kind: "text", text: "@Ainoastaan" }]);
    expect(splitMentions("aino@example.fi", members)).toEqual([{ kind: "text", text: "aino@example.fi" }]);
  });
});
