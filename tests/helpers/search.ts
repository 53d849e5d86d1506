// Drives the site's real search box (Pagefind UI over the built index). Shared by the search
// e2e test and `npm run bench`, so both measure the same thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';

export interface SearchCase {
  query: string;
  lang: 'ko' | 'en';
  /** The page that must be among the first `within` results. */
  expect: string;
  within?: number;
  /** What kind of query this is, for the hit-rate report. */
  kind: string;
}

export const SEARCH_CASES: SearchCase[] = parse(readFileSync(join(import.meta.dirname, '../e2e/search-queries.yaml'), 'utf8'));

/** Opens the search dialog on the home page of a language. */
export async function openSearch(browser: Browser, baseUrl: string, lang: 'ko' | 'en'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(baseUrl + (lang === 'en' ? '/en/' : '/'));
  await page.click('button[data-open-modal]');
  await page.waitForSelector('#starlight__search input', { timeout: 15_000 });
  return page;
}

/** The result URLs (paths) the site's search box shows for a query. */
export async function searchResults(page: Page, query: string): Promise<string[]> {
  const input = '#starlight__search input';
  // Clear first and wait until the previous results are gone, so that the wait below cannot
  // mistake the last query's results for this one's.
  await page.fill(input, '');
  await page.waitForFunction(() => !document.querySelector('#starlight__search .pagefind-ui__result'), undefined, { timeout: 10_000 });
  await page.fill(input, query);
  // The UI debounces input, says "searching" while it works, and then shows each result as a
  // loading placeholder (no link yet) until that page's data has arrived.
  await page.waitForFunction(
    () => {
      const root = document.querySelector('#starlight__search');
      const message = root?.querySelector('.pagefind-ui__message')?.textContent ?? '';
      return message !== '' && !/searching|검색 중/i.test(message) && !root?.querySelector('.pagefind-ui__result .pagefind-ui__loading');
    },
    undefined,
    { timeout: 10_000 },
  );
  // One entry per page: the result's own link, not the links to its sections nested under it.
  return page.$$eval('#starlight__search .pagefind-ui__result', (results) =>
    results.map((result) => new URL((result.querySelector('a.pagefind-ui__result-link') as HTMLAnchorElement).href).pathname),
  );
}

/** Whether a case's page is among its first `within` results. */
export const isHit = (c: SearchCase, results: string[]) => results.slice(0, c.within ?? 3).includes(c.expect);
