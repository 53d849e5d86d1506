// Every lab script passes shellcheck and follows the lab conventions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABS, labSlugs, run } from './helpers.ts';

const dirs = [...labSlugs(), '_lib'];

describe('lab scripts', () => {
  it('the eight labs of CONTRIBUTING.md exist', () => {
    expect(labSlugs()).toEqual([
      'ambient-gateway-api', 'break-it', 'double-mtls-egress', 'egress-passthrough-vs-simple', 'mutual-tls',
      'tls-origination', 'tls-passthrough', 'tls-termination',
    ]);
  });

  for (const dir of dirs) {
    const scripts = readdirSync(join(LABS, dir)).filter((f) => f.endsWith('.sh'));
    it(`${dir}: shellcheck passes on ${scripts.join(', ')}`, () => {
      const r = run('/usr/bin/shellcheck', ['-x', '-P', 'SCRIPTDIR', ...scripts.map((s) => join(LABS, dir, s))], { timeout: 110_000 });
      expect(r.out).toBe('');
      expect(r.code).toBe(0);
    }, 120_000); // shellcheck -x follows every sourced helper: ~10 s of CPU a folder, far more on a loaded machine
    for (const s of scripts.filter((f) => dir !== '_lib' && f !== 'common.sh')) {
      it(`${dir}/${s} is executable and strict (set -euo pipefail)`, () => {
        const path = join(LABS, dir, s);
        expect(statSync(path).mode & 0o111).not.toBe(0);
        expect(readFileSync(path, 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n(#.*\n)*set -euo pipefail\n/);
      });
    }
  }

  for (const slug of labSlugs()) {
    it(`${slug} has prereq, setup, verify and teardown`, () => {
      for (const s of ['prereq.sh', 'setup.sh', 'verify.sh', 'teardown.sh']) {
        expect(statSync(join(LABS, slug, s)).isFile()).toBe(true);
      }
    });
  }
});
