// The search UI Starlight creates, with the site's search behaviour: every query is normalised
// (Korean particles and question endings, synonyms, pasted log lines), a query whose words no page
// has all of falls back to the words that match, and a search that finds nothing offers the
// nearest glossary terms. Loaded by ./pagefind-ui.ts when a reader first reaches for search.
// @ts-expect-error — the package ships no types.
import { PagefindUI as BasePagefindUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
// A URL, not a CSS import: Astro would put an imported stylesheet into every page's <head>.
import stylesheetUrl from './pagefind-ui.css?url';
import { searchWithFallback, type Hit, type SearchResponse } from '../lib/search/fallback.ts';
import { normalizeQuery } from '../lib/search/normalize-query.ts';
import { suggestTerms } from '../lib/search/suggest.ts';
import { READER_SYNONYMS, type Synonyms } from '../lib/search/synonyms.ts';
// @ts-expect-error — virtual module of src/plugins/search-identifiers.mjs.
import knownIdentifiers from 'virtual:meshtls/search-identifiers';
// @ts-expect-error — virtual module of src/plugins/search-vocabulary.mjs.
import vocabulary from 'virtual:meshtls/search-vocabulary';

interface Vocabulary {
  synonyms: Synonyms;
  terms: { ko: string[]; en: string[] };
}
interface Pagefind {
  search(term: string, options?: unknown): Promise<SearchResponse<Hit> | null>;
}
interface SiteSearchApi {
  useSearch(fn: (pagefind: Pagefind, term: string, options?: unknown) => Promise<SearchResponse<Hit> | null>, normalize: (term: string) => string): void;
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/** A User Timing mark at the end of the input debounce (when the UI starts a search): the
 * bench measures from it to the first drawn result. */
const SEARCH_MARK = 'site-search:query';

const vocab = vocabulary as Vocabulary;
const synonyms: Synonyms = [...READER_SYNONYMS, ...vocab.synonyms];
const lang = document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ko';
const normalize = (query: string) => normalizeQuery(query, knownIdentifiers, synonyms);

const HINT = {
  ko: { unknown: '어느 페이지에도 없는 단어', mostWords: '모든 단어가 든 페이지가 없어 많이 든 페이지부터 보여 준다', suggest: '추천 검색어' },
  en: { unknown: 'On no page', mostWords: 'No page has all the words; pages with most of them first', suggest: 'Try' },
}[lang];

/** Where Starlight's bundle path (/pagefind/) has the site's wrapper of the same API. */
const siteApiPath = (bundlePath: string) => bundlePath.replace(/pagefind\/$/, 'search-api/');

/** The line under the search box: which words the results are for, or terms to try instead. */
class Hint {
  readonly el = document.createElement('div');
  constructor(root: Element | null) {
    this.el.className = 'site-search-hint';
    this.el.setAttribute('aria-live', 'polite');
    this.el.hidden = true;
    // Choosing a suggestion searches for it, as if typed.
    this.el.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-term]');
      const input = root?.querySelector<HTMLInputElement>('input');
      if (!button || !input) return;
      input.value = button.dataset.term ?? '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.focus();
    });
    root?.addEventListener('input', (e) => {
      if ((e.target as HTMLInputElement).value?.trim() === '') this.clear();
    });
  }
  clear() {
    this.el.hidden = true;
    this.el.replaceChildren();
  }
  partial(unknown: string[]) {
    const p = document.createElement('p');
    p.textContent = unknown.length > 0 ? `${HINT.unknown}: ${unknown.join(', ')}` : HINT.mostWords;
    this.el.replaceChildren(p);
    this.el.hidden = false;
  }
  suggest(terms: string[]) {
    if (terms.length === 0) return this.clear();
    const label = document.createElement('p');
    label.textContent = HINT.suggest;
    const list = document.createElement('ul');
    for (const term of terms) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.term = term;
      button.textContent = term;
      li.append(button);
      list.append(li);
    }
    this.el.replaceChildren(label, list);
    this.el.hidden = false;
  }
}

/** Makes the site's wrapper API search with fallback and report to the hint. */
export async function installSearch(bundlePath: string, hint: Hint): Promise<SiteSearchApi> {
  const api = (await import(/* @vite-ignore */ `${siteApiPath(bundlePath)}pagefind.js`)) as SiteSearchApi;
  let latest = 0;
  api.useSearch(async (pagefind, term, options) => {
    const id = ++latest;
    const outcome = await searchWithFallback((t) => pagefind.search(t, options), term);
    if (id !== latest) return outcome.response;
    if ((outcome.response?.results.length ?? 0) === 0) {
      // Only terms that would find something are worth offering.
      const candidates = suggestTerms(term, vocab.terms[lang], 8);
      const found = await Promise.all(candidates.map(async (c) => ((await pagefind.search(normalize(c), options))?.results.length ?? 0) > 0));
      if (id === latest) hint.suggest(candidates.filter((_, i) => found[i]).slice(0, 5));
    } else if (outcome.matched) hint.partial(outcome.unknown ?? []);
    else hint.clear();
    return outcome.response;
  }, normalize);
  return api;
}

type ResultData = { meta?: Record<string, unknown> };

/** Pagefind's UI stylesheet, added when search is first used; resolves once it applies. */
function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    // A stylesheet that fails to load leaves the results plain but usable: do not block search.
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

export class PagefindUI extends BasePagefindUI {
  constructor(options: Record<string, unknown>) {
    super(options);
  }

  /** Creates the UI once the site's search API is in place (the UI loads it on first search). */
  static async create(options: Record<string, unknown>): Promise<PagefindUI> {
    const bundlePath = String(options.bundlePath ?? '/pagefind/');
    const root = document.querySelector(String(options.element ?? '#starlight__search'));
    const hint = new Hint(root);
    const [api] = await Promise.all([installSearch(bundlePath, hint), loadStylesheet(stylesheetUrl)]);
    // Pagefind runs in the page, not in its own worker: a worker loaded from its URL would be
    // outside the page's Content-Security-Policy when a host sends the policy only as a meta tag,
    // and for an index this size a search in the page takes a few milliseconds (measured: no
    // slower than with the worker). It starts now, when the reader reaches for search, so that
    // the WebAssembly and the index metadata are in place before the first query; the UI alone
    // would start it on the first keystroke.
    await api.options({ noWorker: true });
    void api.init();
    const processResult = options.processResult as ((data: ResultData) => ResultData | void) | undefined;
    const ui = new PagefindUI({
      ...options,
      bundlePath: siteApiPath(bundlePath),
      processTerm: (term: string) => {
        performance.mark(SEARCH_MARK);
        return normalize(term);
      },
      processResult: (data: ResultData) => {
        const out = processResult?.(data) ?? data;
        // The keywords are for finding the page; as a "Keywords: …" line under every result
        // they are noise (and Pagefind labels them in English on Korean pages).
        if (out.meta) delete out.meta.keywords;
        return out;
      },
    });
    root?.append(hint.el); // below Pagefind's own message and results
    return ui;
  }
}
