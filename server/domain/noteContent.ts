import * as Y from "yjs";
import { NOTE_FRAGMENT } from "../../shared/notes";

/**
 * A compact description of a TipTap document, for content the server writes itself (demo notebooks,
 * templates). `text` runs carry TipTap marks (`bold`, `italic`, `link: { href }`).
 */
export type NoteText = { text: string; marks?: Record<string, object> };
export type NoteNode = { type: string; attrs?: Record<string, string | number | boolean>; content?: (NoteNode | NoteText)[] };

export const paragraph = (...content: (NoteText | string)[]): NoteNode => ({
  type: "paragraph",
  content: content.map((run) => (typeof run === "string" ? { text: run } : run)),
});
export const heading = (level: number, text: string): NoteNode => ({ type: "heading", attrs: { level }, content: [{ text }] });
export const bulletList = (...items: string[]): NoteNode => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});
export const taskList = (...items: [string, boolean][]): NoteNode => ({
  type: "taskList",
  content: items.map(([item, checked]) => ({ type: "taskItem", attrs: { checked }, content: [paragraph(item)] })),
});
export const bold = (text: string): NoteText => ({ text, marks: { bold: {} } });

function build(node: NoteNode | NoteText): Y.XmlElement | Y.XmlText {
  if ("text" in node) {
    const text = new Y.XmlText();
    text.insert(0, node.text, node.marks ?? {});
    return text;
  }
  const element = new Y.XmlElement(node.type);
  // Y.XmlElement attributes are typed as strings, but TipTap stores numbers and booleans as they are.
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as unknown as string);
  element.insert(0, (node.content ?? []).map(build));
  return element;
}

/** The document state (a Yjs update) of a page with these blocks. */
export function noteState(blocks: NoteNode[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment(NOTE_FRAGMENT).insert(0, blocks.map(build));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
