// Glossary lint: the Korean pages use the glossary's term for each concept, and a term's first
// use on a page carries its English in parentheses (Kubernetes' Korean localisation convention).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary, type GlossaryTerm } from '../../src/lib/site/glossary.ts';
import { pagePaths, prose, readPage } from '../helpers/content.ts';

const DIR = join(import.meta.dirname, '../../src/data/glossary');
const terms = parseGlossary(
  Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')])),
);

/** Discouraged variants found in a text, with the term to use instead. */
export function discouragedVariants(text: string, glossary: GlossaryTerm[]): string[] {
  const found: string[] = [];
  for (const term of glossary) {
    for (const variant of term.avoid ?? []) {
      // A variant that is part of the chosen term itself (TLS 종료 ⊂ TLS 종료) is not a hit.
      const pattern = new RegExp(variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
      for (const match of text.matchAll(pattern)) {
        const around = text.slice(Math.max(0, match.index - 10), match.index + variant.length + 10);
        if (!around.includes(term.ko)) found.push(`"${variant}" → "${term.ko}"`);
      }
    }
  }
  return found;
}

/** Terms whose first use on the page lacks the English in parentheses. */
export function firstUsesWithoutEnglish(text: string, glossary: GlossaryTerm[]): string[] {
  const missing: string[] = [];
  for (const term of glossary) {
    // Only Korean multi-word or compound terms: a page is not expected to gloss 인증서 or 프록시
    // every time, nor an acronym that is the same in both languages (HTTPS, STARTTLS).
    if (!/[\uac00-\ud7a3]/.test(term.ko)) continue;
    if (!/\s/.test(term.ko) && [...term.ko].length < 5) continue;
    const at = text.indexOf(term.ko);
    if (at === -1) continue;
    const after = text.slice(at + term.ko.length, at + term.ko.length + 60);
    const glossed = /^\s*\(/.test(after) && (after.toLowerCase().includes(term.en.toLowerCase()) || (term.abbr && after.includes(term.abbr)));
    if (!glossed) missing.push(`${term.ko} → ${term.ko}(${term.en})`);
  }
  return missing;
}

describe('glossary lint', () => {
  it('recognises what it is meant to', () => {
    expect(discouragedVariants('양방향 TLS를 켠다', terms)).toEqual(['"양방향 TLS" → "상호 TLS"']);
    expect(discouragedVariants('상호 TLS를 켠다', terms)).toEqual([]);
    expect(firstUsesWithoutEnglish('상호 TLS(mutual TLS)를 켠다. 상호 TLS는', terms)).toEqual([]);
    expect(firstUsesWithoutEnglish('상호 TLS를 켠다', terms)).toEqual(['상호 TLS → 상호 TLS(mutual TLS)']);
  });

  describe.each(pagePaths('ko'))('content/ko/%s', (path) => {
    const page = readPage('ko', path);
    const text = `${String(page.frontmatter.title ?? '')}\n${prose(page.body)}`;

    it('uses no discouraged variant', () => {
      expect(discouragedVariants(text, terms)).toEqual([]);
    });

    it('glosses each term in English on its first use', () => {
      expect(firstUsesWithoutEnglish(text, terms)).toEqual([]);
    });
  });
});
