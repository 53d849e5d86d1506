// What keeps a long content page cheap to render on a phone (Lighthouse mobile performance): the
// code-block stylesheet loads in <head>, code blocks carry no per-element style reset, and content
// below the fold is laid out only when it nears the viewport. The timings themselves live in
// `npm run bench`; these are the properties that produce them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages, DIST, pageHtml } from '../helpers/site.ts';

const withCode = builtPages().filter((p) => pageHtml(p).includes('class="expressive-code"'));
let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 412, height: 823 } });
});
afterAll(() => browser?.close());

describe('render cost of content pages', () => {
  it('many pages have code blocks', () => {
    expect(withCode.length).toBeGreaterThan(30);
  });

  it.each(withCode)('%s links the code-block stylesheet from <head> only', (path) => {
    const html = pageHtml(path);
    const headEnd = html.indexOf('</head>');
    const links = [...html.matchAll(/<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"/g)].map((m) => m.index);
    expect(links).toHaveLength(1);
    expect(links[0]).toBeLessThan(headEnd);
  });

  it('the code-block stylesheet has no reset of every element', () => {
    const sheet = readdirSync(join(DIST, '_astro')).find((f) => /^ec\.[\w-]+\.css$/.test(f));
    expect(sheet).toBeDefined();
    const css = readFileSync(join(DIST, '_astro', sheet!), 'utf8');
    expect(css).toContain('.expressive-code');
    expect(css).not.toMatch(/\*:not\(:is\(svg, ?svg \*\)\)\{[^}]*all:revert/);
  });

  it('the copy button keeps its reset: the page font does not reach it', async () => {
    await page.goto(baseUrl + '/basics/handshake-trust/');
    const fonts = await page.evaluate(() => ({
      copy: getComputedStyle(document.querySelector('.expressive-code .copy button')!).fontFamily,
      page: getComputedStyle(document.body).fontFamily,
    }));
    expect(fonts.copy).not.toBe(fonts.page);
  });

  it("Starlight's cascade layers keep their order (components above reset)", async () => {
    await page.goto(baseUrl + '/basics/handshake-trust/');
    // starlight.reset sets every margin to 0; starlight.components gives an aside's text 0.5rem
    // under its title. The components layer must win.
    const margin = await page.$eval('.starlight-aside__title + .starlight-aside__content', (el) => getComputedStyle(el).marginTop);
    expect(margin).toBe('8px');
  });

  it('content below the fold is skipped until it nears the viewport; the first blocks and widgets are not', async () => {
    await page.goto(baseUrl + '/patterns/termination/');
    const skipped = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content > .expressive-code:nth-child(n + 3), .sl-markdown-content > figure.mmd:nth-child(n + 3) > .mmd-both')].map(
        (el) => getComputedStyle(el).contentVisibility,
      ),
    );
    expect(skipped.length).toBeGreaterThan(3);
    expect(new Set(skipped)).toEqual(new Set(['auto']));
    const first = await page.$$eval('.sl-markdown-content > :nth-child(-n + 2)', (els) => els.map((el) => getComputedStyle(el).contentVisibility));
    expect(first).toEqual(['visible', 'visible']);
    await page.goto(baseUrl + '/tools/validator/');
    const widget = await page.$eval('.sl-markdown-content > .mtls-widget', (el) => getComputedStyle(el).contentVisibility);
    expect(widget).toBe('visible');
  });

  // Lighthouse counts a jump of what is on screen (CLS). A block laid out first at its 8rem
  // placeholder and then at its real height pushes everything under it down.
  it.each(['/tools/validator/', '/en/tools/validator/', '/egress/double-mtls/', '/en/patterns/termination/', '/'])(
    '%s: nothing on a phone screen moves while the page loads',
    async (path) => {
      const phone = await browser.newPage({ viewport: { width: 412, height: 823 } });
      await phone.addInitScript(() => {
        const shifts: { value: number; moved: string[] }[] = ((window as unknown as { shifts: unknown }).shifts = []);
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; sources: { node?: Node }[] }[]) {
            shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.nodeName ?? '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await phone.goto(baseUrl + path, { waitUntil: 'networkidle' });
      await phone.waitForTimeout(500);
      const shifts = await phone.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
      await phone.close();
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.02);
    },
  );
});
