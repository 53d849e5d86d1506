// Each break-it scenario's TLS failure, reproduced for real on 127.0.0.1 with openssl s_server /
// s_client and curl, using the lab's own certificates; the strings those tools print are then
// decoded by the project's decoder. The Envoy access-log lines the lab page shows are decoded too.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decode, envoyLine, freePort, labBash, removeDir, run, scenarios, spawn, stop, tempDir,
} from './helpers.ts';

let work = '';
let certs = '';
beforeAll(() => {
  work = tempDir('break-it');
  const r = labBash('break-it', work, 'make_certs >/dev/null');
  expect(r.code).toBe(0);
  certs = join(work, 'certs');
});
afterAll(() => removeDir(work));

const c = (name: string) => join(certs, name);

/** Start `openssl s_server` as the strict partner (client certificate required), run the client,
 * and return what both sides printed. */
async function handshake(serverArgs: string[], client: (port: number) => string[], clientCmd = 'openssl') {
  const port = await freePort();
  const server = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-naccept', '1',
    '-cert', c('partner.crt'), '-key', c('partner.key'), '-CAfile', c('ca.crt'), '-Verify', '1', '-verify_return_error', ...serverArgs],
  { stdio: ['pipe', 'pipe', 'pipe'] });
  let serverOut = '';
  server.stdout!.on('data', (d) => (serverOut += d));
  server.stderr!.on('data', (d) => (serverOut += d));
  try {
    // s_server prints ACCEPT when it listens; a TCP probe would use up its one connection.
    const until = Date.now() + 5000;
    while (!serverOut.includes('ACCEPT')) {
      if (Date.now() > until) throw new Error(`s_server did not start: ${serverOut}`);
      await new Promise((res) => setTimeout(res, 20));
    }
    const r = run(clientCmd, client(port), { input: '', timeout: 10_000 });
    await new Promise((res) => setTimeout(res, 200));
    return { client: r.out, server: serverOut };
  } finally {
    server.stdin!.end();
    stop(server);
  }
}

// -ign_eof: keep reading after stdin ends, so a TLS 1.3 alert sent after the handshake is seen.
const sClient = (extra: string[]) => (port: number) =>
  ['s_client', '-ign_eof', '-connect', `127.0.0.1:${port}`, '-servername', 'partner.lab.internal', '-CAfile', c('ca.crt'), ...extra];
const withCert = (name: string) => ['-cert', c(`${name}.crt`), '-key', c(`${name}.key`)];

/** The reproductions. `lines` holds the exact text the tools printed, with the category the
 * decoder must give it (categories of the decoder issue). */
const cases: { scenario: string; run: () => Promise<{ client: string; server: string }>; expect: { side: 'client' | 'server'; text: RegExp; category: string }[] }[] = [
  {
    scenario: 'expired-cert',
    run: () => handshake([], sClient(['-tls1_2', ...withCert('front-client-expired')])),
    expect: [
      { side: 'client', text: /error:0A000415:SSL routines:[^\n]*sslv3 alert certificate expired[^\n]*/, category: 'cert-expired' },
      { side: 'server', text: /verify error:num=10:certificate has expired/, category: 'cert-expired' },
    ],
  },
  {
    scenario: 'unknown-ca',
    run: () => handshake([], sClient(['-tls1_2', ...withCert('front-client-rogue')])),
    expect: [
      { side: 'client', text: /error:0A000418:SSL routines:[^\n]*tlsv1 alert unknown ca[^\n]*/, category: 'unknown-ca' },
      { side: 'server', text: /verify error:num=20:unable to get local issuer certificate/, category: 'unknown-ca' },
    ],
  },
  {
    scenario: 'missing-client-cert',
    run: () => handshake([], sClient(['-tls1_3'])),
    expect: [
      { side: 'client', text: /error:0A00045C:SSL routines:[^\n]*tlsv13 alert certificate required[^\n]*/, category: 'client-cert-missing' },
      { side: 'server', text: /error:0A0000C7:SSL routines:[^\n]*peer did not return a certificate[^\n]*/, category: 'client-cert-missing' },
    ],
  },
  {
    scenario: 'san-not-accepted',
    run: () => handshake(['-verify_hostname', 'front.lab.internal'], sClient(['-tls1_2', ...withCert('front-client-wrong-san')])),
    expect: [
      { side: 'server', text: /verify error:num=62:hostname mismatch/, category: 'hostname-mismatch' },
    ],
  },
  {
    scenario: 'protocol-version',
    run: () => handshake(['-tls1_3'], sClient(['-tls1_2', ...withCert('front-client')])),
    expect: [
      { side: 'client', text: /error:0A00042E:SSL routines:[^\n]*tlsv1 alert protocol version[^\n]*/, category: 'protocol-version' },
      { side: 'server', text: /error:0A000102:SSL routines:[^\n]*unsupported protocol[^\n]*/, category: 'protocol-version' },
    ],
  },
  {
    scenario: 'plaintext-to-tls',
    run: () => handshake([], (port) => ['-sS', '--max-time', '5', `http://127.0.0.1:${port}/`], 'curl'),
    expect: [
      { side: 'server', text: /error:0A00009C:SSL routines:[^\n]*http request[^\n]*/, category: 'plaintext-to-tls' },
    ],
  },
];

