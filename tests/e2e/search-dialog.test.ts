// The search dialog as a Korean or English reader meets it: its own words in the page's
// language, results that read as text, and help when a search finds nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchResults, searchSession } from '../helpers/search.ts';
import { builtPages, DIST, pageHtml } from '../helpers/site.ts';

const session = searchSession(inject('baseUrl'));
afterAll(() => session.close());
const searchPage = session.page;

const root = '#starlight__search';
const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);

describe('search dialog words', () => {
  it('are Korean on Korean pages', async () => {
    const page = await searchPage('ko');
    await searchResults(page, '인증서가 만료');
    expect(await text(page, `${root} .pagefind-ui__message`)).toMatch(/^인증서가 만료 검색 결과 \d+개$/);
    expect(await text(page, `${root} .pagefind-ui__search-clear`)).toBe('지우기');
    expect(await page.getAttribute(`${root} form`, 'aria-label')).toBe('사이트 검색');
    await searchResults(page, 'zzqqxxjj');
    expect(await text(page, `${root} .pagefind-ui__message`)).toBe('zzqqxxjj 검색 결과 없음');
  });

  it('are English on English pages', async () => {
    const page = await searchPage('en');
    await searchResults(page, 'certificate expired');
    expect(await text(page, `${root} .pagefind-ui__message`)).toMatch(/^\d+ results? for certificate expired$/);
    expect(await text(page, `${root} .pagefind-ui__search-clear`)).toBe('Clear');
  });
});

describe('search results', () => {
  it.each(['ko', 'en'] as const)('[%s] read as text: no Markdown, no keyword lines, no labels run into values', async (lang) => {
    const page = await searchPage(lang);
    const results = await searchResults(page, lang === 'ko' ? '인증서 만료' : 'certificate expired');
    expect(results.some((r) => r.includes('/errors/'))).toBe(true);
    // The excerpts of error pages, where catalog text and the facts list used to leak through.
    const shown = await text(page, `${root} .pagefind-ui__results`);
    expect(shown).not.toContain('`');
    expect(shown).not.toMatch(/Keywords:/i);
    expect(shown).not.toMatch(/분류인증서|실패한 쪽양쪽|CategoryCert|Side that failed/);
  });

  it('find the page of a question typed the way people ask it', async () => {
    const page = await searchPage('ko');
    const results = await searchResults(page, '왜 인증서가 만료되나요?');
    expect(results.slice(0, 3)).toContain('/errors/cert-expired/');
  });

  it('offer the nearest glossary terms when nothing is found, and searching one finds pages', async () => {
    const page = await searchPage('ko');
    expect(await searchResults(page, '서큇브레이커')).toEqual([]);
    const suggestion = page.locator('.site-search-hint button[data-term]').first();
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe('서킷 브레이커');
    await suggestion.click();
    await page.waitForFunction(() => document.querySelectorAll('#starlight__search .pagefind-ui__result a.pagefind-ui__result-link').length > 0);
    expect(await page.inputValue(`${root} input`)).toBe('서킷 브레이커');
    expect(await page.locator('.site-search-hint').isHidden()).toBe(true);
  });
});

describe("Pagefind's stylesheet", () => {
  // Its rules carry Svelte's scoping classes; Starlight's own search rules, which every page needs, do not.
  it('is in none of the stylesheets a page links (a reader who never searches does not load it)', () => {
    const linked = new Set(builtPages().flatMap((p) => [...pageHtml(p).matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]!)));
    expect(linked.size).toBeGreaterThan(1);
    for (const href of linked) expect(readFileSync(join(DIST, href), 'utf8'), href).not.toMatch(/\.pagefind-ui__result\.svelte-/);
  });

  it('applies once search is open, in the layer Starlight puts it (the dialog keeps its place)', async () => {
    const page = await searchPage('en');
    await searchResults(page, 'certificate expired');
    const style = await page.evaluate(() => ({
      result: getComputedStyle(document.querySelector('#starlight__search .pagefind-ui__result')!).display,
      dialogTop: getComputedStyle(document.querySelector('site-search dialog')!).marginTop,
      wide: window.innerWidth >= 800,
    }));
    expect(style.result).toBe('flex');
    // Starlight's 4rem top margin on wide screens holds only if the late layer did not reorder the cascade.
    if (style.wide) expect(style.dialogTop).toBe('64px');
  });
});
