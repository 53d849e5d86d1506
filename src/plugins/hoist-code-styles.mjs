// Expressive Code links its stylesheet from the first code block, in the middle of <body>. The
// browser paints what comes before it, then restyles and lays out the whole page again when the
// sheet arrives: on a phone that second pass is the longest task of a content page (Lighthouse
// mobile, ~100 ms of blocking time). In <head> the sheet loads with the others, before the
// first paint, and the page is laid out once.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_STYLESHEET = /<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"\s*\/?>/;

/** The page with Expressive Code's stylesheet link moved to the end of <head>; unchanged if none. */
export function hoistCodeStylesheet(html) {
  const link = html.match(CODE_STYLESHEET)?.[0];
  const headEnd = html.indexOf('</head>');
  if (!link || headEnd < 0 || html.indexOf(link) < headEnd) return html;
  const withoutLink = html.replace(link, '');
  return withoutLink.replace('</head>', `${link}</head>`);
}

/** Astro integration: applies hoistCodeStylesheet to every built page. */
export function hoistCodeStyles() {
  return {
    name: 'mesh-tls-hoist-code-styles',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        let moved = 0;
        for (const page of pages) {
          const file = join(root, page);
          const html = await readFile(file, 'utf8');
          const hoisted = hoistCodeStylesheet(html);
          if (hoisted !== html) {
            await writeFile(file, hoisted);
            moved += 1;
          }
        }
        logger.info(`code-block stylesheet moved into <head> on ${moved} page(s)`);
      },
    },
  };
}
