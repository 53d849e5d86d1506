import { describe, expect, it } from 'vitest';
import { searchWithFallback, type Hit } from './fallback.ts';

// A tiny AND-matching index, as Pagefind answers: every word must be on the page.
const pages: Record<string, string[]> = {
  a: ['인증서', '만료', '갱신'],
  b: ['인증서', '체인'],
  c: ['만료', '타임아웃'],
};
function search(term: string) {
  const words = term.split(/\s+/);
  const results: Hit[] = Object.entries(pages)
    .filter(([, ws]) => words.every((w) => ws.some((p) => p.startsWith(w))))
    .map(([id, ws]) => ({ id, score: ws.length }));
  return Promise.resolve({ results });
}

describe('searchWithFallback', () => {
  it('keeps an AND result when there is one', async () => {
    const out = await searchWithFallback(search, '인증서 만료');
    expect(out.response?.results.map((r) => r.id)).toEqual(['a']);
    expect(out.matched).toBeUndefined();
  });
  it('drops words no page has and searches with the rest', async () => {
    const out = await searchWithFallback(search, '인증서 만료 갑자기');
    expect(out.response?.results.map((r) => r.id)).toEqual(['a']);
    expect(out.matched).toEqual(['인증서', '만료']);
    expect(out.unknown).toEqual(['갑자기']);
  });
  it('ranks by how many words a page has when no page has them all', async () => {
    const out = await searchWithFallback(search, '체인 만료 타임아웃');
    expect(out.response?.results.map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
  it('finds nothing when no word exists', async () => {
    const out = await searchWithFallback(search, '없는 단어');
    expect(out.response?.results).toEqual([]);
    expect(out.unknown).toEqual(['없는', '단어']);
  });
});
