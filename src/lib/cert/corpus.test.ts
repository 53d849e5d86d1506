// Ground truth: every scenario of corpus/scenarios.ts is made with openssl in a temp dir, then the
// engine's verdict is compared with `openssl verify` (-purpose, -verify_hostname/-verify_ip,
// -attime, -untrusted, -CAfile, -auth_level 1) and, for server certificates, with a real
// handshake on 127.0.0.1: `openssl s_server` against `openssl s_client` (with the same verify
// options) and against curl. Agreement means: both succeed, or both fail and the engine's first
// error is the X509_V_ERR number openssl reports first. Every disagreement must be listed in
// EXPLAINED with the reason, and every listed one must still disagree.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../decoder/ground-truth/run.ts';
import { inspect, type InspectInput, type InspectReport } from './index.ts';
import { Pki } from './corpus/pki.ts';
import { CERTS, SCENARIOS, STRAY_KEYS, type Scenario } from './corpus/scenarios.ts';

/** Disagreements that follow from a documented difference, keyed `<scenario>:<tool>`. */
const EXPLAINED: Record<string, string> = {
  'wildcard-partial:verify': 'SAN f*.svc.example: OpenSSL X509_check_host matches a wildcard inside a label (no X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS by default); RFC 9525, Go and curl do not, nor does the engine (which notes the difference).',
  'wildcard-partial:s_client': 'The same partial wildcard through s_client -verify_hostname (X509_check_host).',
  'only-intermediate-trusted:curl': 'curl sets X509_V_FLAG_PARTIAL_CHAIN (since 7.68; CURLSSLOPT_NO_PARTIALCHAIN turns it off), so a trusted intermediate anchors the chain; OpenSSL, BoringSSL/Envoy and Go defaults do not.',
  'leaf-trusted-directly:curl': 'curl\'s partial-chain flag again: the leaf itself in --cacert is enough for curl.',
  'rsa1024-leaf:s_server': 'Debian builds OpenSSL with security level 2, so s_server refuses a 1024-bit RSA key; upstream OpenSSL (level 1), BoringSSL and Go accept it. The engine reports it as a warning (weak-key), not a failure.',
  'cn-only-matching-host:verify': 'No DNS SAN, CN equals the host: OpenSSL X509_check_host still falls back to the CN; the engine follows RFC 9525 and Go (no CN fallback) and reports hostname-mismatch with a cn-fallback note.',
  'cn-only-matching-host:s_client': 'Same CN fallback as openssl verify: s_client uses X509_check_host.',
  'cn-only-matching-host:curl': 'curl with OpenSSL still matches the CN when the certificate has no DNS SAN.',
};

interface Outcome { ok: boolean; code: number | null; text: string }

let dir: string;
let pki: Pki;
const results: { id: string; tool: string; engine: Outcome; tool_: Outcome; agree: boolean }[] = [];

const pem = (name: string) => readFileSync(pki.path(`${name}.pem`), 'utf8');
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const isIp = (h: string) => /^[\d.]+$/.test(h) || h.includes(':');
const epoch = (s: Scenario) => Math.floor(pki.now.getTime() / 1000) + (s.at ?? 0) * 86_400;

function files(s: Scenario) {
  const id = s.id;
  const leaf = pki.path(`${id}.leaf.pem`), untrusted = pki.path(`${id}.untrusted.pem`), trust = pki.path(`${id}.trust.pem`);
  writeFileSync(leaf, pem(s.presented[0]!));
  writeFileSync(untrusted, s.presented.slice(1).map(pem).join(''));
  writeFileSync(trust, s.trust.map(pem).join(''));
  let key = pki.keyFile(s.key ?? s.presented[0]!);
  if (s.keyForm === 'traditional') {
    const trad = pki.path(`${id}.trad.key`);
    pki.run(['pkey', '-in', key, '-traditional', '-out', trad]);
    key = trad;
  }
  return { leaf, untrusted, trust, key, hasUntrusted: s.presented.length > 1 };
}

function verifyOpts(s: Scenario, f: ReturnType<typeof files>): string[] {
  const host = s.host ? (isIp(s.host) ? ['-verify_ip', s.host] : ['-verify_hostname', s.host]) : [];
  const store = s.trust.length ? ['-CAfile', f.trust] : ['-no-CAfile', '-no-CApath', '-no-CAstore'];
  return ['-auth_level', '1', '-purpose', s.purpose === 'client' ? 'sslclient' : 'sslserver', '-attime', String(epoch(s)), ...store, ...host];
}

