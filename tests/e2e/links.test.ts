// Links, anchors, alternates and language purity of the built HTML (no browser needed, but it
// checks the build, so it runs with the end-to-end tests).
import { describe, expect, it } from 'vitest';
import { builtPages, langOf, pageHtml, resolvesInDist, twinOf } from '../helpers/site.ts';

const pages = builtPages();
const SITE = 'https://mesh-tls.example.org';

function attr(html: string, tag: string, name: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const value = match[0].match(new RegExp(`\\s${name}="([^"]*)"`));
    if (value?.[1] !== undefined) values.push(value[1].replace(/&amp;/g, '&'));
  }
  return values;
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** The <main> part of a page: what the author wrote, without sidebar and language select. */
function mainOf(html: string): string {
  return html.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';
}

describe.each(pages)('%s', (path) => {
  const html = pageHtml(path);

  it('has no broken internal link, anchor or image', () => {
    const broken: string[] = [];
    for (const raw of [...attr(html, 'a', 'href'), ...attr(html, 'img', 'src'), ...attr(html, 'link', 'href')]) {
      if (/^(https?:|mailto:|data:)/.test(raw) && !raw.startsWith(SITE)) continue;
      const href = raw.startsWith(SITE) ? raw.slice(SITE.length) : raw;
      if (href.startsWith('#')) {
        if (href.length > 1 && !ids(html).has(decodeURIComponent(href.slice(1)))) broken.push(raw);
        continue;
      }
      const target = new URL(href, SITE + path);
      if (!resolvesInDist(target.pathname)) {
        broken.push(raw);
        continue;
      }
      // Fragment links into HTML pages (not the widgets' #preset= / #q= state) must name an id.
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !fragment.includes('=') && target.pathname.endsWith('/')) {
        if (!ids(pageHtml(target.pathname)).has(fragment)) broken.push(raw);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links only to pages of its own language', () => {
    const foreign = attr(mainOf(html), 'a', 'href')
      .filter((href) => href.startsWith('/') && !href.startsWith('/downloads/') && !href.startsWith('/pagefind/'))
      .filter((href) => langOf(new URL(href, SITE).pathname) !== langOf(path));
    expect(foreign).toEqual([]);
  });

  it('names its twin as hreflang alternate', () => {
    if (path === '/404/' || path === '/en/404/') return;
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    const own = langOf(path);
    expect(alternates).toContainEqual([own, SITE + path]);
    expect(alternates).toContainEqual([own === 'ko' ? 'en' : 'ko', SITE + twinOf(path)]);
  });
});
