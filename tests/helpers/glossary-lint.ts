// The glossary lint's two checks, as functions over a page's running text.
import type { GlossaryTerm } from '../../src/lib/site/glossary.ts';

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

/** Index of the first occurrence of `term` outside parentheses (a gloss inside an aside would nest). */
export function firstUseOutsideParentheses(text: string, term: string): number {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    let depth = 0;
    for (let i = text.lastIndexOf('\n', at) + 1; i < at; i += 1) {
      if (text[i] === '(') depth += 1;
      else if (text[i] === ')' && depth > 0) depth -= 1;
    }
    if (depth === 0) return at;
  }
  return -1;
}

/** Terms whose first use in the running text lacks the English in parentheses. */
export function firstUsesWithoutEnglish(text: string, glossary: GlossaryTerm[]): string[] {
  const missing: string[] = [];
  for (const term of glossary) {
    // Only Korean multi-word or compound terms: a page is not expected to gloss 인증서 or 프록시
    // every time, nor an acronym that is the same in both languages (HTTPS, STARTTLS).
    if (!/[\uac00-\ud7a3]/.test(term.ko)) continue;
    if (!/\s/.test(term.ko) && [...term.ko].length < 5) continue;
    const at = firstUseOutsideParentheses(text, term.ko);
    if (at === -1) continue;
    const after = text.slice(at + term.ko.length, at + term.ko.length + 60);
    const glossed = /^\s*\(/.test(after) && (after.toLowerCase().includes(term.en.toLowerCase()) || (term.abbr && after.includes(term.abbr)));
    if (!glossed) missing.push(`${term.ko} → ${term.ko}(${term.en})`);
  }
  return missing;
}
