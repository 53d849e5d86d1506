import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint } from './lint.ts';
import { presets } from '../lib/validator/index.ts';
import { manyDestinationRules } from '../lib/validator/bench.ts';

const dir = mkdtempSync(join(tmpdir(), 'meshtls-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const valid = file('valid.yaml', presets[0]!.yaml);
const sni = file('sni.yaml', presets.find((p) => p.id === 'pitfall-sni-mismatch')!.yaml);
const dup = file('dup.yaml', presets.find((p) => p.id === 'pitfall-duplicate-dr')!.yaml);

async function run(argv: string[], stdin = '') {
  let out = '', err = '';
  const code = await runLint(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([stdin]) });
  return { code, out, err };
}

describe('meshtls lint', () => {
  it('exits 0 on a clean bundle, 1 with an error, 0 with only warnings', async () => {
    expect((await run([valid])).code).toBe(0);
    expect((await run([sni])).code).toBe(1);
    const w = await run(['--lang', 'en', dup]);
    expect(w.code).toBe(0);
    expect(w.out).toContain('[dr-duplicate-host]');
    expect(w.out).toContain('/en/egress/double-mtls-pitfalls/');
  });
  it('prints the JSON shape of the contract', async () => {
    const r = await run(['--format', 'json', '--lang', 'en', sni]);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['findings', 'summary']);
    expect(j.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(Object.keys(j.findings[0]).sort()).toEqual(['column', 'docs', 'file', 'line', 'message', 'resource', 'rule', 'severity']);
    expect(j.findings[0]).toMatchObject({ file: sni, rule: 'align-sni', resource: 'DestinationRule/istio-system/to-egress-gateway', docs: '/en/egress/double-mtls-pitfalls/' });
    const ko = JSON.parse((await run(['--format', 'json', sni])).out);
    expect(ko.findings[0].docs).toBe('/egress/double-mtls-pitfalls/');
  });
  it('reads stdin for -, in Korean by default', async () => {
    const r = await run(['-'], 'a: 1\nb:\n\tc: 2\n');
    expect(r.code).toBe(1);
    expect(r.out).toContain('<stdin>:3:1: error [yaml-syntax]');
    expect(r.out).toMatch(/탭/);
  });
  it('exits 2 on usage errors and unreadable files, without a stack trace', async () => {
    for (const argv of [[], ['--format', 'xml', valid], ['--bogus', valid], [join(dir, 'missing.yaml')], [dir]]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^meshtls lint: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
  it('ends quietly when the reader closes the pipe early (| head -1)', async () => {
    const big = file('big.yaml', manyDestinationRules(6000)); // hundreds of KB of findings
    const child = spawn(process.execPath, ['bin/meshtls.mjs', 'lint', big, big], { cwd: join(import.meta.dirname, '../..') });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBeLessThan(2);
  }, 30_000);
  it('works as a child process through bin/meshtls.mjs', async () => {
    const r = await promisify(execFile)(process.execPath, ['bin/meshtls.mjs', 'lint', '--format', 'json', valid], { cwd: join(import.meta.dirname, '../..') });
    expect(JSON.parse(r.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    const bad = await promisify(execFile)(process.execPath, ['bin/meshtls.mjs', 'lint', sni], { cwd: join(import.meta.dirname, '../..') }).catch((e) => e);
    expect(bad.code).toBe(1);
  });
});
