// Glossary lint: the Korean pages use the glossary's term for each concept (and none of the
// phrases in ko-phrases.ts), a term's first use in a page's running text carries its English in
// parentheses (Kubernetes' Korean localisation convention) and only that use does, and Korean
// code-block titles are Korean. English pages use one English name for each thing too.
// Titles and headings stay short and are not counted as the first use.
// Long Korean sentences are a report, not a rule: `npx tsx tests/helpers/ko-long-sentences.ts`;
// every finding of every page at once: `npx tsx tests/helpers/glossary-report.ts [ko/path-prefix]`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/lib/site/glossary.ts';
import {
  discouragedVariants,
  discouragedVariantsEn,
  englishCodeTitles,
  firstUsesWithoutEnglish,
  lintFieldProblems,
  longSentences,
  misnamedLinks,
  readerText,
  repeatedGlosses,
  variantMatches,
  type LintTerm,
} from '../helpers/glossary-lint.ts';
import { KO_PHRASES, LINK_NAMES } from '../helpers/ko-phrases.ts';
import { codeBlocks, pagePaths, prose, readPage } from '../helpers/content.ts';
import { CERT_STRINGS } from '../../src/components/widgets/cert/strings.ts';
import { DECODER_STRINGS } from '../../src/components/widgets/decoder/strings.ts';
import { EXPLAIN_STRINGS } from '../../src/components/widgets/explain/strings.ts';
import { VALIDATOR_STRINGS } from '../../src/components/widgets/validator/strings.ts';

const DIR = join(import.meta.dirname, '../../src/data/glossary');
const terms: LintTerm[] = parseGlossary(
  Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')])),
);

