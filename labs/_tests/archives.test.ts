// scripts/build-lab-archives.mjs: each archive holds exactly its lab and _lib, is reproducible,
// unpacks, and passes `prereq.sh --dry-run` from the unpacked folder.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABS, REPO, labSlugs, removeDir, run, tempDir } from './helpers.ts';

const work = tempDir('archives');
afterAll(() => removeDir(work));

function build(out: string) {
  const r = run(process.execPath, [join(REPO, 'scripts/build-lab-archives.mjs'), '--out-dir', out, '--json', join(out, 'index.json')], { timeout: 60_000 });
  expect(r.code, r.out).toBe(0);
  return JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as Record<string, { file: string; bytes: number; sha256: string }>;
}

/** Files of a lab folder as the archive should list them (generated and secret files excluded). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (f === 'build' || /\.(pem|key)$/.test(f) || f.endsWith('.test.ts')) continue;
      if (statSync(p).isDirectory()) walk(p); else out.push(`meshtls-labs/${relative(LABS, p)}`);
    }
  };
  walk(dir);
  return out;
}

let index: ReturnType<typeof build>;
beforeAll(() => { index = build(join(work, 'a')); });

describe('lab archives', () => {
  it('one archive per lab, listed in the JSON with its size and SHA-256', () => {
    expect(Object.keys(index).sort()).toEqual(labSlugs());
    for (const [slug, meta] of Object.entries(index)) {
      const bytes = readFileSync(join(work, 'a', `${slug}.tar.gz`));
      expect(meta.file).toBe(`/downloads/${slug}.tar.gz`);
      expect(meta.bytes).toBe(bytes.length);
      expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('is reproducible: a second build gives the same bytes', () => {
    const again = build(join(work, 'b'));
    expect(again).toEqual(index);
  });

  for (const slug of labSlugs()) {
    it(`${slug}: holds exactly the lab folder and _lib, owned by 0, and passes prereq --dry-run once unpacked`, () => {
      const archive = join(work, 'a', `${slug}.tar.gz`);
      const listing = run('tar', ['-tzvf', archive]).stdout.trim().split('\n');
      const files = listing.filter((l) => !l.startsWith('d')).map((l) => l.split(/\s+/).pop()!).sort();
      expect(files).toEqual([...sourceFiles(join(LABS, slug)), ...sourceFiles(join(LABS, '_lib'))].sort());
      for (const l of listing) expect(l.split(/\s+/)[1]).toBe('0/0');

      const dest = join(work, `unpack-${slug}`);
      expect(run('mkdir', ['-p', dest]).code).toBe(0);
      expect(run('tar', ['-xzf', archive, '-C', dest]).code).toBe(0);
      const r = run('bash', [join(dest, 'meshtls-labs', slug, 'prereq.sh'), '--dry-run'], { timeout: 30_000 });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/\+ (docker compose|kind create cluster)/);
      expect(r.out).toContain('+ openssl genpkey');
      // A dry run leaves nothing behind.
      expect(readdirSync(join(dest, 'meshtls-labs', slug))).not.toContain('build');
    });
  }

  it('prereq fails clearly when a lab file is missing', () => {
    const dest = join(work, 'unpack-tls-termination');
    run('rm', [join(dest, 'meshtls-labs', 'tls-termination', 'envoy.yaml')]);
    const r = run('bash', [join(dest, 'meshtls-labs', 'tls-termination', 'prereq.sh'), '--dry-run'], { timeout: 30_000 });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/MISSING\s+file\s+envoy\.yaml/);
  });
});
