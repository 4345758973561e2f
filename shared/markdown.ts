/** Escapes the characters that would turn someone's plain text into Markdown structure. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|~])/g, "\\$1");
}
