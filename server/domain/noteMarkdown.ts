import * as Y from "yjs";
import { escapeMarkdown } from "../../shared/markdown";

/**
 * Renders a notebook page (the ProseMirror tree TipTap keeps in a Y.XmlFragment) as Markdown.
 * Node and mark names are TipTap's: paragraph, heading, bulletList, orderedList, listItem, taskList,
 * taskItem, blockquote, codeBlock, horizontalRule, hardBreak; bold, italic, strike, code, link.
 */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  const blocks = fragment.toArray().map((node) => block(node, ""));
  return blocks.filter((text) => text !== "").join("\n\n").trimEnd() + "\n";
}

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

/** Characters that would start Markdown syntax are escaped, so text stays text. */
function inline(node: Y.XmlText | Y.XmlElement | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Delta)
      .map(({ insert, attributes = {} }) => {
        if (typeof insert !== "string") return "";
        if ("code" in attributes) return "`" + insert.replace(/`/g, "\\`") + "`";
        let text = escapeMarkdown(insert);
        if ("bold" in attributes) text = `**${text}**`;
        if ("italic" in attributes) text = `*${text}*`;
        if ("strike" in attributes) text = `~~${text}~~`;
        const link = attributes["link"] as { href?: unknown } | undefined;
        if (link && typeof link.href === "string") text = `[${text}](${link.href.replace(/[()\s]/g, percentEncoded)})`;
        return text;
      })
      .join("");
  }
  if (node instanceof Y.XmlElement && node.nodeName === "hardBreak") return "  \n";
  if (node instanceof Y.XmlElement) return node.toArray().map(inline).join("");
  return "";
}

function children(element: Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
  return element.toArray().filter((child): child is Y.XmlElement | Y.XmlText => !(child instanceof Y.XmlHook));
}

/** Renders one block; `indent` prefixes every line after the first (nested list content). */
function block(node: Y.XmlElement | Y.XmlText | Y.XmlHook, indent: string): string {
  if (!(node instanceof Y.XmlElement)) return node instanceof Y.XmlText ? inline(node) : "";
  switch (node.nodeName) {
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute("level")) || 1));
      return `${"#".repeat(level)} ${inline(node)}`;
    }
    case "paragraph":
      return inline(node);
    case "blockquote":
      return children(node)
        .map((child) => block(child, ""))
        .join("\n\n")
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "codeBlock": {
      const language = node.getAttribute("language");
      const code = node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
        .join("");
      return "```" + (typeof language === "string" ? language : "") + "\n" + code + "\n```";
    }
    case "horizontalRule":
      return "---";
    case "bulletList":
    case "orderedList":
    case "taskList": {
      const start = Number(node.getAttribute("start")) || 1;
      return children(node)
        .map((item, index) => {
          let marker = node.nodeName === "orderedList" ? `${start + index}.` : "-";
          if (item instanceof Y.XmlElement && item.nodeName === "taskItem") {
            const checked = item.getAttribute("checked") as unknown;
            marker = `- [${checked === true || checked === "true" ? "x" : " "}]`;
          }
          const inner = indent + " ".repeat(marker.length + 1);
          const content =
            item instanceof Y.XmlElement
              ? children(item)
                  .map((child) => block(child, inner))
                  .join(`\n${inner}`)
              : inline(item);
          return `${marker} ${content}`;
        })
        .join(`\n${indent}`);
    }
    default:
      return children(node)
        .map((child) => block(child, indent))
        .join("\n\n");
  }
}

/** A character as %XX: encodeURIComponent leaves "(" and ")" as they are, and they would end a Markdown link. */
function percentEncoded(character: string): string {
  return [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}
