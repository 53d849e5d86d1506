// Catalog and rule texts mark code the Markdown way, with backticks (`notAfter`). Pages and
// widgets render those parts as <code> and the rest as plain text; nothing else is Markdown, so
// nothing else is interpreted (the text never becomes HTML).

export interface TextPart {
  code: boolean;
  text: string;
}

/** Splits text into plain and `backticked` parts; a lone backtick stays plain text. */
export function inlineCodeParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const piece of text.split(/(`[^`\n]+`)/)) {
    if (!piece) continue;
    const code = piece.length > 2 && piece.startsWith('`') && piece.endsWith('`');
    parts.push({ code, text: code ? piece.slice(1, -1) : piece });
  }
  return parts;
}
