import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDecode } from './decode.ts';

const KO = { LANG: 'ko_KR.UTF-8' };

async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runDecode(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    env,
  });
  return { code, stdout, stderr };
}

const ENVOY = 'TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end';

describe('meshtls decode (in-process)', () => {
  it('prints JSON in the documented shape, with locale-prefixed page paths', async () => {
    const en = await run(['--format', 'json', '--lang', 'en', ENVOY]);
    expect(en.code).toBe(0);
    const json = JSON.parse(en.stdout);
    expect(json.results[0].input).toBe(ENVOY);
    expect(json.results[0].matches[0]).toMatchObject({
      id: 'certificate-verify-failed', category: 'cert-verify-failed', side: 'either', component: 'envoy',
      docs: '/en/errors/certificate-verify-failed/',
    });
    const ko = JSON.parse((await run(['--format=json', ENVOY], '', KO)).stdout);
    expect(ko.results[0].matches[0].docs).toBe('/errors/certificate-verify-failed/');
    expect(ko.results[0].matches[0].title).toMatch(/인증서 검증 실패/);
  });

  it('adds the access-log reading and the numbers no entry explains to each JSON result', async () => {
    const line = '[2025-03-01T10:00:00.000Z] "GET /v1 HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{connection_failure,TLS_error:|268436577:SSL_routines:OPENSSL_internal:TLSV1_ALERT_ECH_REQUIRED:TLS_error_end} - "TLS_error:|268436577:SSL_routines:OPENSSL_internal:TLSV1_ALERT_ECH_REQUIRED:TLS_error_end" 0 91 12 - "-" "curl/8.5.0" "7c1e" "api.northwind.example.com" "203.0.113.10:443" outbound|443||api.northwind.example.com 10.1.0.5:40112 203.0.113.10:443 10.1.0.5:40110 api.northwind.example.com -';
    const result = JSON.parse((await run(['--format', 'json', '--lang', 'en', line])).stdout).results[0];
    expect(result.matches.map((m: { id: string; docs: string }) => [m.id, m.docs])).toEqual([['upstream-connect-error', '/en/errors/upstream-connect-error/']]);
    expect(result.accessLogs).toHaveLength(1);
    expect(result.accessLogs[0]).toMatchObject({
      hop: 'upstream',
      responseCode: '503',
      cluster: { raw: 'outbound|443||api.northwind.example.com', direction: 'outbound', port: 443, host: 'api.northwind.example.com' },
      requestedServerName: 'api.northwind.example.com',
    });
    expect(result.accessLogs[0].responseFlags.map((f: { flag: string; long: string }) => [f.flag, f.long])).toEqual([['UF', 'UpstreamConnectionFailure'], ['URX', 'UpstreamRetryLimitExceeded']]);
    expect(result.accessLogs[0].responseFlags[0].meaning).toMatch(/TLS handshake failed/);
    // Alert 121 (ech_required) has no entry: it is reported once, decoded, with what it means.
    expect(result.unattached).toHaveLength(1);
    expect(result.unattached[0]).toMatchObject({ kind: 'boringssl', values: { reason: 1121, alert: 121, reasonName: 'TLSV1_ALERT_ECH_REQUIRED' } });
    expect(result.unattached[0].note).toMatch(/peer sent TLS alert 121/);
    // The text format prints the same reading.
    const text = (await run(['--lang', 'en', line])).stdout;
    expect(text).toContain(result.accessLogs[0].summary);
    expect(text).toContain(result.unattached[0].note);
    // A line that is not an access log has none, and a Korean run links the Korean page.
    const ko = JSON.parse((await run(['--format', 'json', '--lang', 'ko', 'SSL alert number 114'])).stdout).results[0];
    expect(ko).toMatchObject({ accessLogs: [], unattached: [] });
    expect(ko.matches[0].docs).toBe('/errors/alert-bad-certificate-hash-value/');
  });

  it('reads stdin one entry per line and exits 0 even when nothing is recognised', async () => {
    const r = await run(['--format', 'json'], `${ENVOY}\r\n\nhello world\n`);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { input: string }) => x.input)).toEqual([ENVOY, 'hello world']);
    expect(json.results[1].matches).toEqual([]);
  });

  it('prints readable text with the decoded number', async () => {
    const r = await run(['--lang', 'en', 'curl: (60) SSL certificate problem: certificate has expired']);
    expect(r.stdout).toContain('[cert-expired]');
    expect(r.stdout).toContain('/en/errors/cert-expired/');
    expect(r.stdout).toContain('curl exit code 60');
    const none = await run(['--lang', 'en', 'all good']);
    expect(none.stdout).toContain('Nothing recognised.');
  });

  it('--proxy names the proxy that wrote an access-log line, which decides the hop the line cannot', async () => {
    // Istio's default format without the addresses: only the cluster says where the request went.
    const line = '[2026-12-07T01:02:03.456Z] "GET / HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{connection_failure,TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "-" 0 91 12 - "-" "curl/8.5.0" "7c1e" "api.northwind.example" "203.0.113.10:443" outbound|443||api.northwind.example - - - api.northwind.example -';
    const hop = async (...flags: string[]) => JSON.parse((await run(['--format', 'json', '--lang', 'en', ...flags, line])).stdout).results[0].accessLogs[0].meshHop;
    expect(await hop()).toMatchObject({ hop: 'external' });
    expect(await hop('--proxy', 'sidecar')).toMatchObject({ hop: 'direct', proxy: 'sidecar' });
    expect(await hop('--proxy=gateway')).toMatchObject({ hop: 'hop2', proxy: 'gateway' });
    // The text format prints the hop's reading too, and it follows the flag.
    const text = (await run(['--lang', 'en', '--proxy', 'gateway', line])).stdout;
    expect(text).toContain((await hop('--proxy', 'gateway')).note);
    expect(text).not.toContain((await hop('--proxy', 'sidecar')).note);
    // A bad value is a usage error in the reader's language.
    const bad = await run(['--lang', 'en', '--proxy', 'ingress', line]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--proxy must be sidecar or gateway ("ingress")');
    expect(bad.stdout).toBe('');
    expect((await run(['--proxy', 'Gateway', line], '', KO)).stderr).toContain('--proxy는 sidecar 또는 gateway여야 한다("Gateway")');
    expect((await run(['--proxy'], '', KO)).code).toBe(2);
  });

  it('exits 2 with a message, never a stack trace, on usage errors', async () => {
    for (const argv of [['--format', 'yaml', 'x'], ['--lang', 'fr', 'x'], ['--bogus'], ['--format']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^meshtls decode: /);
      expect(r.stderr).toContain('Usage:');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await run(['--lang', 'en', '--format', 'yaml'])).stderr).toContain('--format must be text or json');
    expect((await run(['--format', 'yaml'], '', KO)).stderr).toContain('--format은 text 또는 json이어야 한다');
    expect((await run(['--format', 'yaml'], '', KO)).stderr).toContain('사용법:');
  });

  it("answers in the locale's language when there is no --lang, and --lang wins over it", async () => {
    const title = async (argv: string[], env: Record<string, string>) => JSON.parse((await run(['--format', 'json', ...argv, ENVOY], '', env)).stdout).results[0].matches[0];
    expect((await title([], {})).docs).toBe('/en/errors/certificate-verify-failed/');
    expect((await title([], { LANG: 'ko_KR.UTF-8' })).docs).toBe('/errors/certificate-verify-failed/');
    expect((await title([], { LANG: 'ko_KR.UTF-8', LC_ALL: 'C' })).docs).toBe('/en/errors/certificate-verify-failed/');
    expect((await title(['--lang', 'ko'], { LC_ALL: 'en_US.UTF-8' })).docs).toBe('/errors/certificate-verify-failed/');
    expect((await run(['--help'], '', KO)).stdout).toContain('lint의 종료 코드');
    expect((await run(['--help'])).stdout).toContain('Exit codes of lint');
  });
});

describe('meshtls decode (child process)', () => {
  it('runs through bin/meshtls.mjs', () => {
    const bin = fileURLToPath(new URL('../../bin/meshtls.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'decode', '--format', 'json', '--lang', 'en'], {
      input: 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0].matches.map((m: { id: string }) => m.id)).toEqual(['wrong-version-number', 'curl-35-ssl-connect-error']);
    const bad = spawnSync(process.execPath, [bin, 'decode', '--format', 'xml'], { encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).toBe(2);
  });
  it('ends quietly when the reader closes the pipe early (| head -1)', async () => {
    const bin = fileURLToPath(new URL('../../bin/meshtls.mjs', import.meta.url));
    const child = spawn(process.execPath, [bin, 'decode']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(`${ENVOY}\n`.repeat(20_000)); // far more output than one pipe buffer
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
