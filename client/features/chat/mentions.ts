/**
 * @mentions on the client: finding what the writer is typing after "@", completing it to a member's
 * name, and marking mentions in a shown message. The server decides who was mentioned (the message's
 * `mentions`); these rules only have to agree with it on what "@Display Name" looks like.
 */

export interface MentionMember {
  userId: string;
  displayName: string;
}

/** Longest name a mention query may grow to before we stop suggesting (names have spaces). */
const QUERY_MAX = 40;

/**
 * The mention being typed at the caret: the "@" must start the text or follow whitespace or an opening
 * bracket, and the query must not cross a line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/[\s([{]/.test(before.charAt(at - 1))) return null;
  const query = before.slice(at + 1);
  if (query.length > QUERY_MAX || /[\n\r@]/.test(query)) return null;
  return { start: at, query };
}

function fold(text: string): string {
  return text.toLocaleLowerCase("fi").normalize("NFKD").replace(/\p{M}/gu, "");
}

/**
 * Members whose name matches the query: names starting with it first, then names with a word starting
 * with it. An empty query lists everyone. The writer is left out.
 */
export function suggestMembers<T extends MentionMember>(members: readonly T[], query: string, excludeUserId?: string, limit = 6): T[] {
  const wanted = fold(query.trim());
  const candidates = members.filter((member) => member.userId !== excludeUserId);
  const starts = candidates.filter((member) => fold(member.displayName).startsWith(wanted));
  const words = candidates.filter(
    (member) => !starts.includes(member) && fold(member.displayName).split(/\s+/).some((word) => word.startsWith(wanted)),
  );
  // Past a space only full-name prefixes count, so suggestions close once a name has been typed out.
  if (query.includes(" ") && starts.length === 0) return [];
  const byName = (a: T, b: T) => a.displayName.localeCompare(b.displayName, "fi");
  return [...starts.sort(byName), ...words.sort(byName)].slice(0, limit);
}

/** Replaces the typed "@quer" with "@Full Name " and returns the new text and caret position. */
export function completeMention(text: string, start: number, caret: number, displayName: string): { text: string; caret: number } {
  const inserted = `@${displayName} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

export type MentionPart = { kind: "text"; text: string } | { kind: "mention"; text: string; userId: string };

/**
 * Marks "@Name" of the given members in a text, longest names first so "@Aino Aaltonen" wins over
 * "@Aino"; like the server, a name must not run on into a letter or digit.
 */
export function splitMentions(text: string, members: readonly MentionMember[]): MentionPart[] {
  if (!text.includes("@") || members.length === 0) return [{ kind: "text", text }];
  const lower = text.toLocaleLowerCase("fi");
  const byLength = [...members].sort((a, b) => b.displayName.length - a.displayName.length);
  const found: { start: number; end: number; userId: string }[] = [];
  for (const member of byLength) {
    const needle = `@${member.displayName.toLocaleLowerCase("fi")}`;
    if (needle.length < 2) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const next = lower.charAt(end);
      if (next && /[\p{L}\p{N}]/u.test(next)) continue;
      if (found.some((range) => at < range.end && end > range.start)) continue;
      found.push({ start: at, end, userId: member.userId });
    }
  }
  if (found.length === 0) return [{ kind: "text", text }];
  found.sort((a, b) => a.start - b.start);
  const parts: MentionPart[] = [];
  let cursor = 0;
  for (const range of found) {
    if (range.start > cursor) parts.push({ kind: "text", text: text.slice(cursor, range.start) });
    parts.push({ kind: "mention", text: text.slice(range.start, range.end), userId: range.userId });
    cursor = range.end;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return parts;
}
