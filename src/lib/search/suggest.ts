// On a search that finds nothing: the glossary terms nearest to what was typed, by shared letter
// pairs (so a typo, a spacing difference or a partial word still comes close).

function pairs(text: string): string[] {
  const s = text.toLowerCase().replace(/\s+/g, '');
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice similarity of two strings' letter pairs, 0…1. */
export function similarity(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length === 0 || pb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const p of pb) counts.set(p, (counts.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of pa) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(p, n - 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/**
 * Up to `limit` terms nearest to the query or to one of its words, best first. A term must share
 * enough with it (similarity ≥ 0.4) to be worth offering.
 */
export function suggestTerms(query: string, terms: readonly string[], limit = 5): string[] {
  const words = query.split(/\s+/).filter(Boolean);
  const probes = words.length > 1 ? [query, ...words] : words;
  const scored = [...new Set(terms)]
    .map((term) => ({ term, score: Math.max(0, ...probes.map((p) => similarity(p, term))) }))
    .filter((t) => t.score >= 0.4 && t.term.toLowerCase() !== query.toLowerCase())
    .sort((a, b) => b.score - a.score || a.term.length - b.term.length);
  return scored.slice(0, limit).map((t) => t.term);
}
