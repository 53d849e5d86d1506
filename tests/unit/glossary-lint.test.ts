// Glossary lint: the Korean pages use the glossary's term for each concept, and a term's first
// use in a page's running text carries its English in parentheses (Kubernetes' Korean
// localisation convention). Titles and headings stay short and are not counted as that use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/lib/site/glossary.ts';
import { discouragedVariants, firstUsesWithoutEnglish } from '../helpers/glossary-lint.ts';
import { pagePaths, prose, readPage } from '../helpers/content.ts';

const DIR = join(import.meta.dirname, '../../src/data/glossary');
const terms = parseGlossary(
  Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')])),
);

describe('glossary lint', () => {
  it('recognises what it is meant to', () => {
    expect(discouragedVariants('양방향 TLS를 켠다', terms)).toEqual(['"양방향 TLS" → "상호 TLS"']);
    expect(discouragedVariants('상호 TLS를 켠다', terms)).toEqual([]);
    expect(firstUsesWithoutEnglish('상호 TLS(mutual TLS)를 켠다. 상호 TLS는', terms)).toEqual([]);
    expect(firstUsesWithoutEnglish('상호 TLS를 켠다', terms)).toEqual(['상호 TLS → 상호 TLS(mutual TLS)']);
  });

  describe.each(pagePaths('ko'))('content/ko/%s', (path) => {
    const page = readPage('ko', path);
    const text = prose(page.body);

    it('uses no discouraged variant', () => {
      expect(discouragedVariants(`${String(page.frontmatter.title ?? '')}\n${text}`, terms)).toEqual([]);
    });

    it('glosses each term in English on its first use', () => {
      const runningText = text.split('\n').filter((line) => !/^#{1,6}\s/.test(line)).join('\n');
      expect(firstUsesWithoutEnglish(runningText, terms)).toEqual([]);
    });
  });
});
