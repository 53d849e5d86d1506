// Reads the error catalog from src/data/errors/*.yaml for the CLI and the tests (Node only).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validateCatalog, type Catalog, type CatalogEntry } from './catalog.ts';

export const CATALOG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/errors');

/** Raw entries, in file-name order; each file must be named `<id>.yaml`. A file that is not
 * valid YAML comes back with `error` set and no data. */
export function readCatalogFiles(dir = CATALOG_DIR): { file: string; data: unknown; error?: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      try {
        return { file, data: parse(readFileSync(join(dir, file), 'utf8')) as unknown };
      } catch (err) {
        return { file, data: null, error: (err as Error).message.split('\n')[0] };
      }
    });
}

/** Loads and validates the catalog; throws with every problem listed if it is not valid. */
export function loadCatalog(dir = CATALOG_DIR): Catalog {
  const all = readCatalogFiles(dir);
  const files = all.filter((f) => !f.error);
  const problems = validateCatalog(files.map((f) => f.data));
  for (const f of all) if (f.error) problems.push({ id: f.file, message: `not valid YAML: ${f.error}` });
  for (const { file, data } of files) {
    const id = (data as { id?: unknown } | null)?.id;
    if (`${String(id)}.yaml` !== file) problems.push({ id: String(id), message: `file ${file} must be named ${String(id)}.yaml` });
  }
  if (problems.length) {
    throw new Error(`error catalog is invalid:\n${problems.map((p) => `  ${p.id}: ${p.message}`).join('\n')}`);
  }
  return files.map((f) => f.data as CatalogEntry);
}
