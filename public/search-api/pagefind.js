// The Pagefind API as the site's search dialog sees it: ../pagefind/pagefind.js, with search()
// going through the function src/search/pagefind-ui-core.ts installs (natural questions fall back
// to the words that match). Plain JavaScript in public/ because Pagefind's UI loads
// `<bundlePath>pagefind.js` by URL.
import * as pagefind from '../pagefind/pagefind.js';

export * from '../pagefind/pagefind.js';

let searchThrough;

/** Installs fn(pagefind, term, options) as the search every query goes through. */
export function useSearch(fn) {
  searchThrough = fn;
}

export function search(term, options) {
  return searchThrough ? searchThrough(pagefind, term, options) : pagefind.search(term, options);
}
