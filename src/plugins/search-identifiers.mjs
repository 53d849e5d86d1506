// Vite plugin: `virtual:meshtls/search-identifiers` is the list of every error identifier of the
// catalog (src/data/errors) with the search term that finds its page, for the search box's query
// normalisation. Only these strings reach the browser, not the catalog's text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ID = 'virtual:meshtls/search-identifiers';

/** [identifier as written in logs, term to search for] for every catalog entry. */
export function searchIdentifiers(catalogDir) {
  const pairs = [];
  for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const entry = parse(readFileSync(join(catalogDir, file), 'utf8'));
    const identifiers = entry.identifiers ?? [];
    // The page is found best by a one-word identifier (it is weighted on the page).
    const term = identifiers.find((i) => !/\s/.test(i)) ?? identifiers[0];
    for (const identifier of identifiers) pairs.push([identifier, term]);
  }
  return pairs;
}

export function searchIdentifiersPlugin({ catalogDir }) {
  return {
    name: 'meshtls-search-identifiers',
    resolveId(id) {
      return id === ID ? `\0${ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      for (const file of readdirSync(catalogDir)) this.addWatchFile(join(catalogDir, file));
      return `export default ${JSON.stringify(searchIdentifiers(catalogDir))};`;
    },
  };
}