function run(cmd: string, args: string[], input = ''): { status: number; out: string } {
  try {
    return { status: 0, out: execFileSync(cmd, args, { input, stdio: 'pipe', timeout: 15_000 }).toString() };
  } catch (e) {
    const err = e as { status: number | null; stdout?: Buffer; stderr?: Buffer };
    return { status: err.status ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

function opensslVerify(s: Scenario, f: ReturnType<typeof files>): Outcome {
  const r = run('openssl', ['verify', ...verifyOpts(s, f), ...(f.hasUntrusted ? ['-untrusted', f.untrusted] : []), f.leaf]);
  const m = /error (\d+) at \d+ depth lookup: (.*)/.exec(r.out);
  return { ok: r.status === 0 && !m, code: m ? Number(m[1]) : null, text: m?.[2] ?? r.out.trim().split('\n').pop() ?? '' };
}

// A port the system hands out free; another test may take it before s_server binds, so a bind
// failure is tried again on a fresh port (a fixed range collided with other tests' servers).
async function startServer(f: ReturnType<typeof files>): Promise<{ proc: ChildProcess; port: number } | { failed: string }> {
  let started = await startServerOn(f, await freePort());
  for (let retry = 0; retry < 3 && 'failed' in started && started.failed.includes('Address already in use'); retry++) {
    started = await startServerOn(f, await freePort());
  }
  return started;
}

function startServerOn(f: ReturnType<typeof files>, p: number): Promise<{ proc: ChildProcess; port: number } | { failed: string }> {
  const proc = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${p}`, '-cert', f.leaf, '-key', f.key,
    ...(f.hasUntrusted ? ['-cert_chain', f.untrusted] : []), '-www'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve) => {
    const done = (v: { proc: ChildProcess; port: number } | { failed: string }) => { clearTimeout(timer); resolve(v); };
    const timer = setTimeout(() => { proc.kill(); done({ failed: `no ACCEPT: ${log}` }); }, 10_000);
    proc.stdout!.on('data', (d: Buffer) => { log += d; if (log.includes('ACCEPT')) done({ proc, port: p }); });
    proc.stderr!.on('data', (d: Buffer) => { log += d; });
    proc.on('exit', () => done({ failed: log }));
  });
}

function sClient(s: Scenario, f: ReturnType<typeof files>, p: number): Outcome {
  const sni = s.host && !isIp(s.host) ? ['-servername', s.host] : [];
  const r = run('openssl', ['s_client', '-connect', `127.0.0.1:${p}`, ...sni, '-verify_return_error', ...verifyOpts(s, f)]);
  const m = /verify error:num=(\d+):(.*)/.exec(r.out);
  return { ok: !m && /Verify return code: 0 \(ok\)/.test(r.out), code: m ? Number(m[1]) : null, text: m?.[2] ?? '' };
}

function curl(s: Scenario, f: ReturnType<typeof files>, p: number): Outcome {
  const host = s.host ?? 'app.example';
  const url = isIp(host) ? `https://${host}:${p}/` : `https://${host}:${p}/`;
  const r = run('curl', ['-sS', '-o', '/dev/null', '--max-time', '10', '--cacert', f.trust, ...(isIp(host) ? [] : ['--resolve', `${host}:${p}:127.0.0.1`]), url]);
  return { ok: r.status === 0, code: null, text: r.out.trim() };
}

function engineInputs(s: Scenario, f: ReturnType<typeof files>, transcript?: string): InspectInput[] {
  const chainPem = s.presented.map(pem).join('');
  const trustPem = s.trust.map(pem).join('');
  const keyPem = s.key || s.keyForm ? readFileSync(f.key, 'utf8') : '';
  const trustInput: InspectInput[] = trustPem ? [{ name: 'ca.pem', text: trustPem, role: 'trust' }] : [];
  switch (s.form ?? 'pem') {
    case 'k8s-secret': {
      const data = [`  tls.crt: ${b64(chainPem)}`, ...(keyPem ? [`  tls.key: ${b64(keyPem)}`] : []), ...(trustPem ? [`  ca.crt: ${b64(trustPem)}`] : [])];
      return [{ name: 'secret.yaml', text: ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app-tls', 'type: kubernetes.io/tls', 'data:', ...data, ''].join('\n') }];
    }
    case 'istioctl-secret':
      return [{ name: 'secret.json', text: JSON.stringify({ dynamicActiveSecrets: [
        { name: 'default', secret: { '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret', name: 'default', tlsCertificate: { certificateChain: { inlineBytes: b64(chainPem) }, privateKey: { inlineBytes: b64('[redacted]') } } } },
        { name: 'ROOTCA', secret: { '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret', name: 'ROOTCA', validationContext: { trustedCa: { inlineBytes: b64(trustPem) } } } },
      ] }, null, 2) }];
    case 'ztunnel':
      return [{ name: 'ztunnel.json', text: JSON.stringify({ certificates: [{ identity: 'spiffe://cluster.local/ns/default/sa/web', state: 'Available',
        certChain: s.presented.map((n) => ({ pem: pem(n), serialNumber: '1', validFrom: '', expirationTime: '' })),
        rootCerts: s.trust.map((n) => ({ pem: pem(n), serialNumber: '2', validFrom: '', expirationTime: '' })) }] }, null, 2) }];
    case 's_client':
      return [{ name: 's_client.txt', text: transcript! }, ...trustInput];
    case 'der-base64':
      return [{ name: 'leaf.b64', text: b64(execFileSync('openssl', ['x509', '-in', f.leaf, '-outform', 'DER'])) }, ...trustInput];
    case 'pem-base64':
      return [{ name: 'tls.crt.b64', text: b64(chainPem) }, ...trustInput];
    default:
      return [{ name: 'bundle.pem', text: chainPem + keyPem }, ...trustInput];
  }
}

const engineOutcome = (r: InspectReport, skipKey = false): Outcome => {
  const first = r.verdict.findings.find((x) => x.severity === 'error' && !(skipKey && x.kind === 'key-mismatch'));
  return { ok: !first, code: first ? first.opensslCode ?? null : null, text: first?.kind ?? 'ok' };
};

function record(id: string, tool: string, engine: Outcome, other: Outcome, compareCode: boolean): void {
  const agree = engine.ok === other.ok && (engine.ok || !compareCode || engine.code === other.code);
  results.push({ id, tool, engine, tool_: other, agree });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshtls-cert-corpus-'));
  const now = new Date();
  now.setUTCMilliseconds(0);
  pki = new Pki(dir, now);
  for (const [name, spec] of CERTS) pki.cert(name, spec);
  for (const [name, type] of Object.entries(STRAY_KEYS)) pki.strayKey(name, type);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('certificate inspector against openssl', () => {
  it('has at least 60 scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('agrees with openssl verify and real handshakes in at least 95 % of the comparisons', async () => {
    for (const s of SCENARIOS) {
      const f = files(s);
      const server = s.purpose === 'client' ? undefined : await startServer(f);
      let transcript: string | undefined;
      if (s.form === 's_client' && server && 'port' in server) transcript = run('openssl', ['s_client', '-connect', `127.0.0.1:${server.port}`, '-showcerts']).out;
      const report = await inspect(engineInputs(s, f, transcript), { lang: 'en', ...(s.host ? { host: s.host } : {}), purpose: s.purpose ?? 'server', at: new Date(epoch(s) * 1000) });
      // The engine read every certificate it was given.
      const given = (s.form === 'der-base64' ? 1 : s.presented.length) + s.trust.length;
      expect(report.certificates.length, `${s.id}: certificates read`).toBe(given);
      expect(report.verdict.problems, `${s.id}: input problems`).toEqual([]);

      record(s.id, 'verify', engineOutcome(report, true), opensslVerify(s, f), true);
      if (server) {
        if ('failed' in server) {
          // The server would not start: its key does not fit, or its own chain fails the security level.
          const why = /key values mismatch|ee key too small|ca key too small|ca md too weak/.exec(server.failed)?.[0];
          const code = why ? ({ 'key values mismatch': 0, 'ee key too small': 66, 'ca key too small': 67, 'ca md too weak': 68 } as Record<string, number>)[why]! : -1;
          record(s.id, 's_server', engineOutcome(report), { ok: false, code, text: server.failed.slice(0, 200) }, true);
        } else {
          record(s.id, 's_client', engineOutcome(report, true), sClient(s, f, server.port), true);
          if (!s.at && s.trust.length && s.host && s.host !== '::1' && s.host !== '10.9.9.9') record(s.id, 'curl', engineOutcome(report, true), curl(s, f, server.port), false);
          server.proc.kill();
        }
      }
    }
    const disagreements = results.filter((r) => !r.agree);
    const unexplained = disagreements.filter((r) => !EXPLAINED[`${r.id}:${r.tool}`]).map((r) => `${r.id}:${r.tool} engine=${JSON.stringify(r.engine)} ${r.tool}=${JSON.stringify(r.tool_)}`);
    const stale = Object.keys(EXPLAINED).filter((k) => !disagreements.some((r) => `${r.id}:${r.tool}` === k));
    const agreement = (results.length - disagreements.length) / results.length;
    console.log(`cert corpus: ${SCENARIOS.length} scenarios, ${results.length} comparisons (${['verify', 's_client', 'curl', 's_server'].map((t) => `${t} ${results.filter((r) => r.tool === t).length}`).join(', ')}), agreement ${(agreement * 100).toFixed(1)} %`);
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
