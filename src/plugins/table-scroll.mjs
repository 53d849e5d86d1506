// A table wider than a phone's screen must not widen the page (the header's search and menu
// would move off-screen). Every table of a built page goes into its own scroll box; the box is
// focusable and a named region, so a keyboard can scroll it too (axe: scrollable-region-focusable)
// and a screen reader announces which table it is.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LABEL = { ko: '표', en: 'Table' };

// Heading text as it stands in the HTML: entities stay escaped, only quotes need it in an attribute.
const textOf = (html) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** The page with each <table> wrapped in a labelled scroll box (named after its section). */
export function wrapTables(html) {
  const lang = /<html[^>]*\blang="en/.test(html) ? 'en' : 'ko';
  let out = '';
  let last = 0;
  // Regions need names of their own (axe: landmark-unique): a second table of a section gets (2).
  const used = new Map();
  for (const match of html.matchAll(/<table\b[\s\S]*?<\/table>/g)) {
    const before = html.slice(0, match.index);
    if (/<div class="table-scroll"[^>]*>\s*$/.test(before)) continue;
    const headings = [...before.matchAll(/<h([2-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)];
    const section = headings.length ? textOf(headings[headings.length - 1][2]) : '';
    const base = section ? `${LABEL[lang]}: ${section}` : LABEL[lang];
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const name = n > 1 ? `${base} (${n})` : base;
    out += html.slice(last, match.index);
    out += `<div class="table-scroll" role="region" tabindex="0" aria-label="${name.replace(/"/g, '&quot;')}">${match[0]}</div>`;
    last = match.index + match[0].length;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** Astro integration: applies wrapTables to every built page. */
export function tableScroll() {
  return {
    name: 'mesh-tls-table-scroll',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        let wrapped = 0;
        for (const page of pages) {
          const file = join(root, page);
          const html = await readFile(file, 'utf8');
          const out = wrapTables(html);
          if (out !== html) {
            await writeFile(file, out);
            wrapped += 1;
          }
        }
        logger.info(`tables put in scroll boxes on ${wrapped} page(s)`);
      },
    },
  };
}
