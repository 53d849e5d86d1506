// Different words readers use for one thing (양방향 TLS for 상호 TLS, 터미네이션 for 종료): the
// query is rewritten to the word the pages use. Most pairs come from the glossary's `avoid:`
// lists (src/plugins/search-vocabulary.mjs); the few below are not variants the writing lint
// should flag, only words readers type.

/** [what a reader may type, what the pages say]. */
export type Synonyms = readonly (readonly [string, string])[];

export const READER_SYNONYMS: Synonyms = [
  ['터미네이션', '종료'],
  ['양방향 인증', '상호 TLS'],
  ['상호 인증', '상호 TLS'],
  ['two-way TLS', 'mutual TLS'],
  ['2-way TLS', 'mutual TLS'],
  ['mutual authentication', 'mutual TLS'],
  ['client certificate authentication', 'mutual TLS'],
  ['인증서 갱신', '인증서 교체'],
  ['certificate renewal', 'certificate rotation'],
];

import { KOREAN_PARTICLES } from './korean.ts';

// After a variant: the end, a space or punctuation, or a Korean particle (양방향 TLS를), so that a
// short variant (랩) does not match the start of a longer word.
const AFTER = `(?=$|[\\s\\p{P}]|(?:${KOREAN_PARTICLES.join('|')})(?:$|[\\s\\p{P}]))`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The query with every known variant replaced by the pages' word, longest variant first. A variant
 * matches whole words only (followed by a Korean particle is fine: 양방향 TLS를).
 */
export function applySynonyms(query: string, synonyms: Synonyms): string {
  const sorted = [...synonyms].sort((a, b) => b[0].length - a[0].length);
  let out = query;
  for (const [variant, term] of sorted) {
    if (variant.toLowerCase() === term.toLowerCase()) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(variant)}${AFTER}`, 'giu');
    out = out.replace(re, term);
  }
  return out;
}
