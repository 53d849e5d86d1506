// The glossary: every term the guide uses, ko/en, from src/data/glossary/*.yaml. One parse and
// check shared by the glossary page (build time) and the glossary lint test.
import { parse } from 'yaml';

export interface GlossaryTerm {
  id: string;
  ko: string;
  en: string;
  abbr?: string;
  /** Korean variants the guide does not use for this term. */
  avoid?: string[];
  definition: { ko: string; en: string };
  /** The file it came from, for error messages. */
  source: string;
}

/** Parses the glossary files ({file name: YAML text}); throws with every problem found. */
export function parseGlossary(files: Record<string, string>): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  const problems: string[] = [];
  for (const [source, text] of Object.entries(files)) {
    const data: unknown = parse(text);
    if (!Array.isArray(data)) {
      problems.push(`${source}: expected a list of terms`);
      continue;
    }
    data.forEach((raw, index) => {
      const term = raw as Partial<GlossaryTerm>;
      const where = `${source}[${index}]${term?.id ? ` (${term.id})` : ''}`;
      for (const key of ['id', 'ko', 'en'] as const) {
        if (typeof term?.[key] !== 'string' || !term[key]) problems.push(`${where}: missing ${key}`);
      }
      if (typeof term?.definition?.ko !== 'string' || typeof term?.definition?.en !== 'string') {
        problems.push(`${where}: definition needs ko and en`);
      }
      if (term?.avoid !== undefined && !(Array.isArray(term.avoid) && term.avoid.every((a) => typeof a === 'string'))) {
        problems.push(`${where}: avoid must be a list of strings`);
      }
      terms.push({ ...(term as GlossaryTerm), source });
    });
  }
  const seen = new Map<string, string>();
  for (const term of terms) {
    const first = seen.get(term.id);
    if (first) problems.push(`term "${term.id}" is defined twice (${first}, ${term.source})`);
    seen.set(term.id, term.source);
  }
  if (problems.length > 0) throw new Error(`Glossary problems:\n  ${problems.join('\n  ')}`);
  return terms.sort((a, b) => a.ko.localeCompare(b.ko, 'ko'));
}

/** How a term is written on first use: 상호 TLS(mutual TLS) / mutual TLS (mTLS). */
export function firstUse(term: GlossaryTerm, lang: 'ko' | 'en'): string {
  if (lang === 'ko') return `${term.ko}(${term.abbr ? `${term.en}, ${term.abbr}` : term.en})`;
  return term.abbr ? `${term.en} (${term.abbr})` : term.en;
}
