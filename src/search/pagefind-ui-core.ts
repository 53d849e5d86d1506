// The search UI Starlight creates, with our query normalisation applied to every search. Loaded
// by ./pagefind-ui.ts when a reader first reaches for search.
// @ts-expect-error — the package ships no types.
import { PagefindUI as BasePagefindUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { normalizeQuery } from '../lib/search/normalize-query.ts';
// @ts-expect-error — virtual module of src/plugins/search-identifiers.mjs.
import knownIdentifiers from 'virtual:meshtls/search-identifiers';

export class PagefindUI extends BasePagefindUI {
  constructor(options: Record<string, unknown>) {
    super({ ...options, processTerm: (query: string) => normalizeQuery(query, knownIdentifiers) });
  }
}
