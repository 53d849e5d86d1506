// What a reader sees of each build-time diagram on a page, measured in the browser: the on-screen
// size of its smallest label and whether a diagram wider than the column scrolls in its own box.
// Used by tests/e2e/diagrams.test.ts and scripts/bench.ts.
import type { Page } from 'playwright-core';

export interface DiagramView {
  name: string;
  /** On-screen height of the smallest label's font, in CSS pixels. */
  smallest: number;
  labels: number;
  /** The drawing is wider than its box … */
  overflows: boolean;
  /** … and the box scrolls sideways. */
  scrolls: boolean;
  focusable: boolean;
  /** The figure itself stays inside the page's width. */
  figureFits: boolean;
}

export function measureDiagrams(page: Page): Promise<DiagramView[]> {
  return page.$$eval('figure.mmd', (els) =>
    els.map((el) => {
      el.scrollIntoView();
      const view = [...el.querySelectorAll<HTMLElement>(':scope > div')].find((d) => getComputedStyle(d).display !== 'none')!;
      const svg = view.querySelector('svg')!;
      const sizes = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent?.trim() && t.getBBox().width > 0)
        // The computed font size times the text's scale on screen.
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM()!.a, t.getScreenCTM()!.b));
      return {
        name: el.querySelector('figcaption span')?.textContent ?? '',
        smallest: Math.min(...sizes),
        labels: sizes.length,
        overflows: svg.getBoundingClientRect().width > view.clientWidth + 1,
        scrolls: view.scrollWidth > view.clientWidth && getComputedStyle(view).overflowX === 'auto',
        focusable: view.tabIndex === 0,
        // (Whether the page as a whole scrolls sideways is up to its tables and code too.)
        figureFits: el.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
      };
    }),
  );
}
