// Defects a new reader met in the first week (issue 20): each checked where it showed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages, pageHtml } from '../helpers/site.ts';
import { DECODER_PRESETS } from '../../src/components/widgets/decoder/presets.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

const HANGUL = /[\uac00-\ud7a3]/;

describe('error pages', () => {
  it.each(['/errors/certificate-verify-failed/', '/en/errors/cert-expired/', '/en/errors/no-route/'])('%s renders the catalog\'s inline code', async (path) => {
    await page.goto(baseUrl + path);
    const main = await page.$eval('main .sl-markdown-content', (e) => ({ text: (e as HTMLElement).innerText, codes: e.querySelectorAll('p code, li code').length }));
    expect(main.text).not.toContain('`');
    expect(main.codes).toBeGreaterThan(0);
  });
});

describe('decoder', () => {
  it.each(['ko', 'en'] as const)('[%s] says what it found right under the input, and the cards follow close by', async (lang) => {
    await page.goto(`${baseUrl}${lang === 'en' ? '/en' : ''}/tools/decoder/`);
    const preset = DECODER_PRESETS[0]!;
    await page.click(`button[data-preset="${preset.id}"]`);
    const card = page.locator(`.mtls-card[data-id="${preset.expect}"]`);
    await card.waitFor();
    const geometry = await page.evaluate(() => {
      const box = document.querySelector('mtls-decoder textarea')!.getBoundingClientRect();
      const status = document.querySelector('mtls-decoder [data-status]')!;
      const first = document.querySelector('mtls-decoder .mtls-card')!;
      return {
        statusGap: status.getBoundingClientRect().top - box.bottom,
        cardGap: first.getBoundingClientRect().top - box.bottom,
        status: status.textContent ?? '',
        title: first.querySelector('h3')!.textContent ?? '',
      };
    });
    expect(geometry.statusGap).toBeGreaterThanOrEqual(0);
    expect(geometry.statusGap).toBeLessThan(60);
    expect(geometry.status).toContain(geometry.title);
    expect(geometry.cardGap).toBeLessThan(350);
  });

  it.each(['ko', 'en'] as const)('[%s] names a lab once ("Lab: Break it", not "Lab: Lab: Break it")', async (lang) => {
    await page.goto(`${baseUrl}${lang === 'en' ? '/en' : ''}/tools/decoder/`);
    // Every example's card links its labs.
    let labLinks = 0;
    for (const preset of DECODER_PRESETS) {
      await page.click(`button[data-preset="${preset.id}"]`);
      await page.locator(`.mtls-card[data-id="${preset.expect}"]`).waitFor();
      const items = await page.$$eval('.mtls-card .mtls-links li', (els) => els.filter((li) => li.querySelector('a[href*="/labs/"]')).map((li) => li.textContent ?? ''));
      labLinks += items.length;
      for (const item of items) expect(item).not.toMatch(/(Lab|실습): (Lab|실습):/);
    }
    expect(labLinks).toBeGreaterThan(0);
  });
});

describe('home page', () => {
  it.each(['/', '/en/'])('%s: every card is a link', async (path) => {
    await page.goto(baseUrl + path);
    const cards = await page.$$eval('main .card-grid > *', (els) => els.map((el) => Boolean(el.querySelector('a[href]'))));
    expect(cards.length).toBeGreaterThanOrEqual(8);
    expect(cards.every(Boolean)).toBe(true);
  });
});

describe('English pages', () => {
  // Read from the built pages: the frames' labels are in the HTML as shipped.
  it('label code frames and their buttons in English', () => {
    const bad: string[] = [];
    let frames = 0;
    for (const path of builtPages().filter((p) => p.startsWith('/en/'))) {
      for (const [frame] of pageHtml(path).matchAll(/<div class="expressive-code"[\s\S]*?<\/figure>/g)) {
        frames += 1;
        const labels = [
          ...[...frame.matchAll(/\b(?:title|aria-label|data-copied)="([^"]*)"/g)].map((m) => m[1]!),
          ...[...frame.matchAll(/<span class="sr-only">([^<]*)</g)].map((m) => m[1]!),
        ];
        for (const label of labels) if (HANGUL.test(label)) bad.push(`${path}: ${label}`);
      }
    }
    expect(frames).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
