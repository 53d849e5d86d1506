// axe-core (WCAG 2.2 A/AA and best practices) on every built page of both languages, in the
// light theme; then, on the same load, the theme-dependent rules in the dark theme.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, THEME_RULES } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site.ts';

const pages = builtPages();
let browser: Browser;
const baseUrl = inject('baseUrl');

// Two tabs take turns: axe keeps one renderer busy on one core, and the machine has two. (The
// test files themselves run one after another.)
const TABS = 2;
const idle: Page[] = [];
const waiting: ((page: Page) => void)[] = [];
const take = (): Promise<Page> => new Promise((resolve) => {
  const page = idle.pop();
  if (page) resolve(page);
  else waiting.push(resolve);
});
const give = (page: Page) => {
  const next = waiting.shift();
  if (next) next(page);
  else idle.push(page);
};

beforeAll(async () => {
  browser = await launchBrowser();
  for (let i = 0; i < TABS; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    idle.push(page);
  }
});
afterAll(() => browser?.close());

/** Where axe looks. An error entry page (two thirds of the site) is one template around its
 * catalog entry: its header, sidebar and footer are the same components as on every other page,
 * which are checked whole, so only its own content is checked again. */
const scope = (path: string) => (/\/errors\/[^/]+\/$/.test(path) ? 'main' : undefined);

describe('axe', () => {
  it.concurrent.each(pages)('%s has no violation in either theme', async (path) => {
    const page = await take();
    try {
      await check(page, path);
    } finally {
      give(page);
    }
  });
});

async function check(page: Page, path: string): Promise<void> {
  await page.goto(baseUrl + path);
  // Expressive Code makes overflowing code blocks focusable from a deferred script; wait for it
  // as a reader's browser would, then check.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
    undefined,
    { timeout: 5000 },
  );
  expect(await axeViolations(page, scope(path)), 'light theme').toEqual([]);
  // What Starlight's theme picker does: only the colours change, so only the rules that see
  // colours (and which diagram SVG is shown) can give another answer.
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  expect(await axeViolations(page, scope(path), THEME_RULES), 'dark theme').toEqual([]);
}
