// Starlight reads pages only from src/content/docs, with the root locale's pages at its top
// level. The project keeps them in content/ko and content/en instead (one folder per language,
// same relative paths), so this mirrors that layout into src/content/docs with symlinks:
//   src/content/docs/<entry>  -> content/ko/<entry>   (Korean, the root locale)
//   src/content/docs/en       -> content/en
// It also refuses to go on when a page lacks its twin: a fallback page must never ship.
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const PAGE = /\.(md|mdx)$/;

/** Relative paths of every page under dir. */
export function listPages(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listPages(path, base);
    return PAGE.test(entry.name) ? [relative(base, path)] : [];
  });
}

/** Pages present in one language but not the other. */
export function missingTwins(root) {
  const ko = new Set(listPages(join(root, 'content/ko')));
  const en = new Set(listPages(join(root, 'content/en')));
  return [
    ...[...ko].filter((p) => !en.has(p)).map((p) => `content/en/${p} (twin of content/ko/${p})`),
    ...[...en].filter((p) => !ko.has(p)).map((p) => `content/ko/${p} (twin of content/en/${p})`),
  ];
}

export function linkContent(root) {
  const missing = missingTwins(root);
  if (missing.length > 0) {
    throw new Error(`Every page needs its twin in the other language. Missing:\n  ${missing.join('\n  ')}`);
  }
  const docs = join(root, 'src/content/docs');
  if (existsSync(docs) || isDanglingLink(docs)) rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  const ko = join(root, 'content/ko');
  for (const entry of readdirSync(ko)) {
    if (entry === 'en') throw new Error('content/ko/en would collide with the English locale folder');
    symlinkSync(relative(docs, join(ko, entry)), join(docs, entry));
  }
  symlinkSync(relative(docs, join(root, 'content/en')), join(docs, 'en'));
}

function isDanglingLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
