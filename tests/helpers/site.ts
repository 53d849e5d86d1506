// Facts about the built site in dist/, read from the files themselves.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = join(import.meta.dirname, '../../dist');

/** URL paths (/foo/bar/) of every HTML page in dist, except the 404 page. */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro' && entry.name !== 'downloads') walk(path);
      } else if (entry.name === 'index.html') {
        pages.push('/' + relative(DIST, dir).split('\\').join('/') + (dir === DIST ? '' : '/'));
      }
    }
  };
  walk(DIST);
  return pages.map((p) => p.replace(/^\/\/$/, '/')).sort();
}

export function pageHtml(urlPath: string): string {
  return readFileSync(join(DIST, urlPath, 'index.html'), 'utf8');
}

/** Does a site-relative URL path resolve to a file of the build? */
export function resolvesInDist(urlPath: string): boolean {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  const file = join(DIST, clean);
  return clean.endsWith('/') ? existsSync(join(file, 'index.html')) : existsSync(file);
}

export function langOf(urlPath: string): 'ko' | 'en' {
  return urlPath === '/en/' || urlPath.startsWith('/en/') ? 'en' : 'ko';
}

/** The twin of a page in the other language. */
export function twinOf(urlPath: string): string {
  return langOf(urlPath) === 'en' ? urlPath.replace(/^\/en\//, '/') : `/en${urlPath}`;
}
