// Every glossary-lint finding of every page at once (the test stops at the first failing check
// of a page). Run: npx tsx tests/helpers/glossary-report.ts [path-prefix]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlossary } from '../../src/lib/site/glossary.ts';
import { discouragedVariants, discouragedVariantsEn, englishCodeTitles, firstUsesWithoutEnglish, misnamedLinks, readerText, repeatedGlosses, type LintTerm } from './glossary-lint.ts';
import { KO_PHRASES, LINK_NAMES } from './ko-phrases.ts';
import { codeBlocks, pagePaths, prose, readPage } from './content.ts';

const DIR = join(import.meta.dirname, '../../src/data/glossary');
const terms: LintTerm[] = parseGlossary(
  Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')])),
);
const prefix = process.argv[2] ?? '';
for (const lang of ['ko', 'en'] as const) {
  for (const path of pagePaths(lang).filter((p) => `${lang}/${p}`.startsWith(prefix))) {
    const page = readPage(lang, path);
    const text = prose(page.body);
    const all = readerText(page);
    const findings = lang === 'ko'
      ? [
          ...discouragedVariants(all, terms, KO_PHRASES),
          ...firstUsesWithoutEnglish(text.split('\n').filter((l) => !/^#{1,6}\s/.test(l)).join('\n'), terms).map((f) => `gloss missing: ${f}`),
          ...repeatedGlosses(text, terms).map((f) => `gloss repeated: ${f}`),
          ...englishCodeTitles(codeBlocks(page.body)).map((f) => `English code title: ${f}`),
          ...misnamedLinks(page.body, lang, LINK_NAMES),
        ]
      : [...discouragedVariantsEn(all, terms), ...misnamedLinks(page.body, lang, LINK_NAMES)];
    if (findings.length > 0) console.log(`content/${lang}/${path}\n  ${findings.join('\n  ')}`);
  }
}
