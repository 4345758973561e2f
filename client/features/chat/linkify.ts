/**
 * Splits message text into plain text and web links. Only http and https addresses become links, so a
 * `javascript:` or `data:` text can never be clicked into; the result is rendered as text nodes and
 * anchors, never as HTML.
 */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// An address runs to the next space or angle bracket; punctuation that usually ends a sentence is
// trimmed afterwards, and a closing parenthesis only when the address has no opening one.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

function trimAddress(raw: string): string {
  let address = raw.replace(TRAILING_PUNCTUATION, "");
  while (address.endsWith(")") && (address.match(/\(/g)?.length ?? 0) < (address.match(/\)/g)?.length ?? 0)) {
    address = address.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  }
  return address;
}

/** A safe href for an address, or null when it is not a well-formed http(s) URL. */
export function safeHref(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const address = trimAddress(match[0]);
    const href = safeHref(address);
    if (!href || address.length <= "https://".length) continue;
    if (start > cursor) parts.push({ kind: "text", text: text.slice(cursor, start) });
    parts.push({ kind: "link", text: address, href });
    cursor = start + address.length;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return parts;
}

/**
 * Splits a search snippet whose matches the server wrapped in « and » into plain and highlighted
 * parts, to be rendered as text and <mark> elements.
 */
export function highlightParts(snippet: string, open = "«", close = "»"): { text: string; highlighted: boolean }[] {
  const parts: { text: string; highlighted: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(open);
    const end = start < 0 ? -1 : rest.indexOf(close, start + open.length);
    if (start < 0 || end < 0) {
      parts.push({ text: rest, highlighted: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), highlighted: false });
    const inner = rest.slice(start + open.length, end);
    if (inner) parts.push({ text: inner, highlighted: true });
    rest = rest.slice(end + close.length);
  }
  return parts;
}
