// Titles of the site's pages in one language, keyed by language-neutral path ('egress/double-mtls/'),
// so widget links can show a page's name rather than its address. Build time only.
import { getCollection } from 'astro:content';
import type { Lang } from '../../lib/site/urls.ts';

export async function pageTitles(lang: Lang, paths: Iterable<string>): Promise<Record<string, string>> {
  const wanted = new Set(paths);
  const out: Record<string, string> = {};
  for (const entry of await getCollection('docs')) {
    const isEn = entry.id === 'en' || entry.id.startsWith('en/');
    if (isEn !== (lang === 'en')) continue;
    const path = `${isEn ? entry.id.replace(/^en\/?/, '') : entry.id}/`;
    if (wanted.has(path)) out[path] = entry.data.title;
  }
  return out;
}

/** JSON safe to put inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
