// Search through Pagefind's real index, in the real UI, as readers type and paste.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isHit, SEARCH_CASES as CASES, searchResults, searchSession } from '../helpers/search.ts';

const session = searchSession(inject('baseUrl'));
afterAll(() => session.close());
const searchPage = session.page;

describe('site search', () => {
  it('has a table of at least 60 queries of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const kind of ['ko-noun', 'ko-particle', 'ko-compound', 'en-term', 'identifier', 'numeric-code', 'log-line']) {
      expect(kinds).toContain(kind);
    }
    expect(CASES.filter((c) => c.kind === 'log-line').length).toBeGreaterThanOrEqual(10);
  });

  const outcomes: { query: string; hit: boolean; results: string[] }[] = [];

  it.each(CASES)('[$lang] "$query" finds $expect', async (c) => {
    const { query, lang, expect: expected, within = 3, kind } = c;
    const results = await searchResults(await searchPage(lang), query);
    const hit = isHit(c, results);
    outcomes.push({ query, hit, results: results.slice(0, 5) });
    // Identifiers and numeric codes must rank their page first, and a pasted log line must lead
    // to its page; for words and terms the table as a whole must reach the hit rate below.
    if (kind === 'identifier' || kind === 'numeric-code') expect(results[0]).toBe(expected);
    if (kind === 'log-line') expect(results.slice(0, within)).toContain(expected);
  });

  it('hits at 3 for at least 95 % of the table', () => {
    const hits = outcomes.filter((o) => o.hit).length;
    expect(outcomes.length).toBe(CASES.length);
    const misses = outcomes.filter((o) => !o.hit).map((o) => `${o.query} → ${o.results.join(', ')}`);
    if (misses.length) console.log(`search misses:\n  ${misses.join('\n  ')}`);
    expect(hits / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });
});
