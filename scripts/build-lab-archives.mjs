#!/usr/bin/env node
// Pack each lab into a downloadable archive: public/downloads/<slug>.tar.gz holding
// meshtls-labs/<slug>/ and meshtls-labs/_lib/ (the shared helpers the scripts source), and write
// src/data/lab-archives.json ({slug: {file, bytes, sha256}}) for the lab pages.
//
// Deterministic: GNU tar with sorted names, a fixed mtime, numeric owner 0 and normalised modes,
// then gzip -n (no name, no timestamp). The same sources give the same bytes and SHA-256.
//
// Options (for tests): --out-dir DIR (default public/downloads), --json FILE (default
// src/data/lab-archives.json), --labs DIR (default labs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: join(root, 'public/downloads') },
    json: { type: 'string', default: join(root, 'src/data/lab-archives.json') },
    labs: { type: 'string', default: join(root, 'labs') },
  },
});
const labsDir = resolve(values.labs);
const outDir = resolve(values['out-dir']);

// Lab folders are the ones without a leading underscore (_lib is shared, _tests is ours).
const slugs = readdirSync(labsDir)
  .filter((d) => !d.startsWith('_') && statSync(join(labsDir, d)).isDirectory())
  .sort();

function tarGz(slug) {
  const tar = spawnSync('tar', [
    '--create', '--file=-', '--format=gnu', '--sort=name', '--mtime=@0',
    '--owner=0', '--group=0', '--numeric-owner', '--mode=u+rw,go+r,go-w',
    // Generated files and anything secret never ship; tests stay in the repository.
    '--exclude=build', '--exclude=*.pem', '--exclude=*.key', '--exclude=*.test.ts',
    '--transform=s,^,meshtls-labs/,',
    `--directory=${labsDir}`, slug, '_lib',
  ], { maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar failed for ${slug}: ${tar.stderr}`);
  const gz = spawnSync('gzip', ['-n', '-9'], { input: tar.stdout, maxBuffer: 64 * 1024 * 1024 });
  if (gz.status !== 0) throw new Error(`gzip failed for ${slug}: ${gz.stderr}`);
  return gz.stdout;
}

mkdirSync(outDir, { recursive: true });
const index = {};
for (const slug of slugs) {
  const bytes = tarGz(slug);
  writeFileSync(join(outDir, `${slug}.tar.gz`), bytes);
  index[slug] = {
    file: `/downloads/${slug}.tar.gz`,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
mkdirSync(dirname(resolve(values.json)), { recursive: true });
writeFileSync(resolve(values.json), `${JSON.stringify(index, null, 2)}\n`);
console.log(`lab archives: ${slugs.length} written to ${outDir}`);
