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

interface Compiled {
  pattern: RegExp;
  termOf: Map<string, string>;
}
const compiled = new WeakMap<Synonyms, Compiled | null>();

/**
 * All variants as one pattern, longest first (an alternation takes the first alternative that
 * matches), built once per list. One pattern rather than one per variant: each pattern with
 * Unicode classes costs milliseconds to compile, and a reader's first search would pay that
 * for every variant.
 */
function compile(synonyms: Synonyms): Compiled | null {
  if (compiled.has(synonyms)) return compiled.get(synonyms)!;
  const pairs = [...synonyms]
    .filter(([variant, term]) => variant.toLowerCase() !== term.toLowerCase())
    .sort((a, b) => b[0].length - a[0].length);
  const result = pairs.length === 0 ? null : {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pairs.map(([variant]) => escapeRegExp(variant)).join('|')})${AFTER}`, 'giu'),
    termOf: new Map(pairs.map(([variant, term]) => [variant.toLowerCase(), term])),
  };
  compiled.set(synonyms, result);
  return result;
}

/**
 * The query with every known variant replaced by the pages' word, longest variant first. A variant
 * matches whole words only (followed by a Korean particle is fine: 양방향 TLS를).
 */
export function applySynonyms(query: string, synonyms: Synonyms): string {
  const c = compile(synonyms);
  return c ? query.replace(c.pattern, (found) => c.termOf.get(found.toLowerCase()) ?? found) : query;
}