describe('glossary lint', () => {
  it('has well-formed lint fields', () => {
    expect(lintFieldProblems(terms)).toEqual([]);
  });

  it('matches Korean variants as words, with particles', () => {
    expect(variantMatches('랩에서는 랩탑과 오버랩을 쓴다', '랩')).toEqual([0]);
    expect(variantMatches('앱이 앱솔루트 스캐폴딩을', '앱')).toEqual([0]);
    expect(variantMatches('기계마다 다르고 기계적으로', '기계')).toEqual([0]);
    expect(variantMatches('인증서를 가지고 있다', '*를 가지고 있*')).toEqual([3]);
    expect(variantMatches('a linter, Linters', 'linter', true)).toEqual([2]);
  });

  it('recognises what it is meant to', () => {
    expect(discouragedVariants('양방향 TLS를 켠다', terms)).toEqual(['"양방향 TLS" → "상호 TLS": …양방향 TLS를 켠다…']);
    expect(discouragedVariants('상호 TLS를 켠다', terms)).toEqual([]);
    // Inside a glossary term (커넥션 풀, 직접 해 보기, 인증서 검증기) or its gloss, a variant is not a hit.
    expect(discouragedVariants('커넥션 풀의 한도. 직접 해 보기. Envoy의 인증서 검증기. 서브셋(subset)', terms)).toEqual([]);
    expect(discouragedVariants('커넥션이 끊긴다', terms)).toHaveLength(1);
    expect(discouragedVariants('검증기로 확인한다', terms)).toHaveLength(1);
    expect(discouragedVariants('이 기계에서 돈다', terms, KO_PHRASES)).toHaveLength(1);
    expect(discouragedVariantsEn('Run the linter.', terms)).toHaveLength(1);
    expect(firstUsesWithoutEnglish('상호 TLS(mutual TLS)를 켠다. 상호 TLS는', terms)).toEqual([]);
    expect(firstUsesWithoutEnglish('상호 TLS를 켠다', terms)).toEqual(['상호 TLS → 상호 TLS(mutual TLS)']);
    expect(firstUsesWithoutEnglish('설정 검사기로 본다', terms)).toEqual([]);
    expect(repeatedGlosses('상호 TLS(mutual TLS)와 상호 TLS(mutual TLS, mTLS)', terms)).toEqual(['상호 TLS(mutual TLS) ×2']);
    expect(repeatedGlosses('상호 TLS(mutual TLS)와 상호 TLS', terms)).toEqual([]);
    expect(englishCodeTitles(codeBlocks('```yaml title="wrong: gateway"\na: 1\n```\n```yaml title="틀린 예"\n```'))).toEqual([
      'line 1: yaml title="wrong: gateway"',
    ]);
    expect(misnamedLinks('[핸드셰이크와 신뢰](/basics/handshake-trust/) [여기](/basics/handshake-trust/#sni)', 'ko', LINK_NAMES)).toEqual([
      '[핸드셰이크와 신뢰](/basics/handshake-trust/) → "TLS 핸드셰이크가 신뢰를 결정하는 방법"',
    ]);
    expect(misnamedLinks('[The break-it lab](/en/labs/break-it/)', 'en', LINK_NAMES)).toEqual([]);
    const long = `${'가'.repeat(151)}. 짧다.`;
    expect(longSentences(`${long}\n\n\`\`\`\n${long}\n\`\`\``).map((s) => s.length)).toEqual([152]);
  });

  it('holds its own definitions to the same words', () => {
    const ko = prose(terms.map((term) => term.definition.ko).join('\n'));
    const en = prose(terms.map((term) => term.definition.en).join('\n'));
    expect([...discouragedVariants(ko, terms, KO_PHRASES), ...discouragedVariantsEn(en, terms)]).toEqual([]);
  });

  it('holds the widgets, Starlight texts and lab scripts\' Korean to the same words', () => {
    const LABS = join(import.meta.dirname, '../../labs');
    // The Korean message is the first argument of the scripts' t KOREAN ENGLISH helper.
    const scripts = readdirSync(LABS, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.sh'))
      .flatMap((file) => [...readFileSync(join(LABS, file), 'utf8').matchAll(/\bt\s+(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]!));
    const i18n = Object.values(JSON.parse(readFileSync(join(import.meta.dirname, '../../src/content/i18n/ko.json'), 'utf8')) as Record<string, string>);
    expect(scripts.length).toBeGreaterThan(10);
    const text = [...Object.values(DECODER_STRINGS.ko), ...Object.values(VALIDATOR_STRINGS.ko), ...Object.values(EXPLAIN_STRINGS.ko), ...Object.values(CERT_STRINGS.ko), ...i18n, ...scripts].join('\n');
    expect(discouragedVariants(text, terms, KO_PHRASES)).toEqual([]);
  });

  describe.each(pagePaths('ko'))('content/ko/%s', (path) => {
    const page = readPage('ko', path);
    const text = prose(page.body);

    it('uses no discouraged variant', () => {
      expect(discouragedVariants(readerText(page), terms, KO_PHRASES)).toEqual([]);
    });

    it('glosses each term in English on its first use, and only there', () => {
      const runningText = text.split('\n').filter((line) => !/^#{1,6}\s/.test(line)).join('\n');
      expect(firstUsesWithoutEnglish(runningText, terms)).toEqual([]);
      expect(repeatedGlosses(text, terms)).toEqual([]);
    });

    it('titles its code blocks in Korean, and uses the glossary words in their Korean text', () => {
      const blocks = codeBlocks(page.body);
      expect(englishCodeTitles(blocks)).toEqual([]);
      // Titles, comments and diagram labels are read too; field names such as `subset` stay English.
      const koreanOnly = terms.map((term) => ({ ...term, avoid: term.avoid?.filter((v) => /[\uac00-\ud7a3]/.test(v)) }));
      const text = blocks.map((block) => `${block.info}\n${block.code}`).join('\n');
      expect(discouragedVariants(text, koreanOnly, KO_PHRASES.map((p) => ({ ...p, avoid: p.avoid.filter((v) => /[\uac00-\ud7a3]/.test(v)) })))).toEqual([]);
    });

    it('links the pages named one way by that name', () => {
      expect(misnamedLinks(page.body, 'ko', LINK_NAMES)).toEqual([]);
    });
  });

  describe.each(pagePaths('en'))('content/en/%s', (path) => {
    it('uses one English name for each thing', () => {
      const page = readPage('en', path);
      expect([...discouragedVariantsEn(readerText(page), terms), ...misnamedLinks(page.body, 'en', LINK_NAMES)]).toEqual([]);
    });
  });
});
