// Each break-it scenario's TLS failure, reproduced for real on 127.0.0.1 with openssl s_server /
// s_client and curl, using the lab's own certificates; the strings those tools print are then
// decoded by the project's decoder. The Envoy access-log lines of the lab page are built by hand
// (envoyLine in helpers.ts; the page says so) and decoded too. One scenario, san-not-accepted,
// cannot be reproduced exactly with OpenSSL and is marked as an approximation here and on the page.
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

/** One line a tool printed, and the decoder category it must get (categories of the decoder issue).
 * `lab: true` marks the line that stands for what the lab's front Envoy logs: it must also decode
 * to the scenario's error page (scenarios.tsv `error_id`), like the Envoy line of the lab page. */
interface Expect { side: 'client' | 'server'; text: RegExp; category: string; lab?: true }

/** The reproductions. Each runs the lab's TLS versions where they matter: as a client the front
 * Envoy offers TLS 1.2 at most (the lab's scenario table is written for that). */
interface Case {
  scenario: string;
  /** how this run differs from the lab, shown in the test name */
  how: string;
  run: () => Promise<{ client: string; server: string }>;
  expect: Expect[];
  /** Set when OpenSSL cannot produce what the lab's Envoy produces: what differs. The test then
   * checks that the difference is the documented one instead of passing the run off as the lab's. */
  approximation?: { labLine: Expect; openssl: string };
}

const cases: Case[] = [
  {
    scenario: 'expired-cert',
    how: 'TLS 1.2, as the lab',
    run: () => handshake([], sClient(['-tls1_2', ...withCert('front-client-expired')])),
    expect: [
      { side: 'client', text: /error:0A000415:SSL routines:[^\n]*sslv3 alert certificate expired[^\n]*/, category: 'cert-expired', lab: true },
      { side: 'server', text: /verify error:num=10:certificate has expired/, category: 'cert-expired' },
    ],
  },
  {
    scenario: 'unknown-ca',
    how: 'TLS 1.2, as the lab',
    run: () => handshake([], sClient(['-tls1_2', ...withCert('front-client-rogue')])),
    expect: [
      { side: 'client', text: /error:0A000418:SSL routines:[^\n]*tlsv1 alert unknown ca[^\n]*/, category: 'unknown-ca', lab: true },
      { side: 'server', text: /verify error:num=20:unable to get local issuer certificate/, category: 'unknown-ca' },
    ],
  },
  {
    scenario: 'missing-client-cert',
    how: 'TLS 1.2, as the lab: alert 40',
    run: () => handshake([], sClient(['-tls1_2'])),
    expect: [
      { side: 'client', text: /error:0A000410:SSL routines:[^\n]*sslv3 alert handshake failure[^\n]*SSL alert number 40/, category: 'unknown', lab: true },
      { side: 'server', text: /error:0A0000C7:SSL routines:[^\n]*peer did not return a certificate[^\n]*/, category: 'client-cert-missing' },
    ],
  },
  {
    scenario: 'missing-client-cert',
    how: 'TLS 1.3, for contrast: alert 116',
    run: () => handshake([], sClient(['-tls1_3'])),
    expect: [
      { side: 'client', text: /error:0A00045C:SSL routines:[^\n]*tlsv13 alert certificate required[^\n]*/, category: 'client-cert-missing' },
      { side: 'server', text: /error:0A0000C7:SSL routines:[^\n]*peer did not return a certificate[^\n]*/, category: 'client-cert-missing' },
    ],
  },
  {
    scenario: 'san-not-accepted',
    how: 'approximation: OpenSSL hostname check instead of Envoy\'s SAN matcher',
    run: () => handshake(['-verify_hostname', 'front.lab.internal'], sClient(['-tls1_2', ...withCert('front-client-wrong-san')])),
    expect: [
      { side: 'server', text: /verify error:num=62:hostname mismatch/, category: 'hostname-mismatch' },
    ],
    // openssl s_server has no URI-SAN allow-list; its nearest check (-verify_hostname) rejects the
    // same certificate with X509_V_ERR_HOSTNAME_MISMATCH, which OpenSSL maps to alert 42. Envoy's
    // default validator keeps alert 46 for a SAN matcher failure (default_validator.cc).
    approximation: {
      labLine: { side: 'client', text: /error:0A000412:SSL routines:[^\n]*sslv3 alert bad certificate[^\n]*SSL alert number 42/, category: 'cert-verify-failed' },
      openssl: 'alert-bad-certificate',
    },
  },
  {
    scenario: 'protocol-version',
    how: 'client TLS 1.2, server TLS 1.3 only, as the lab',
    run: () => handshake(['-tls1_3'], sClient(['-tls1_2', ...withCert('front-client')])),
    expect: [
      { side: 'client', text: /error:0A00042E:SSL routines:[^\n]*tlsv1 alert protocol version[^\n]*/, category: 'protocol-version', lab: true },
      { side: 'server', text: /error:0A000102:SSL routines:[^\n]*unsupported protocol[^\n]*/, category: 'protocol-version' },
    ],
  },
  {
    scenario: 'plaintext-to-tls',
    how: 'curl sends plain HTTP to the TLS port, as the lab',
    run: () => handshake([], (port) => ['-sS', '--max-time', '5', `http://127.0.0.1:${port}/`], 'curl'),
    expect: [
      { side: 'server', text: /error:0A00009C:SSL routines:[^\n]*http request[^\n]*/, category: 'plaintext-to-tls', lab: true },
    ],
  },
];

describe('break-it scenarios reproduced with openssl and curl (OpenSSL 3)', () => {
  it('every scenario of scenarios.tsv has a reproduction here', () => {
    expect([...new Set(cases.map((k) => k.scenario))]).toEqual(scenarios().map((s) => s.scenario));
  });

  it('each scenario has one line standing for the lab\'s Envoy line, or is marked as an approximation', () => {
    for (const s of scenarios()) {
      const mine = cases.filter((k) => k.scenario === s.scenario);
      const lab = mine.flatMap((k) => k.expect.filter((e) => e.lab));
      const approx = mine.filter((k) => k.approximation);
      expect(lab.length + approx.length, s.scenario).toBe(1);
    }
  });

  for (const k of cases) {
    describe(`${k.scenario} (${k.how})`, () => {
      const s = scenarios().find((x) => x.scenario === k.scenario)!;
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
        if (e.lab) {
          it(`like the lab's Envoy line, the ${e.side}'s line leads to /errors/${s.error_id}/ with the same category`, async () => {
            const line = e.text.exec(out[e.side])![0];
            const mine = await decode(line);
            const envoy = await decode(envoyLine(s));
            const envoyCategory = envoy.find((m) => m.id === s.error_id)!.category;
            expect(mine.map((m) => m.id)).toContain(s.error_id);
            expect(mine.find((m) => m.id === s.error_id)!.category).toBe(envoyCategory);
          });
        }
      }

      const a = k.approximation;
      if (a) {
        it(`approximation, stated on the lab page: OpenSSL sends ${a.openssl}, not the lab's ${s.error_id}`, async () => {
          expect(out[a.labLine.side]).toMatch(a.labLine.text);
          const matches = await decode(a.labLine.text.exec(out[a.labLine.side])![0]);
          expect(matches.map((m) => m.id)).toContain(a.openssl);
          expect(matches.map((m) => m.id)).not.toContain(s.error_id);
          expect(matches.map((m) => m.category)).toContain(a.labLine.category);
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
