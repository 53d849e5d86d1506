// Diagrams are rendered at build time: inline SVG coloured for the reader's theme, and no Mermaid
// sent to readers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages, pageHtml } from '../helpers/site.ts';

const withDiagrams = builtPages().filter((p) => pageHtml(p).includes('class="mmd"'));
let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe('build-time diagrams', () => {
  it('pages in both languages have diagrams', () => {
    expect(withDiagrams.some((p) => p.startsWith('/en/'))).toBe(true);
    expect(withDiagrams.some((p) => !p.startsWith('/en/'))).toBe(true);
  });

  it.each(withDiagrams)('%s shows the SVG that matches the theme, and loads no Mermaid', async (path) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    for (const theme of ['light', 'dark'] as const) {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(baseUrl + path);
      const figures = await page.$$eval('figure.mmd', (els) =>
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
            label: el.getAttribute('aria-label'),
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
    }
    expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);
  });
});
