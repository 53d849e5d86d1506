// Every built page of both languages, loaded once as a reader's browser gets it. On that one load:
// it answers 200 with the right lang, logs no error or warning (a CSP violation is one), fetches
// nothing that fails, its language picker offers its twin, and axe-core (WCAG 2.2 A/AA and best
// practices) finds nothing in the light theme, then, after switching to dark in place, nothing in
// the rules that see colours.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, THEME_RULES } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages, langOf, twinOf } from '../helpers/site.ts';

const pages = builtPages();
let browser: Browser;
const baseUrl = inject('baseUrl');

/** A tab and what it has seen go wrong since it was last asked. */
interface Tab {
  page: Page;
  problems: string[];
}

// Two tabs take turns: axe keeps one renderer busy on one core, and the machine has two. (The
// test files themselves run one after another.)
const TABS = 2;
const idle: Tab[] = [];
const waiting: ((tab: Tab) => void)[] = [];
const take = (): Promise<Tab> => new Promise((resolve) => {
  const tab = idle.pop();
  if (tab) resolve(tab);
  else waiting.push(resolve);
});
const give = (tab: Tab) => {
  const next = waiting.shift();
  if (next) next(tab);
  else idle.push(tab);
};

beforeAll(async () => {
  browser = await launchBrowser();
  for (let i = 0; i < TABS; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    const tab: Tab = { page, problems: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') tab.problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => tab.problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) tab.problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    idle.push(tab);
  }
});
afterAll(() => browser?.close());

describe('every page', () => {
  it('the build has pages in both languages', () => {
    expect(pages.filter((p) => langOf(p) === 'ko').length).toBeGreaterThan(5);
    expect(pages.filter((p) => langOf(p) === 'en').length).toBe(pages.filter((p) => langOf(p) === 'ko').length);
  });

  it.concurrent.each(pages)('%s loads cleanly, offers its twin, and axe finds nothing in either theme', async (path) => {
    const tab = await take();
    try {
      await check(tab, path);
    } finally {
      give(tab);
    }
  });
});

/** Where axe looks. An error entry page (two thirds of the site) is one template around its
 * catalog entry: its header, sidebar and footer are the same components as on every other page,
 * which are checked whole, so only its own content is checked again. */
const axeScope = (path: string) => (/\/errors\/[^/]+\/$/.test(path) ? 'main' : undefined);

async function check({ page, problems }: Tab, path: string): Promise<void> {
  problems.length = 0;
  const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe(langOf(path));

  if (path !== '/' && path !== '/en/') {
    const other = langOf(path) === 'ko' ? 'en' : 'ko';
    const options = await page.$$eval('starlight-lang-select select option', (els) =>
      els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent?.trim() })),
    );
    const target = options.find((o) => (other === 'en' ? o.label === 'English' : o.label === '한국어'));
    expect(target?.value, 'language picker').toBe(twinOf(path));
  }

  // Give idle-time scripts (search, widgets) a moment to run and complain.
  await page.waitForTimeout(50);
  expect(await axeViolations(page, axeScope(path)), 'axe, light theme').toEqual([]);
  // What Starlight's theme picker does: only the colours change, so only the rules that see
  // colours (and which diagram SVG is shown) can give another answer.
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  expect(await axeViolations(page, axeScope(path), THEME_RULES), 'axe, dark theme').toEqual([]);
  expect(problems, 'console errors, warnings and failed requests').toEqual([]);
}

describe('language switcher', () => {
  it('switching language keeps the page (Korean → English → Korean)', async () => {
    const tab = await take();
    try {
      const { page } = tab;
      const start = pages.find((p) => p.startsWith('/start/')) ?? '/glossary/';
      await page.goto(baseUrl + start);
      await Promise.all([page.waitForURL(baseUrl + twinOf(start)), page.selectOption('starlight-lang-select select', { label: 'English' })]);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await Promise.all([page.waitForURL(baseUrl + start), page.selectOption('starlight-lang-select select', { label: '한국어' })]);
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
    } finally {
      give(tab);
    }
  });
});
