// Search through Pagefind's real index, in the real UI, as readers type and paste.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';

interface SearchCase {
  query: string;
  lang: 'ko' | 'en';
  /** The page that must be among the first `within` results. */
  expect: string;
  within?: number;
  /** What kind of query this is, for the hit-rate report. */
  kind: string;
}

export const CASES: SearchCase[] = parse(readFileSync(join(import.meta.dirname, 'search-queries.yaml'), 'utf8'));
const baseUrl = inject('baseUrl');
let browser: Browser;
const pages: Partial<Record<'ko' | 'en', Page>> = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The result URLs (paths) the site's search box shows for a query. */
export async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.fill('#starlight__search input', '');
  await page.fill('#starlight__search input', query);
  // The UI debounces input; wait until the message line reflects this query's results.
  await page.waitForFunction(
    () => {
      const message = document.querySelector('#starlight__search .pagefind-ui__message');
      return message && !/searching|검색 중/i.test(message.textContent ?? '') && message.textContent !== '';
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(150);
  // One entry per page: the result's own link, not the links to its sections nested under it.
  return page.$$eval('#starlight__search .pagefind-ui__result', (results) =>
    results.map((result) => new URL((result.querySelector('a.pagefind-ui__result-link') as HTMLAnchorElement).href).pathname),
  );
}

async function searchPage(lang: 'ko' | 'en'): Promise<Page> {
  let page = pages[lang];
  if (!page) {
    page = await browser.newPage();
    await page.goto(baseUrl + (lang === 'en' ? '/en/' : '/'));
    await page.click('button[data-open-modal]');
    await page.waitForSelector('#starlight__search input', { timeout: 15_000 });
    pages[lang] = page;
  }
  return page;
}

describe('site search', () => {
  it('has a table of at least 60 queries of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const kind of ['ko-noun', 'ko-particle', 'ko-compound', 'en-term', 'identifier', 'numeric-code', 'log-line']) {
      expect(kinds).toContain(kind);
    }
    expect(CASES.filter((c) => c.kind === 'log-line').length).toBeGreaterThanOrEqual(10);
  });

  const outcomes: { query: string; hit: boolean; results: string[] }[] = [];

  it.each(CASES)('[$lang] "$query" finds $expect', async ({ query, lang, expect: expected, within = 3, kind }) => {
    const results = await searchResults(await searchPage(lang), query);
    const hit = results.slice(0, within).includes(expected);
    outcomes.push({ query, hit, results: results.slice(0, 5) });
    // Identifiers and numeric codes must rank their page first, and a pasted log line must lead
    // to its page; for words and terms the table as a whole must reach the hit rate below.
    if (kind === 'identifier' || kind === 'numeric-code') expect(results[0]).toBe(expected);
    if (kind === 'log-line') expect(results.slice(0, within)).toContain(expected);
  });

  it('hits at 3 for at least 95 % of the table', () => {
    const hits = outcomes.filter((o) => o.hit).length;
    expect(outcomes.length).toBe(CASES.length);
    const misses = outcomes.filter((o) => !o.hit).map((o) => `${o.query} → ${o.results.join(', ')}`);
    if (misses.length) console.log(`search misses:\n  ${misses.join('\n  ')}`);
    expect(hits / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });
});
