// A table wider than a phone's screen must not widen the page (the header's search and menu
// would move off-screen). Every table of a built page goes into its own scroll box; the box is
// focusable and a named region, so a keyboard can scroll it too (axe: scrollable-region-focusable)
// and a screen reader announces which table it is.

import { pageLang, regionNamer, sectionOf } from './region-names.mjs';

const LABEL = { ko: '표', en: 'Table' };

/** The page with each <table> wrapped in a labelled scroll box (named after its section). */
export function wrapTables(html) {
  const label = LABEL[pageLang(html)];
  const name = regionNamer();
  let out = '';
  let last = 0;
  for (const match of html.matchAll(/<table\b[\s\S]*?<\/table>/g)) {
    const before = html.slice(0, match.index);
    if (/<div class="table-scroll"[^>]*>\s*$/.test(before)) continue;
    out += html.slice(last, match.index);
    out += `<div class="table-scroll" role="region" tabindex="0" aria-label="${name(label, sectionOf(before))}">${match[0]}</div>`;
    last = match.index + match[0].length;
  }
  return last === 0 ? html : out + html.slice(last);
}
