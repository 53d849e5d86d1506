// Every page on a 390 px phone: nothing widens the page past the screen (the header's search
// and menu would move off-screen); wide tables scroll in their own focusable, named box; code
// lines do not wrap (a wrapped line breaks inside tokens such as `istio-egress` or a path), and no
// text of a block's first line sits under, or scrolls under, its copy button.
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
  it.each(builtPages())('%s fits the screen; its tables and code blocks scroll inside their own boxes', async (path) => {
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
      // Code blocks (laid out here even where content-visibility skipped them: measuring forces it).
      const wrapped: string[] = [];
      const underButton: string[] = [];
      for (const frame of document.querySelectorAll('.expressive-code .frame')) {
        const lineHeight = parseFloat(getComputedStyle(frame.querySelector('pre > code')!).lineHeight);
        const lines = [...frame.querySelectorAll<HTMLElement>('.ec-line > .code')];
        for (const line of lines) {
          // One line of code is one line box; taller means the browser broke it.
          if (line.getBoundingClientRect().height > lineHeight * 1.5) wrapped.push(line.textContent!.slice(0, 50));
        }
        const button = frame.querySelector('.copy button')?.getBoundingClientRect();
        if (!button || !lines[0]) continue;
        const text = document.createRange();
        text.selectNodeContents(lines[0]);
        // Text level with the button must end before it: scrolling the block only moves text left.
        const hidden = [...text.getClientRects()].some((r) => r.width > 0 && r.bottom > button.top && r.top < button.bottom && r.right > button.left);
        if (hidden) underButton.push(lines[0].textContent!.slice(0, 50));
      }
      return { scrollWidth: document.documentElement.scrollWidth, width, wider, tables, wrapped, underButton };
    });
    // What sticks out is named in the message when the page is wider than the screen.
    expect(layout.scrollWidth, `wider than the screen: ${layout.wider.join(', ')}`).toBeLessThanOrEqual(layout.width);
    for (const t of layout.tables) {
      expect(t).toMatchObject({ box: 'table-scroll', role: 'region', tabindex: '0' });
      expect(t.label.length).toBeGreaterThan(2);
    }
    expect(layout.wrapped, 'code lines broken over several lines').toEqual([]);
    expect(layout.underButton, "first lines under their block's copy button").toEqual([]);
  });
});
