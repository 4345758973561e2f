import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { cursorColour, noteDocName, pageIdOfDocName } from "../../shared/notes";
import { noteState, type NoteNode, type NoteText } from "../../server/domain/noteContent";
import { fragmentToMarkdown } from "../../server/domain/noteMarkdown";

const p = (...content: (NoteNode | NoteText)[]): NoteNode => ({ type: "paragraph", content });

function fragmentOf(blocks: NoteNode[]): Y.XmlFragment {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, noteState(blocks));
  return doc.getXmlFragment("default");
}

describe("a notebook page as Markdown", () => {
  it("renders headings, marks, links, lists, task lists, quotes and code", () => {
    const fragment = fragmentOf([
      { type: "heading", attrs: { level: 2 }, content: [{ text: "Tapaaminen 3" }] },
      p({ text: "Sovimme " }, { text: "tärkeän", marks: { bold: {} } }, { text: " asian ja " }, { text: "linkin", marks: { link: { href: "https://example.fi/a b_(c)" } } }),
      { type: "bulletList", content: [{ type: "listItem", content: [p({ text: "yksi" })] }, { type: "listItem", content: [p({ text: "kaksi" }), { type: "bulletList", content: [{ type: "listItem", content: [p({ text: "sisempi" })] }] }] }] },
      { type: "orderedList", content: [{ type: "listItem", content: [p({ text: "ensin" })] }, { type: "listItem", content: [p({ text: "sitten" })] }] },
      { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [p({ text: "tehty" })] }, { type: "taskItem", attrs: { checked: false }, content: [p({ text: "kesken" })] }] },
      { type: "blockquote", content: [p({ text: "Jokainen tulee kuulluksi." })] },
      { type: "codeBlock", attrs: { language: "ts" }, content: [{ text: "const a = 1;" }] },
      { type: "horizontalRule" },
    ]);
    expect(fragmentToMarkdown(fragment)).toBe(
      [
        "## Tapaaminen 3",
        "Sovimme **tärkeän** asian ja [linkin](https://example.fi/a%20b_%28c%29)",
        "- yksi\n- kaksi\n  - sisempi",
        "1. ensin\n2. sitten",
        "- [x] tehty\n- [ ] kesken",
        "> Jokainen tulee kuulluksi.",
        "```ts\nconst a = 1;\n```",
        "---",
      ].join("\n\n") + "\n",
    );
  });

  it("escapes text that would otherwise become Markdown or HTML", () => {
    expect(fragmentToMarkdown(fragmentOf([p({ text: "# ei otsikko <b>ei lihava</b> *ei kursiivi*" })]))).toBe(
      "\\# ei otsikko \\<b\\>ei lihava\\</b\\> \\*ei kursiivi\\*\n",
    );
  });
});

describe("note document names and cursor colours", () => {
  it("round-trips a page id through its document name and rejects anything else", () => {
    const pageId = "0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f";
    expect(pageIdOfDocName(noteDocName(pageId))).toBe(pageId);
    expect(pageIdOfDocName("note:../../etc")).toBeNull();
    expect(pageIdOfDocName(`chat:${pageId}`)).toBeNull();
  });

  it("gives a person the same colour everywhere", () => {
    expect(cursorColour("a")).toBe(cursorColour("a"));
    expect(cursorColour("0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f")).toMatch(/^#[0-9a-f]{6}$/);
  });
});
