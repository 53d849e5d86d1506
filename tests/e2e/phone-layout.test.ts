// Every page on a 390 px phone: nothing widens the page past the screen (the header's search
// and menu would move off-screen); wide tables scroll in their own focusable, named box; a code
// block's first line does not run under its copy button.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
});
afterAll(() => browser?.close());

describe('on a 390 px phone', () => {
  it.each(builtPages())('%s fits the screen, and its tables scroll inside named regions', async (path) => {
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll, .expressive-code, .mmd, dialog'))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
      const tables = [...document.querySelectorAll('main table')].map((table) => {
        const box = table.parentElement!;
        return { box: box.className, role: box.getAttribute('role'), tabindex: box.getAttribute('tabindex'), label: box.getAttribute('aria-label') ?? '' };
      });
      return { scrollWidth: document.documentElement.scrollWidth, width, wider, tables };
    });
    // What sticks out is named in the message when the page is wider than the screen.
    expect(layout.scrollWidth, `wider than the screen: ${layout.wider.join(', ')}`).toBeLessThanOrEqual(layout.width);
    for (const t of layout.tables) {
      expect(t).toMatchObject({ box: 'table-scroll', role: 'region', tabindex: '0' });
      expect(t.label.length).toBeGreaterThan(2);
    }
  });

  it.each(['/patterns/origination/', '/en/envoy/tls-troubleshooting/'])('%s: the first line of a code block ends before its copy button', async (path) => {
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    const frames = await page.$$eval('.expressive-code .frame:not(.has-title, .is-terminal)', (els) =>
      els.map((frame) => {
        frame.scrollIntoView();
        // The first line's text box (trailing spaces of a wrapped line may hang past it, unseen).
        const code = frame.querySelector('.ec-line .code')!;
        const box = code.getBoundingClientRect();
        const firstLineEnd = box.right - parseFloat(getComputedStyle(code).paddingInlineEnd);
        const top = box.top;
        const button = frame.querySelector('.copy button')!.getBoundingClientRect();
        return { firstLineEnd, buttonStart: button.left, buttonBottom: button.bottom, lineTop: top };
      }),
    );
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) {
      // The button covers the first line's height; the text must stop short of it.
      expect(f.buttonBottom).toBeGreaterThan(f.lineTop);
      expect(f.firstLineEnd).toBeLessThanOrEqual(f.buttonStart);
    }
  });
});
