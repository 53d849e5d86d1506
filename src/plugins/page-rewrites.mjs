// The rewrites every built page gets after Astro writes it, in one pass: each page is read and
// written once, however many rewrites there are. A rewrite is a pure function of the page's HTML
// (tested on its own); it returns the page unchanged when it has nothing to do.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ apply: (html: string) => string, done: string }} PageRewrite */

/** Astro integration: applies the rewrites in order to every built page and logs how many pages
 * each one changed (`done` says what it did, e.g. "tables put in scroll boxes"). */
export function pageRewrites(/** @type {PageRewrite[]} */ rewrites) {
  return {
    name: 'mesh-tls-page-rewrites',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        const changed = rewrites.map(() => 0);
        for (const page of pages) {
          const file = join(root, page);
          const html = await readFile(file, 'utf8');
          let out = html;
          rewrites.forEach((rewrite, i) => {
            const next = rewrite.apply(out);
            if (next !== out) changed[i] += 1;
            out = next;
          });
          if (out !== html) await writeFile(file, out);
        }
        rewrites.forEach((rewrite, i) => logger.info(`${rewrite.done} on ${changed[i]} page(s)`));
      },
    },
  };
}
