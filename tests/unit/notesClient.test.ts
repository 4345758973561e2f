import { describe, expect, it } from "vitest";
import { NOTE_CLOSE } from "../../shared/notes";
import type { NotePage } from "../../shared/schemas/notes";
import { ApiError } from "../../client/lib/api";
import { normaliseLinkHref } from "../../client/features/notes/links";
import { notesSocketUrl, reconnectDelay, stopReasonOfClose, stopReasonOfTicketError } from "../../client/features/notes/noteConnection";
import { fileNameFromDisposition } from "../../client/features/notes/notesApi";
import { inNotebookOrder, movePage, pageAfterRemoval } from "../../client/features/notes/pageOrder";
import { localStoreName } from "../../client/lib/localNotes";

function page(id: string, position: number, createdAt = "2026-01-01T10:00:00.000Z"): NotePage {
  return { id, groupId: "g", title: `Page ${id}`, position, createdBy: null, createdAt, updatedAt: createdAt };
}

const ids = (pages: NotePage[]) => pages.map((listed) => listed.id);

describe("notebook page order", () => {
  const pages = [page("c", 2), page("a", 0), page("b", 1)];

  it("lists pages by position, ties by creation time", () => {
    expect(ids(inNotebookOrder(pages))).toEqual(["a", "b", "c"]);
    expect(ids(inNotebookOrder([page("y", 0, "2026-01-02T00:00:00.000Z"), page("x", 0, "2026-01-01T00:00:00.000Z")]))).toEqual(["x", "y"]);
  });

  it("moves a page one place and renumbers positions from 0", () => {
    const up = movePage(pages, "c", -1);
    expect(up?.position).toBe(1);
    expect(ids(up!.pages)).toEqual(["a", "c", "b"]);
    expect(up!.pages.map((listed) => listed.position)).toEqual([0, 1, 2]);
    const down = movePage(pages, "a", 1);
    expect(ids(down!.pages)).toEqual(["b", "a", "c"]);
    expect(down?.position).toBe(1);
  });

  it("refuses moves past either end and of unknown pages", () => {
    expect(movePage(pages, "a", -1)).toBeNull();
    expect(movePage(pages, "c", 1)).toBeNull();
    expect(movePage(pages, "nope", 1)).toBeNull();
  });

  it("after a deletion opens the page that took its place, else the one before, else none", () => {
    expect(pageAfterRemoval(pages, "b")?.id).toBe("c");
    expect(pageAfterRemoval(pages, "c")?.id).toBe("b");
    expect(pageAfterRemoval([page("only", 0)], "only")).toBeNull();
  });
});

describe("notes connection rules", () => {
  it("stops reconnecting only for the close codes where retrying cannot help", () => {
    expect(stopReasonOfClose(NOTE_CLOSE.accessRevoked)).toBe("accessRevoked");
    expect(stopReasonOfClose(NOTE_CLOSE.pageDeleted)).toBe("pageDeleted");
    expect(stopReasonOfClose(NOTE_CLOSE.documentTooLarge)).toBe("tooLarge");
    expect(stopReasonOfClose(NOTE_CLOSE.frameTooLarge)).toBe("tooLarge");
    expect(stopReasonOfClose(NOTE_CLOSE.goingAway)).toBeNull();
    expect(stopReasonOfClose(1006)).toBeNull();
  });

  it("gives up on a ticket refused for good, retries network and server trouble", () => {
    expect(stopReasonOfTicketError(new ApiError("forbidden", "no", 403))).toBe("accessRevoked");
    expect(stopReasonOfTicketError(new ApiError("not_found", "gone", 404))).toBe("pageDeleted");
    expect(stopReasonOfTicketError(new ApiError("session_ended", "bye", 401))).toBe("sessionEnded");
    expect(stopReasonOfTicketError(new ApiError("network_error", "offline", 0))).toBeNull();
    expect(stopReasonOfTicketError(new ApiError("database_unavailable", "later", 503))).toBeNull();
    expect(stopReasonOfTicketError(new ApiError("rate_limited", "slow down", 429))).toBeNull();
    expect(stopReasonOfTicketError(new TypeError("fetch failed"))).toBeNull();
  });

  it("backs off exponentially up to a ceiling", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelay(attempt))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it("uses wss on https pages and the page's own host", () => {
    expect(notesSocketUrl({ protocol: "https:", host: "piiri.example.fi" })).toBe("wss://piiri.example.fi/yjs");
    expect(notesSocketUrl({ protocol: "http:", host: "localhost:3000" })).toBe("ws://localhost:3000/yjs");
  });

  it("keeps each person's offline copy of a page apart", () => {
    expect(localStoreName("u1", "p1")).not.toBe(localStoreName("u2", "p1"));
    expect(localStoreName("u1", "p1")).not.toBe(localStoreName("u1", "p2"));
  });
});

describe("links in notes", () => {
  it("accepts web and e-mail addresses, adding the scheme people leave out", () => {
    expect(normaliseLinkHref("https://example.fi/a?b=1")).toBe("https://example.fi/a?b=1");
    expect(normaliseLinkHref("  example.fi/ohjeet ")).toBe("https://example.fi/ohjeet");
    expect(normaliseLinkHref("aino@example.fi")).toBe("mailto:aino@example.fi");
    expect(normaliseLinkHref("mailto:aino@example.fi")).toBe("mailto:aino@example.fi");
  });

  it("refuses script and data URLs and things that are not addresses", () => {
    expect(normaliseLinkHref("javascript:alert(1)")).toBeNull();
    expect(normaliseLinkHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(normaliseLinkHref("data:text/html,<b>x</b>")).toBeNull();
    expect(normaliseLinkHref("")).toBeNull();
    expect(normaliseLinkHref("not a link")).toBeNull();
    expect(normaliseLinkHref("word")).toBeNull();
  });
});

describe("Markdown download name", () => {
  it("prefers the UTF-8 file name and falls back to the plain one", () => {
    expect(fileNameFromDisposition(`attachment; filename="Kokous 1.md"; filename*=UTF-8''Kokous%201%20%C3%A4.md`)).toBe("Kokous 1 ä.md");
    expect(fileNameFromDisposition(`attachment; filename="Kokous.md"`)).toBe("Kokous.md");
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
