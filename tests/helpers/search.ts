// Drives the site's real search box (Pagefind UI over the built index). Shared by the search
// e2e test and `npm run bench`, so both measure the same thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

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

/** Opens the search dialog on the home page of a language, in a browser or one of its contexts. */
export async function openSearch(browser: Pick<Browser, 'newPage'>, baseUrl: string, lang: 'ko' | 'en'): Promise<Page> {
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

/** One browser with one open search dialog per language, started on first use (for the tests and
 * the bench, which search many queries in the same dialog). */
export function searchSession(baseUrl: string) {
  let browser: Promise<Browser> | undefined;
  const pages: Partial<Record<'ko' | 'en', Promise<Page>>> = {};
  return {
    page: (lang: 'ko' | 'en') => (pages[lang] ??= (browser ??= launchBrowser()).then((b) => openSearch(b, baseUrl, lang))),
    close: async () => (await browser)?.close(),
  };
}

/** The User Timing mark src/search/pagefind-ui-core.ts (SEARCH_MARK) sets when the input's
 * debounce ends and the UI starts a search. */
const SEARCH_MARK = 'site-search:query';

/**
 * Types a query into an open dialog and returns the milliseconds from the end of the debounce to
 * the first drawn result (a result whose page data has arrived: it has its link).
 */
export async function timeToFirstResult(page: Page, query: string): Promise<number> {
  const input = '#starlight__search input';
  await page.fill(input, '');
  await page.waitForFunction(() => !document.querySelector('#starlight__search .pagefind-ui__result'), undefined, { timeout: 10_000 });
  await page.evaluate((mark) => {
    performance.clearMarks(mark);
    const root = document.querySelector('#starlight__search')!;
    const w = window as unknown as { firstResultAt?: number };
    w.firstResultAt = undefined;
    const observer = new MutationObserver(() => {
      if (performance.getEntriesByName(mark).length > 0 && root.querySelector('.pagefind-ui__result-link')) {
        w.firstResultAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(root, { subtree: true, childList: true });
  }, SEARCH_MARK);
  await page.fill(input, query);
  await page.waitForFunction(() => (window as unknown as { firstResultAt?: number }).firstResultAt !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate((mark) => (window as unknown as { firstResultAt: number }).firstResultAt - performance.getEntriesByName(mark).at(-1)!.startTime, SEARCH_MARK);
}

/**
 * Search latency over the query table of one language: cold, each query as the first of a visit
 * (a new browser context: empty cache, the dialog opened and the query typed), and warm, every
 * query in one dialog after a first search.
 */
export async function searchLatency(browser: Browser, baseUrl: string, lang: 'ko' | 'en'): Promise<{ cold: number[]; warm: number[] }> {
  const queries = SEARCH_CASES.filter((c) => c.lang === lang).map((c) => c.query);
  const cold: number[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    cold.push(await timeToFirstResult(await openSearch(context, baseUrl, lang), query));
    await context.close();
  }
  const context = await browser.newContext();
  const page = await openSearch(context, baseUrl, lang);
  await timeToFirstResult(page, queries[0]!);
  const warm: number[] = [];
  for (const query of queries) warm.push(await timeToFirstResult(page, query));
  await context.close();
  return { cold, warm };
}
