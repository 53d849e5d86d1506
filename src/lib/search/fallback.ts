// Pagefind ANDs the words of a query: one word that no page contains, and a question that reads
// naturally finds nothing. When that happens, search again with the words that do match:
// first all of them together, else each page ranked by how many of them it contains and by
// Pagefind's own scores for them.

/** The parts of a Pagefind search response this uses (see pagefind.js `search`). */
export interface Hit {
  id: string;
  score: number;
}
export interface SearchResponse<H extends Hit = Hit> {
  results: H[];
  [key: string]: unknown;
}
export type Search<H extends Hit> = (term: string) => Promise<SearchResponse<H> | null>;

export interface FallbackOutcome<H extends Hit> {
  response: SearchResponse<H> | null;
  /** The words the results were found by, when not all of the query's words matched together. */
  matched?: string[];
  /** The query's words that no page contains. */
  unknown?: string[];
}

const hitsOf = <H extends Hit>(r: SearchResponse<H> | null): H[] => r?.results ?? [];

export async function searchWithFallback<H extends Hit>(search: Search<H>, term: string): Promise<FallbackOutcome<H>> {
  const response = await search(term);
  const words = [...new Set(term.split(/\s+/).filter(Boolean))];
  if (hitsOf(response).length > 0 || words.length < 2) return { response };

  const perWord = await Promise.all(words.map(async (word) => ({ word, response: await search(word) })));
  const found = perWord.filter((w) => hitsOf(w.response).length > 0);
  const unknown = perWord.filter((w) => hitsOf(w.response).length === 0).map((w) => w.word);
  if (found.length === 0) return { response, unknown };
  const matched = found.map((w) => w.word);
  if (found.length === 1) return { response: found[0]!.response, matched, unknown };

  // All the words that exist, together, when some words did not exist at all.
  if (unknown.length > 0) {
    const together = await search(matched.join(' '));
    if (hitsOf(together).length > 0) return { response: together, matched, unknown };
  }

  // No page has all of them: rank pages by how many of the words they contain, then by score.
  const pages = new Map<string, { hit: H; count: number; score: number }>();
  for (const { response: r } of found) {
    for (const hit of hitsOf(r)) {
      const page = pages.get(hit.id);
      if (!page) pages.set(hit.id, { hit, count: 1, score: hit.score });
      else {
        page.count += 1;
        page.score += hit.score;
        if (hit.score > page.hit.score) page.hit = hit; // its excerpt shows the word that fits best
      }
    }
  }
  const results = [...pages.values()].sort((a, b) => b.count - a.count || b.score - a.score).map((p) => p.hit);
  return { response: { ...found[0]!.response, results }, matched, unknown };
}
