// axe-core (WCAG 2.2 A/AA and best practices) on every built page of both languages.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site.ts';

const pages = builtPages();
let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(() => browser?.close());

describe.each(['light', 'dark'] as const)('axe, %s theme', (theme) => {
  beforeAll(async () => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  });
  it.each(pages)('%s has no violation', async (path) => {
    await page.goto(baseUrl + path);
    // Expressive Code makes overflowing code blocks focusable from a deferred script; wait for it
    // as a reader's browser would, then check.
    await page.waitForFunction(
      () => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
      undefined,
      { timeout: 5000 },
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});
