// Diagrams are rendered at build time: inline SVG coloured for the reader's theme, and no Mermaid
// sent to readers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { measureDiagrams } from '../helpers/diagrams.ts';
import { builtPages, pageHtml } from '../helpers/site.ts';

const withDiagrams = builtPages().filter((p) => pageHtml(p).includes('class="mmd"'));
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('build-time diagrams', () => {
  it('pages in both languages have diagrams', () => {
    expect(withDiagrams.some((p) => p.startsWith('/en/'))).toBe(true);
    expect(withDiagrams.some((p) => !p.startsWith('/en/'))).toBe(true);
  });

  /** What Starlight's theme picker does; the diagrams switch colours (or SVGs) by CSS. */
  async function setTheme(tab: Page, theme: 'light' | 'dark') {
    await tab.evaluate((t) => {
      document.documentElement.dataset.theme = t;
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, theme);
  }

  // Labels are drawn at 16 px; a diagram may shrink with the column only while they stay 12 px
  // high, and beyond that scrolls sideways inside its focusable box. One load per page and
  // window width; the theme is switched in place.
  const viewports = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ];
  describe.each(viewports)('at $width px', (viewport) => {
    let tab: Page;
    beforeAll(async () => {
      tab = await (await browser.newContext({ viewport })).newPage();
    });

    it.each(withDiagrams)('%s: the SVG matches the theme, every label is at least 12 px high, no Mermaid is loaded; at 1280 px, each diagram has its own name, description and full-size link', async (path) => {
      const scripts: string[] = [];
      const onRequest = (request: { resourceType(): string; url(): string }) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      };
      tab.on('request', onRequest);
      await tab.goto(baseUrl + path);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(tab, theme);
        const figures = await tab.$$eval('figure.mmd', (els) =>
          els.map((el) => {
            const visible = [...el.querySelectorAll(':scope > div')].filter((d) => getComputedStyle(d).display !== 'none');
            const svg = visible[0]?.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            // Luminance of the diagram's base colour (Mermaid sets it on the SVG root and text
            // inherits it): dark on the light theme, light on the dark theme.
            const [r, g, b] = (svg ? getComputedStyle(svg).fill : '').match(/\d+(\.\d+)?/g)?.map(Number) ?? [0, 0, 0];
            return {
              visible: visible.map((d) => d.className),
              textLuminance: (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255,
              label: el.querySelector(`#${CSS.escape(el.getAttribute('aria-labelledby') ?? '')}`)?.textContent,
              width: box?.width ?? 0,
              textCount: svg?.querySelectorAll('text').length ?? 0,
            };
          }),
        );
        expect(figures.length).toBeGreaterThan(0);
        for (const figure of figures) {
          // One SVG carrying both colour sets, or the one of two that matches the theme.
          expect([['mmd-both'], [theme === 'dark' ? 'mmd-dark' : 'mmd-light']]).toContainEqual(figure.visible);
          if (theme === 'dark') expect(figure.textLuminance).toBeGreaterThan(0.5);
          else expect(figure.textLuminance).toBeLessThan(0.5);
          expect(figure.label).toBeTruthy();
          expect(figure.width).toBeGreaterThan(50);
          expect(figure.textCount).toBeGreaterThan(0);
        }
        for (const figure of await measureDiagrams(tab)) {
          expect(figure.labels, figure.name).toBeGreaterThan(0);
          expect(figure.smallest, `${figure.name} (${theme})`).toBeGreaterThanOrEqual(12);
          expect(figure.focusable).toBe(true);
          // A diagram wider than the column scrolls inside its own box, which stays in the page.
          if (figure.overflows) expect(figure.scrolls, figure.name).toBe(true);
          expect(figure.figureFits, figure.name).toBe(true);
        }
      }
      tab.off('request', onRequest);
      expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);
      // Names, descriptions and full-size links do not depend on the width: checked on the wide load.
      if (viewport.width === 1280) await checkNamesAndLinks(tab, path);
    });
  });
});

/** Each diagram has a name and a longer description of its own, in the page's language, and a
 * full-size link that serves the SVG and comes right after the diagram in keyboard order. */
async function checkNamesAndLinks(tab: Page, path: string) {
  const lang = path.startsWith('/en/') ? 'en' : 'ko';
  const figures = await tab.$$eval('figure.mmd', (els) =>
    els.map((el) => {
      const view = el.querySelector<HTMLElement>(':scope > div[role="img"]')!;
      const text = (ids: string | null) => (ids ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const link = el.querySelector<HTMLAnchorElement>('figcaption a');
      return {
        name: text(view.getAttribute('aria-labelledby')),
        description: text(view.getAttribute('aria-describedby')),
        href: link?.getAttribute('href'),
        linkName: link?.getAttribute('aria-label') ?? link?.textContent,
      };
    }),
  );
  const names = figures.map((f) => f.name);
  expect(new Set(names).size).toBe(names.length);
  for (const figure of figures) {
    expect(figure.name).not.toMatch(/^(다이어그램|Diagram)?$/i);
    expect(figure.description.length).toBeGreaterThan(figure.name.length);
    // Korean pages describe their diagrams in Korean, English pages in English.
    if (lang === 'ko') expect(figure.name + figure.description).toMatch(/[가-힣]/);
    else expect(figure.name + figure.description).not.toMatch(/[가-힣]/);
    expect(figure.linkName).toContain(figure.name);
    const response = await tab.request.get(baseUrl + figure.href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>$/);
  }
  await tab.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.mmd > div[role="img"]')].find((d) => getComputedStyle(d).display !== 'none')!.focus(),
  );
  await tab.keyboard.press('Tab');
  expect(await tab.evaluate(() => document.activeElement?.closest('figcaption')?.parentElement?.matches('figure.mmd'))).toBe(true);
}