describe('break-it scenarios reproduced with openssl and curl (OpenSSL 3)', () => {
  it('every scenario of scenarios.tsv has a reproduction here', () => {
    expect(cases.map((k) => k.scenario)).toEqual(scenarios().map((s) => s.scenario));
  });

  for (const k of cases) {
    describe(k.scenario, () => {
      let out: { client: string; server: string };
      beforeAll(async () => { out = await k.run(); });

      for (const e of k.expect) {
        it(`the ${e.side} prints ${e.text.source.slice(0, 60)}`, () => {
          expect(out[e.side]).toMatch(e.text);
        });
        it(`the decoder reads the ${e.side}'s line as ${e.category}`, async () => {
          const line = e.text.exec(out[e.side])![0];
          const matches = await decode(line);
          expect(matches.map((m) => m.category)).toContain(e.category);
        });
      }
    });
  }
});

describe('the Envoy access-log lines of the lab page', () => {
  for (const s of scenarios()) {
    it(`${s.scenario}: the packed code is BoringSSL's SSL library (16) with the reason's number`, () => {
      expect(Math.floor(Number(s.code) / 2 ** 24)).toBe(16);
    });
    it(`${s.scenario}: the decoder maps the line to /errors/${s.error_id}/`, async () => {
      const matches = await decode(envoyLine(s));
      expect(matches.map((m) => m.id)).toContain(s.error_id);
    });
  }
});

describe('links printed by break.sh', () => {
  it('urlencode agrees with encodeURIComponent, so the decoder gets the exact line', () => {
    for (const s of scenarios()) {
      const line = envoyLine(s);
      const r = labBash('break-it', work, `urlencode ${JSON.stringify(line).replaceAll('$', '\\$')}`);
      expect(r.stdout).toBe(encodeURIComponent(line));
    }
    const r = labBash('break-it', work, "urlencode 'é 한'");
    expect(r.stdout).toBe(encodeURIComponent('é 한'));
  });

  it('decoder and error links carry the locale like the site does', () => {
    const r = labBash('break-it', work, 'decoder_link "a b" en; echo; error_link alert-unknown-ca ko');
    expect(r.stdout).toBe('https://mesh-tls.example.org/en/tools/decoder/#q=a%20b\nhttps://mesh-tls.example.org/errors/alert-unknown-ca/');
  });

  it('break.sh refuses an unknown scenario with a clear message and exit 2', () => {
    const r = run('bash', [join(import.meta.dirname, '..', 'break-it', 'break.sh'), 'nope']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown scenario: nope|모르는 시나리오: nope/);
    expect(r.out).toContain('expired-cert');
  });
});
