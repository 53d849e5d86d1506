// Code lines do not wrap, so a code block may scroll sideways; a keyboard must be able to reach and
// scroll it (axe: scrollable-region-focusable). Expressive Code's script makes an overflowing
// <pre> focusable with role="region" once the page is idle, but leaves the region unnamed, and
// two unnamed regions on a page are a landmark defect (axe: landmark-unique). So every code block
// of a built page starts as a focusable region with a name of its own, in the page's language,
// and src/scripts/code-regions.ts drops the name whenever Expressive Code drops the role from a
// block that does not overflow (a name on a plain <pre> is not allowed either).

import { pageLang, regionNamer, sectionOf, textOf } from './region-names.mjs';

const LABEL = { ko: '코드', en: 'Code' };

/** The page with each Expressive Code <pre> made a named, focusable region. */
export function nameCodeRegions(html) {
  const label = LABEL[pageLang(html)];
  const name = regionNamer();
  let out = '';
  let last = 0;
  for (const match of html.matchAll(/<pre data-language="[^"]*"(?![^>]*\baria-label=)([^>]*)>/g)) {
    const before = html.slice(0, match.index);
    const frame = before.lastIndexOf('<figure class="frame');
    if (frame < 0) continue;
    // The block's own title (a file name, a terminal's title), else the section it stands in.
    const title = textOf(/<span class="title">([\s\S]*?)<\/span>/.exec(before.slice(frame))?.[1] ?? '');
    out += html.slice(last, match.index);
    out += match[0].replace(/>$/, ` tabindex="0" role="region" aria-label="${name(label, title || sectionOf(before))}">`);
    last = match.index + match[0].length;
  }
  return last === 0 ? html : out + html.slice(last);
}
