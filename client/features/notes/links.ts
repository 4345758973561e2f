/** Link targets a note may carry: web pages and e-mail. Anything else (javascript:, data:) is refused. */
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Turns what someone typed into a safe link target: `example.fi/x` becomes `https://example.fi/x`,
 * `aino@example.fi` becomes a mailto link. Returns null for anything that is not a web or e-mail
 * address.
 */
export function normaliseLinkHref(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    candidate = /^[^@/]+@[^@/]+\.[^@/]+$/.test(text) ? `mailto:${text}` : `https://${text.replace(/^\/+/, "")}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname.includes(".") && url.hostname !== "localhost") return null;
  return url.protocol === "mailto:" ? candidate : url.href;
}
