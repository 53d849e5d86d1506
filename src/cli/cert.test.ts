import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeChain, type Made } from '../lib/cert/fixtures/make.ts';
import { runCert } from './cert.ts';
import { main } from './meshtls.ts';

let dir: string;
let root: Made, int: Made, leaf: Made;
const f = (name: string) => join(dir, name);

beforeAll(async () => {
  ({ root, int, leaf } = await makeChain());
  dir = mkdtempSync(join(tmpdir(), 'meshtls-cert-cli-'));
  writeFileSync(f('chain.pem'), `${leaf.pem}\n${int.pem}\n`);
  writeFileSync(f('leaf.key'), leaf.keyPem);
  writeFileSync(f('root.pem'), root.pem);
  writeFileSync(f('leaf.der'), Buffer.from(leaf.cert.rawData));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCert(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    env,
  });
  return { code, stdout, stderr };
}

describe('meshtls cert', () => {
  it('prints the documented JSON shape and exits 0 when the handshake would succeed', async () => {
    const r = await run(['--format', 'json', '--host', 'app.example', '--ca', f('root.pem'), f('chain.pem'), f('leaf.key')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['certificates', 'chains', 'verdict']);
    expect(json.verdict).toMatchObject({ ok: true, error: null, messages: { openssl: 'OK', boringssl: 'OK', go: 'OK' } });
    expect(json.certificates.map((c: { subject: string }) => c.subject)).toEqual(['CN=app', 'CN=Test Int', 'CN=Test Root']);
    expect(json.chains[0]).toMatchObject({ certificates: [0, 1, 2], anchored: true });
  });

  it('exits 1 with each stack\'s words and the catalog link when it would fail', async () => {
    const r = await run(['--lang', 'en', '--host', 'api.example', '--ca', f('root.pem'), f('chain.pem')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Verdict: FAIL/m);
    expect(r.stdout).toContain('OpenSSL:   error 62 at 0 depth lookup: hostname mismatch');
    expect(r.stdout).toContain('Go:        x509: certificate is valid for app.example, not api.example');
    expect(r.stdout).toContain('https://mesh-tls.example.org/en/errors/hostname-mismatch/');
  });

  it('answers in Korean for a Korean locale, and reads stdin and binary DER', async () => {
    const r = await run(['--ca', f('root.pem'), '-'], leaf.pem, { LANG: 'ko_KR.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^판정: 실패 — 핸드셰이크가 실패한다/m);
    expect(r.stdout).toContain('https://mesh-tls.example.org/errors/unable-to-get-issuer/');
    const der = JSON.parse((await run(['--format=json', '--ca', f('root.pem'), f('leaf.der')])).stdout);
    expect(der.certificates[0]).toMatchObject({ subject: 'CN=app', origin: { form: 'der-base64' } });
  });

  it('checks at another time with --at', async () => {
    const r = JSON.parse((await run(['--format', 'json', '--at', '2099-01-01T00:00:00Z', '--ca', f('root.pem'), f('chain.pem')])).stdout);
    expect(r.verdict).toMatchObject({ ok: false, error: 'cert-expired', at: '2099-01-01T00:00:00.000Z' });
  });

  it('exits 2 on usage errors and unreadable files, in the language asked for', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run(['--purpose', 'both', f('chain.pem')]);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^meshtls cert: --purpose must be server or client \("both"\)/);
    expect((await run(['--lang', 'ko', '--at', 'yesterday', f('chain.pem')])).stderr).toMatch(/--at은 .* ISO 8601 시각/);
    expect((await run(['--format', 'yaml', f('chain.pem')])).code).toBe(2);
    const missing = await run([f('nope.pem')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.pem \(ENOENT\)/);
    expect((await run(['--help'])).stdout).toMatch(/^Usage: meshtls cert/);
  });

  it('is reached through the meshtls dispatcher', async () => {
    let out = '';
    const code = await main(['cert', '--format', 'json', '--ca', f('root.pem'), f('chain.pem')], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: Readable.from(['']), env: {} });
    expect(code).toBe(0);
    expect(JSON.parse(out).verdict.ok).toBe(true);
  });
});
