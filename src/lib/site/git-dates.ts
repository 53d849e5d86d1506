// Starlight's "last updated" dates come from `git log` over src/content/docs. Our pages live in
// content/ and are only symlinked there (see scripts/link-content.mjs), so git knows nothing of
// those paths. This wraps the docs loader and fills each entry's `lastUpdated` from the history
// of the real file, read with a single `git log` for the whole content folder.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/** Newest commit time (ms) of every file under `dir`, keyed by path relative to the repo root. */
export function newestCommitDates(repoRoot: string, dir: string): Map<string, number> {
  const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const dates = new Map<string, number>();
  if (log.status !== 0) return dates;
  let time = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('t:')) time = Number(line.slice(2)) * 1000;
    else if (line && !dates.has(line)) dates.set(line, time); // log is newest first
  }
  return dates;
}

export function withGitDates(loader: Loader, repoRoot = process.cwd()): Loader {
  return {
    ...loader,
    async load(context) {
      const dates = newestCommitDates(repoRoot, 'content');
      const store = context.store;
      const datedStore = Object.create(store, {
        set: {
          value(entry: Parameters<typeof store.set>[0]) {
            const data = entry.data as Record<string, unknown>;
            if (entry.filePath && !(data.lastUpdated instanceof Date)) {
              const real = relative(repoRoot, realpathSync(resolve(repoRoot, entry.filePath)));
              const time = dates.get(real);
              if (time) entry = { ...entry, data: { ...data, lastUpdated: new Date(time) } };
            }
            return store.set(entry);
          },
        },
      });
      return loader.load({ ...context, store: datedStore });
    },
  };
}
