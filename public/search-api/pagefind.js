// The Pagefind API as the site's search dialog sees it: ../pagefind/pagefind.js, with search()
// going through the function src/search/pagefind-ui-core.ts installs (natural questions fall back
// to the words that match), and preload() fetching, while the reader types, what the search will
// need: the index chunks for the normalised words and the data of the first results.
// Plain JavaScript in public/ because Pagefind's UI loads `<bundlePath>pagefind.js` by URL.
import * as pagefind from '../pagefind/pagefind.js';

export * from '../pagefind/pagefind.js';

let searchThrough;
let termOf = (term) => term;

/** Installs fn(pagefind, term, options) as the search every query goes through, and the
 * normalisation the UI applies to a term before searching (it preloads the raw term). */
export function useSearch(fn, normalize) {
  searchThrough = fn;
  if (normalize) termOf = normalize;
}

export function search(term, options) {
  return searchThrough ? searchThrough(pagefind, term, options) : pagefind.search(term, options);
}

/** How many results' page data to fetch ahead: the UI's first page of results. */
const AHEAD = 5;

/**
 * Pagefind's preload fetches the index chunks a term needs while the reader is still typing. The
 * results' page data (one fragment file each) would still be fetched only after the debounce, and
 * it is most of the wait for the first result: so search as soon as the chunks are in and start
 * fetching the top results' data. Pagefind keeps both, and the real search finds them in place.
 */
export async function preload(term, options) {
  const normalized = termOf(term);
  if (!normalized) return;
  await pagefind.preload(normalized, options);
  try {
    const response = await pagefind.search(normalized, options);
    await Promise.all((response?.results ?? []).slice(0, AHEAD).map((result) => result.data()));
  } catch {
    // Nothing lost: the search fetches what it needs itself.
  }
}
