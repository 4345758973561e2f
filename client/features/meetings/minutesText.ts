/**
 * The minutes page arrives as Markdown (the notebook's export). The summary shows it as plain text —
 * never as HTML, so nothing written in the notebook can become markup on this page: the marks are
 * taken away, list bullets and task boxes become characters, a link keeps its address in brackets.
 */
export function markdownToPlainText(markdown: string): string {
  const lines: string[] = [];
  let inCode = false;
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s*```/.test(raw)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      lines.push(raw);
      continue;
    }
    lines.push(plainLine(raw));
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function plainLine(line: string): string {
  if (/^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/.test(line)) return "—";
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  let text = line.slice(indent.length);
  let prefix = "";

  const heading = /^#{1,6}\s+/.exec(text);
  if (heading) text = text.slice(heading[0].length);

  const quote = /^(>\s?)+/.exec(text);
  if (quote) text = text.slice(quote[0].length);

  const task = /^[-*+]\s+\[([ xX])\]\s+/.exec(text);
  const bullet = /^[-*+]\s+/.exec(text);
  const numbered = /^(\d+)[.)]\s+/.exec(text);
  if (task) {
    prefix = task[1] === " " ? "☐ " : "☑ ";
    text = text.slice(task[0].length);
  } else if (bullet) {
    prefix = "• ";
    text = text.slice(bullet[0].length);
  } else if (numbered) {
    prefix = `${numbered[1]}. `;
    text = text.slice(numbered[0].length);
  }

  return indent + prefix + inlinePlain(text);
}

/** Inline marks away; escaped characters (`\*`) kept as themselves. */
function inlinePlain(text: string): string {
  // Escapes are set aside first so that `\*` survives the removal of emphasis marks.
  const escaped: string[] = [];
  let result = text.replace(/\\([\\`*_{}[\]()#+\-.!<>~|])/g, (_, character: string) => {
    escaped.push(character);
    return `\u0000${escaped.length - 1}\u0000`;
  });
  result = result
    .replace(/!\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, href: string) => (label === href ? href : `${label} (${decodeSafely(href)})`))
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1");
  return result.replace(/\u0000(\d+)\u0000/g, (_, index: string) => escaped[Number(index)] ?? "");
}

function decodeSafely(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
