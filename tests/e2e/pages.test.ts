// Every built page, in both languages, as a reader's browser gets it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages, langOf, twinOf } from '../helpers/site.ts';

const pages = builtPages();
let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe('every page', () => {
  it('the build has pages in both languages', () => {
    expect(pages.filter((p) => langOf(p) === 'ko').length).toBeGreaterThan(5);
    expect(pages.filter((p) => langOf(p) === 'en').length).toBe(pages.filter((p) => langOf(p) === 'ko').length);
  });

  it.each(pages)('%s loads with the right lang, no console error, and its language picker offers its twin', async (path) => {
    const problems: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    };
    const onPageError = (error: Error) => problems.push(`pageerror: ${error.message}`);
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    };
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('response', onResponse);
    try {
      const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(langOf(path));
      // Give idle-time scripts (search, widgets) a moment to run and complain.
      await page.waitForTimeout(50);
      expect(problems).toEqual([]);
      if (path !== '/' && path !== '/en/') {
        const other = langOf(path) === 'ko' ? 'en' : 'ko';
        const options = await page.$$eval('starlight-lang-select select option', (els) =>
          els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent?.trim() })),
        );
        const target = options.find((o) => (other === 'en' ? o.label === 'English' : o.label === '한국어'));
        expect(target?.value).toBe(twinOf(path));
      }
    } finally {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
    }
  });
});

describe('language switcher', () => {
  it('switching language keeps the page (Korean → English → Korean)', async () => {
    const start = pages.find((p) => p.startsWith('/start/')) ?? '/glossary/';
    await page.goto(baseUrl + start);
    await Promise.all([page.waitForURL(baseUrl + twinOf(start)), page.selectOption('starlight-lang-select select', { label: 'English' })]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await Promise.all([page.waitForURL(baseUrl + start), page.selectOption('starlight-lang-select select', { label: '한국어' })]);
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
  });
});
