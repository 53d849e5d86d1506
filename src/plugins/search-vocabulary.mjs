// Vite plugin: `virtual:meshtls/search-vocabulary` is what the search box knows of the glossary
// (src/data/glossary): the variants readers type mapped to the term the pages use (from `avoid:`
// and `avoid_en:`), and the terms themselves, offered when a search finds nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ID = 'virtual:meshtls/search-vocabulary';
const HANGUL = /[\uac00-\ud7a3]/;

export function searchVocabulary(glossaryDir) {
  const entries = readdirSync(glossaryDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parse(readFileSync(join(glossaryDir, f), 'utf8')) ?? []);
  const koTerms = entries.map((e) => String(e.ko));
  const synonyms = [];
  for (const e of entries) {
    for (const variant of e.avoid ?? []) {
      // Korean variants only (an English word in `avoid:` is right on the English pages), and
      // not one that is part of a term the pages use (커넥션 in 커넥션 풀).
      if (!HANGUL.test(variant) || koTerms.some((t) => t.includes(variant))) continue;
      synonyms.push([variant, String(e.ko)]);
    }
    for (const variant of e.avoid_en ?? []) synonyms.push([variant, String(e.en)]);
  }
  const withAbbr = (lang) => [...new Set(entries.flatMap((e) => [String(e[lang]), ...(e.abbr ? [String(e.abbr)] : [])]))];
  return { synonyms, terms: { ko: withAbbr('ko'), en: withAbbr('en') } };
}

export function searchVocabularyPlugin({ glossaryDir }) {
  return {
    name: 'meshtls-search-vocabulary',
    resolveId(id) {
      return id === ID ? `\0${ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      for (const file of readdirSync(glossaryDir)) this.addWatchFile(join(glossaryDir, file));
      return `export default ${JSON.stringify(searchVocabulary(glossaryDir))};`;
    },
  };
}
