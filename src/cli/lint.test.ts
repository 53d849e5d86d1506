import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint } from './lint.ts';
import { main } from './meshtls.ts';
import { lint, presets } from '../lib/validator/index.ts';
import { summaryLine } from './formats.ts';
import { manyDestinationRules } from '../lib/validator/bench.ts';

const dir = mkdtempSync(join(tmpdir(), 'meshtls-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const valid = file('valid.yaml', presets[0]!.yaml);
const sni = file('sni.yaml', presets.find((p) => p.id === 'pitfall-sni-mismatch')!.yaml);
const dup = file('dup.yaml', presets.find((p) => p.id === 'pitfall-duplicate-dr')!.yaml);

async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let out = '', err = '';
  const code = await runLint(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([stdin]), env });
  return { code, out, err };
}

describe('meshtls lint', () => {
  it('exits 0 on a clean bundle, 1 with an error, 0 with only warnings', async () => {
    expect((await run([valid])).code).toBe(0);
    expect((await run([sni])).code).toBe(1);
    const w = await run(['--lang', 'en', dup]);
    expect(w.code).toBe(0);
    expect(w.out).toContain('[dr-duplicate-host]');
    expect(w.out).toContain('-> https://mesh-tls.example.org/en/egress/double-mtls-pitfalls/');
    const { summary } = lint([{ name: dup, text: readFileSync(dup, 'utf8') }], { lang: 'en' });
    expect(summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(w.out.trimEnd().split('\n').at(-1)).toBe(summaryLine(summary, 'en'));
  });
  it('prints the JSON shape of the contract', async () => {
    const r = await run(['--format', 'json', '--lang', 'en', sni]);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['findings', 'summary']);
    expect(j.summary).toEqual(lint([{ name: sni, text: readFileSync(sni, 'utf8') }], { lang: 'en' }).summary);
    expect(j.summary.errors).toBe(1);
    expect(j.findings.filter((f: { severity: string }) => f.severity === 'error').length).toBe(1);
    // istioctl appears only on findings that have an istioctl analyze counterpart.
    expect(Object.keys(j.findings[0]).filter((k) => k !== 'istioctl').sort()).toEqual(['column', 'docs', 'file', 'line', 'message', 'resource', 'rule', 'severity']);
    expect(j.findings[0]).toMatchObject({ file: sni, rule: 'align-sni', resource: 'DestinationRule/istio-egress/egressgateway-hop1', docs: '/en/egress/double-mtls-pitfalls/' });
    expect((await run(['--format=json', '--lang=en', sni])).out).toBe(r.out);
    const ko = JSON.parse((await run(['--format', 'json', '--lang', 'ko', sni])).out);
    expect(ko.findings[0].docs).toBe('/egress/double-mtls-pitfalls/');
  });
  it('shows the istioctl code beside the rule id in every format where the engine gives one', async () => {
    const text = readFileSync(join(import.meta.dirname, '../lib/validator/rules/fixtures/vs-host-not-in-gateway.fail.yaml'), 'utf8');
    const path = file('ist.yaml', text);
    const expected = lint([{ name: path, text }], { lang: 'en' }).findings;
    const withCode = expected.filter((f) => f.istioctl);
    expect(withCode.length).toBeGreaterThan(0);
    const out = (await run(['--lang', 'en', path])).out;
    const json = JSON.parse((await run(['--format', 'json', '--lang', 'en', path])).out);
    const gh = (await run(['--format', 'github', '--lang', 'en', path])).out;
    const sarif = JSON.parse((await run(['--format', 'sarif', '--lang', 'en', path])).out);
    for (const f of withCode) {
      expect(out).toContain(`${path}:${f.line}:${f.column}: ${f.severity} [${f.rule}] (istioctl ${f.istioctl}) ${f.resource}`);
      expect(gh).toContain(`line=${f.line},col=${f.column},`);
      expect(gh).toContain(`title=meshtls ${f.rule} (istioctl ${f.istioctl})::`);
    }
    expect(json.findings.map((f: { istioctl?: string }) => f.istioctl)).toEqual(expected.map((f) => f.istioctl));
    expect(sarif.runs[0].results.map((r: { properties?: { istioctl?: string } }) => r.properties?.istioctl)).toEqual(expected.map((f) => f.istioctl));
  });
  it('reads stdin for -, in the language of a Korean locale', async () => {
    const r = await run(['-'], 'a: 1\nb:\n\tc: 2\n', { LANG: 'ko_KR.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('<stdin>:3:1: error [yaml-syntax]');
    expect(r.out).toMatch(/탭/);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(/^오류 1개, 경고 0개, 참고 \d+개$/);
  });
  it('picks the language from --lang, else LC_ALL, LC_MESSAGES, LANG; English without a ko locale', async () => {
    const message = async (argv: string[], env: Record<string, string>) => JSON.parse((await run(['--format', 'json', ...argv, '-'], 'a:\n\tb: 1\n', env)).out).findings[0].message as string;
    const isKo = (m: string) => /[가-힣]/.test(m);
    expect(isKo(await message([], {}))).toBe(false);
    expect(isKo(await message([], { LANG: 'C' }))).toBe(false);
    expect(isKo(await message([], { LANG: 'ko_KR.UTF-8' }))).toBe(true);
    expect(isKo(await message([], { LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }))).toBe(false);
    expect(isKo(await message([], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8' }))).toBe(true);
    expect(isKo(await message([], { LC_MESSAGES: 'ko_KR.UTF-8', LC_ALL: 'POSIX' }))).toBe(false);
    expect(isKo(await message([], { LC_ALL: '', LANG: 'ko_KR.UTF-8' }))).toBe(true);
    expect(isKo(await message(['--lang', 'en'], { LC_ALL: 'ko_KR.UTF-8' }))).toBe(false);
    expect(isKo(await message(['--lang=ko'], { LC_ALL: 'C' }))).toBe(true);
    // Usage errors follow the same choice.
    expect((await run(['--format', 'xml', valid], '', { LANG: 'ko_KR.UTF-8' })).err).toContain('--format은 text, json, sarif, github 중 하나여야 한다');
    expect((await run(['--format', 'xml', valid], '', { LANG: 'ko_KR.UTF-8' })).err).toContain('사용법:');
    expect((await run(['--lang', 'en', '--format', 'xml', valid], '', { LANG: 'ko_KR.UTF-8' })).err).toContain('--format must be text, json, sarif or github');
  });
  it('prints its version', async () => {
    let out = '';
    const code = await main(['--version'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: Readable.from(['']), env: {} });
    expect(code).toBe(0);
    expect(out).toBe(`meshtls ${JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version}\n`);
  });
  it('documents the exit codes in --help, in both languages', async () => {
    const en = await run(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^ {2}0 {2}no error finding \(warnings and notes alone do not fail\)$/m);
    expect(en.out).toMatch(/^ {2}1 {2}at least one error finding$/m);
    expect(en.out).toMatch(/^ {2}2 {2}usage error/m);
    const ko = await run(['-h'], '', { LC_ALL: 'ko_KR.UTF-8' });
    expect(ko.out).toMatch(/^ {2}1 {2}오류 지적이 하나 이상 있다$/m);
    // The validator page's table says the same in both languages.
    for (const lang of ['ko', 'en']) {
      const page = readFileSync(join(import.meta.dirname, `../../content/${lang}/tools/validator.mdx`), 'utf8');
      const rows = [...page.matchAll(/^\| ([012]) \| (.+) \|$/gm)].map((m) => m[1]);
      expect(rows, lang).toEqual(['0', '1', '2']);
    }
  });
  it('exits 2 on usage errors and unreadable files, without a stack trace', async () => {
    for (const argv of [[], ['--format', 'xml', valid], ['--format'], ['--lang', 'fr', valid], ['--bogus', valid], [join(dir, 'missing.yaml')], [dir]]) {
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
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, warnings: 0 });
    const bad = await promisify(execFile)(process.execPath, ['bin/meshtls.mjs', 'lint', sni], { cwd: join(import.meta.dirname, '../..') }).catch((e) => e);
    expect(bad.code).toBe(1);
  });
});
