// Translation parity: every page has its twin, and the twins have not drifted apart. Counting
// headings and code blocks is a cheap drift signal (like Kubernetes' outdatedness triage):
// when one language gains a section or an example and the other does not, this fails.
import { describe, expect, it } from 'vitest';
import { codeBlocks, headings, pagePaths, readPage } from '../helpers/content.ts';
import { missingTwins } from '../../scripts/link-content.mjs';
import { join } from 'node:path';

const ko = pagePaths('ko');
const en = pagePaths('en');

describe('translation parity', () => {
  it('every page has its twin in the other language', () => {
    expect(missingTwins(join(import.meta.dirname, '../..'))).toEqual([]);
    expect(ko).toEqual(en);
  });

  describe.each(ko.filter((p) => en.includes(p)))('%s', (path) => {
    const pageKo = readPage('ko', path);
    const pageEn = readPage('en', path);

    it('has title, description and keywords in both languages', () => {
      for (const page of [pageKo, pageEn]) {
        expect(typeof page.frontmatter.title, 'title').toBe('string');
        expect(String(page.frontmatter.description ?? '').length, 'description').toBeGreaterThan(20);
        expect(Array.isArray(page.frontmatter.keywords) && page.frontmatter.keywords.length > 0, 'keywords').toBe(true);
      }
    });

    it('has as many headings and code blocks as its twin', () => {
      expect(headings(pageKo.body).length).toBe(headings(pageEn.body).length);
      expect(codeBlocks(pageKo.body).map((b) => b.info.split(/\s/)[0])).toEqual(codeBlocks(pageEn.body).map((b) => b.info.split(/\s/)[0]));
    });

    it('is written in its own language', () => {
      const hangul = (text: string) => (text.match(/[\uac00-\ud7a3]/g) ?? []).length;
      expect(hangul(pageKo.body + String(pageKo.frontmatter.title))).toBeGreaterThan(0);
      // English pages may quote Korean terms (the glossary does), but are not Korean prose.
      const enBody = pageEn.body.replace(/<Glossary[^>]*>/g, '');
      expect(hangul(enBody)).toBeLessThan(Math.max(40, enBody.length * 0.02));
    });
  });
});
