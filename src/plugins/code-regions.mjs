// Code lines do not wrap, so a code block may scroll sideways; a keyboard must be able to reach and
// scroll it (axe: scrollable-region-focusable). Expressive Code's script makes an overflowing
// <pre> focusable with role="region" once the page is idle, but leaves the region unnamed, and
// two unnamed regions on a page are a landmark defect (axe: landmark-unique). So every code block
// of a built page starts as a focusable region with a name of its own, in the page's language,
// and src/scripts/code-regions.ts drops the name whenever Expressive Code drops the role from a
// block that does not overflow (a name on a plain <pre> is not allowed either).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LABEL = { ko: '코드', en: 'Code' };

// Text as it stands in the HTML: entities stay escaped, only quotes need it in an attribute.
const textOf = (html) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const attr = (text) => text.replace(/"/g, '&quot;');

/** The page with each Expressive Code <pre> made a named, focusable region. */
export function nameCodeRegions(html) {
  const lang = /<html[^>]*\blang="en/.test(html) ? 'en' : 'ko';
  const used = new Map();
  let out = '';
  let last = 0;
  for (const match of html.matchAll(/<pre data-language="[^"]*"(?![^>]*\baria-label=)([^>]*)>/g)) {
    const before = html.slice(0, match.index);
    const frame = before.lastIndexOf('<figure class="frame');
    if (frame < 0) continue;
    // The block's own title (a file name, a terminal's title), else the section it stands in.
    const title = textOf(/<span class="title">([\s\S]*?)<\/span>/.exec(before.slice(frame))?.[1] ?? '');
    const headings = [...before.matchAll(/<h([2-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)];
    const section = headings.length ? textOf(headings[headings.length - 1][2]) : '';
    const base = title || section ? `${LABEL[lang]}: ${title || section}` : LABEL[lang];
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const name = attr(n > 1 ? `${base} (${n})` : base);
    out += html.slice(last, match.index);
    out += match[0].replace(/>$/, ` tabindex="0" role="region" aria-label="${name}">`);
    last = match.index + match[0].length;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** Astro integration: applies nameCodeRegions to every built page. */
export function codeRegions() {
  return {
    name: 'mesh-tls-code-regions',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        let named = 0;
        for (const page of pages) {
          const file = join(root, page);
          const html = await readFile(file, 'utf8');
          const out = nameCodeRegions(html);
          if (out !== html) {
            await writeFile(file, out);
            named += 1;
          }
        }
        logger.info(`code blocks named as regions on ${named} page(s)`);
      },
    },
  };
}
