/** Pure chat rules: mentions, who may change a message, how a message is shown. */

export interface MentionCandidate {
  userId: string;
  displayName: string;
}

/**
 * Finds `@Display Name` mentions of group members in a message. Longer names are tried first so
 * "@Aino Aaltonen" is not taken for a member called "Aino"; a name must end at a non-letter.
 */
export function findMentions(body: string, candidates: MentionCandidate[]): string[] {
  const lower = body.toLocaleLowerCase("fi");
  const found = new Set<string>();
  const byLength = [...candidates].sort((a, b) => b.displayName.length - a.displayName.length);
  const claimed: [number, number][] = [];
  for (const candidate of byLength) {
    const needle = `@${candidate.displayName.toLocaleLowerCase("fi")}`;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      const next = lower.charAt(end);
      if (next && /[\p{L}\p{N}]/u.test(next)) continue;
      if (claimed.some(([start, stop]) => at >= start && at < stop)) continue;
      claimed.push([at, end]);
      found.add(candidate.userId);
    }
  }
  return [...found];
}

export interface MessageState {
  authorId: string | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** Only the author edits or deletes, and only while the message is still shown. */
export function canChangeOwnMessage(message: MessageState, actorId: string): boolean {
  return message.authorId === actorId && message.deletedAt === null && message.hiddenAt === null;
}

/** A deleted or hidden message keeps its place in the conversation but not its text. */
export function visibleBody(message: MessageState & { body: string }): string {
  return message.deletedAt || message.hiddenAt ? "" : message.body;
}
