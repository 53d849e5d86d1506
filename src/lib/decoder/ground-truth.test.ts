// Ground truth: reproduce real TLS failures on 127.0.0.1 with openssl s_server/s_client, curl,
// nginx and Node's tls module, capture exactly what each tool prints, and check the decoder
// classifies it. Keys and certificates are generated into a temp dir for the run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookup } from 'node:dns/promises';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';
import { makePki, type Pki } from './ground-truth/pki.ts';
import { freePort, runClient, startServer } from './ground-truth/run.ts';

const catalog = loadCatalog();
let pki: Pki;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshtls-gt-'));
  pki = makePki(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const dump = process.env.MESHTLS_GT_DUMP;
  if (dump) writeFileSync(dump, `${JSON.stringify(observed, null, 2)}\n`);
});

/** Every line of tool output that says something went wrong. */
function errorLines(out: string): string {
  return out.split('\n').filter((l) => /error|alert|curl: \(|verify|wrong|plain HTTP|mismatch|eof|certificate/i.test(l)).join('\n');
}

/** What the tools printed, by expected entry; written out when MESHTLS_GT_DUMP names a file. */
const observed: { id: string; text: string }[] = [];

function expectDecoded(out: string, id: string): void {
  observed.push({ id, text: out });
  const ids = decode(out, catalog, { lang: 'en' }).matches.map((m) => m.id);
  expect(ids, `decoded ${JSON.stringify(out)}`).toContain(id);
  const category = catalog.find((e) => e.id === id)?.category;
  expect(decode(out, catalog, { lang: 'ko' }).matches.some((m) => m.category === category)).toBe(true);
}

async function sServer(extra: string[]) {
  const port = await freePort();
  const server = await startServer('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-www', ...extra], { port, ready: /ACCEPT/ });
  return { port, server };
}

const curl = (args: string[]) => runClient('curl', ['-sS', '--max-time', '8', ...args]);
const sClient = (port: number, args: string[]) =>
  runClient('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', ...args]);

function nodeTls(port: number, opts: { servername?: string; ca?: string }): Promise<string> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: opts.servername ?? 'localhost', ca: opts.ca ? readFileSync(opts.ca) : undefined });
    const timer = setTimeout(() => { socket.destroy(); resolve('timeout'); }, 8000);
    socket.once('secureConnect', () => { clearTimeout(timer); socket.end(); resolve('connected'); });
    socket.once('error', (err: NodeJS.ErrnoException) => { clearTimeout(timer); resolve(`Error: ${err.message} code: '${err.code}'`); });
  });
}

describe('ground truth from real tools', { timeout: 60_000 }, () => {
  it('a name no DNS has (.invalid, RFC 6761): curl exit 6 and Node getaddrinfo, before any TLS', async () => {
    const c = await curl(['https://nonexistent.invalid/']);
    expect(c.code).toBe(6);
    expectDecoded(c.out, 'could-not-resolve-host');
    const n = await lookup('nonexistent.invalid').then(() => 'resolved', (err: NodeJS.ErrnoException) => `Error: ${err.message} code: '${err.code}'`);
    expectDecoded(n, 'could-not-resolve-host');
  });

  it('expired server certificate: curl, s_client and Node', async () => {
    const { port, server } = await sServer(['-cert', pki.expired.cert, '-key', pki.expired.key]);
    try {
      const c = await curl(['--cacert', pki.ca, `https://localhost:${port}/`]);
      expect(c.code).toBe(60);
      expectDecoded(c.out, 'cert-expired');
      const s = await sClient(port, ['-CAfile', pki.ca, '-verify_return_error']);
      expectDecoded(errorLines(s.out), 'cert-expired');
      expectDecoded(await nodeTls(port, { ca: pki.ca }), 'cert-expired');
    } finally {
      await server.stop();
    }
  });

  it('server certificate from an unknown CA', async () => {
    const { port, server } = await sServer(['-cert', pki.otherCaServer.cert, '-key', pki.otherCaServer.key]);
    try {
      const c = await curl(['--cacert', pki.ca, `https://localhost:${port}/`]);
      expect(c.code).toBe(60);
      expectDecoded(c.out, 'unable-to-get-issuer');
      const n = await nodeTls(port, { ca: pki.ca });
      expect(decode(n, catalog).matches[0]?.category).toBe('unknown-ca');
    } finally {
      await server.stop();
    }
  });

  it('hostname mismatch: curl and Node check the name after the handshake', async () => {
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key]);
    try {
      const c = await curl(['--cacert', pki.ca, '--resolve', `wrong.example:${port}:127.0.0.1`, `https://wrong.example:${port}/`]);
      expect(c.code).toBe(60);
      expectDecoded(c.out, 'hostname-mismatch');
      expectDecoded(await nodeTls(port, { ca: pki.ca, servername: 'wrong.example' }), 'hostname-mismatch');
    } finally {
      await server.stop();
    }
  });

  it('client certificate required but missing, TLS 1.3: alert 116, curl exit 56', async () => {
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key, '-CAfile', pki.ca, '-Verify', '1', '-tls1_3']);
    try {
      const c = await curl(['--cacert', pki.ca, `https://localhost:${port}/`]);
      expect(c.code).toBe(56);
      expectDecoded(c.out, 'alert-certificate-required');
    } finally {
      expectDecoded(errorLines(await server.stop()), 'peer-did-not-return-certificate');
    }
  });

  it('client certificate required but missing, TLS 1.2: alert 40, curl exit 35', async () => {
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key, '-CAfile', pki.ca, '-Verify', '1', '-tls1_2']);
    try {
      const c = await curl(['--cacert', pki.ca, `https://localhost:${port}/`]);
      expect(c.code).toBe(35);
      expectDecoded(c.out, 'alert-handshake-failure');
    } finally {
      expectDecoded(errorLines(await server.stop()), 'peer-did-not-return-certificate');
    }
  });

  it('client certificate from the wrong CA', async () => {
    // Without -verify_return_error, s_server logs the verify error and carries on.
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key, '-CAfile', pki.ca, '-Verify', '1', '-verify_return_error']);
    try {
      const c = await curl(['--cacert', pki.ca, '--cert', pki.otherCaClient.cert, '--key', pki.otherCaClient.key, `https://localhost:${port}/`]);
      expectDecoded(c.out, 'alert-unknown-ca');
    } finally {
      const out = errorLines(await server.stop());
      expectDecoded(out, 'unable-to-get-issuer');
      expectDecoded(out, 'client-certificate-rejected');
    }
  });

  it('TLS version mismatch', async () => {
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key, '-tls1_3']);
    try {
      const c = await curl(['--cacert', pki.ca, '--tlsv1.2', '--tls-max', '1.2', `https://localhost:${port}/`]);
      expect(c.code).toBe(35);
      expectDecoded(c.out, 'alert-protocol-version');
    } finally {
      expectDecoded(errorLines(await server.stop()), 'unsupported-protocol');
    }
  });

  it('no shared cipher', async () => {
    const { port, server } = await sServer(['-cert', pki.server.cert, '-key', pki.server.key, '-tls1_2', '-cipher', 'ECDHE-ECDSA-AES256-GCM-SHA384']);
    try {
      const s = await sClient(port, ['-tls1_2', '-cipher', 'ECDHE-ECDSA-AES128-GCM-SHA256']);
      expectDecoded(errorLines(s.out), 'alert-handshake-failure');
    } finally {
      expectDecoded(errorLines(await server.stop()), 'no-shared-cipher');
    }
  });

  it('key and certificate do not match: s_server refuses to start', async () => {
    const r = await runClient('openssl', ['s_server', '-accept', `127.0.0.1:${await freePort()}`, '-cert', pki.server.cert, '-key', pki.strayKey], { timeoutMs: 5000 });
    expect(r.code).not.toBe(0);
    expectDecoded(r.out, 'key-values-mismatch');
  });

  describe('nginx', () => {
    it('client certificate required: missing, and from the wrong CA (400 pages and the error log)', async () => {
      const port = await freePort();
      const prefix = mkdtempSync(join(dir, 'nginx-mtls-'));
      writeFileSync(join(prefix, 'nginx.conf'), `
        daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log info;
        events { worker_connections 64; }
        http {
          access_log off;
          server {
            listen 127.0.0.1:${port} ssl; ssl_certificate ${pki.server.cert}; ssl_certificate_key ${pki.server.key};
            ssl_client_certificate ${pki.ca}; ssl_verify_client on; return 200 "mtls\\n";
          }
        }`);
      const server = await startServer('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { port });
      try {
        const none = await curl(['--cacert', pki.ca, `https://localhost:${port}/`]);
        expectDecoded(none.out, 'nginx-no-required-ssl-certificate');
        const wrong = await curl(['--cacert', pki.ca, '--cert', pki.otherCaClient.cert, '--key', pki.otherCaClient.key, `https://localhost:${port}/`]);
        expect(wrong.out).toContain('400 The SSL certificate error');
        expectDecoded(wrong.out, 'nginx-client-certificate-error');
        const ok = await curl(['--cacert', pki.ca, '--cert', pki.client.cert, '--key', pki.client.key, `https://localhost:${port}/`]);
        expect(ok.out).toContain('mtls');
      } finally {
        await server.stop();
      }
      const log = readFileSync(join(prefix, 'error.log'), 'utf8').split('\n').filter((l) => /client SSL certificate verify error/.test(l)).join('\n');
      expect(log).toMatch(/client SSL certificate verify error: \(\d+:/);
      expectDecoded(log, 'nginx-client-certificate-error');
      expectDecoded(log, 'unable-to-verify-first-certificate'); // nginx 1.22 + OpenSSL 3.0 report 21 here, not 20
      expect(decode(log, catalog).matches.every((m) => m.side === 'downstream' && m.component === 'nginx')).toBe(true);
    });

    it('plaintext to a TLS port, TLS to a plaintext port, key mismatch at config test', async () => {
      const [tlsPort, plainPort] = [await freePort(), await freePort()];
      const prefix = mkdtempSync(join(dir, 'nginx-'));
      const conf = (key: string) => `
        daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log info;
        events { worker_connections 64; }
        http {
          access_log off;
          server { listen 127.0.0.1:${tlsPort} ssl; ssl_certificate ${pki.server.cert}; ssl_certificate_key ${key}; return 200 "tls\\n"; }
          server { listen 127.0.0.1:${plainPort}; return 200 "plain\\n"; }
        }`;
      writeFileSync(join(prefix, 'nginx.conf'), conf(pki.server.key));
      writeFileSync(join(prefix, 'bad.conf'), conf(pki.strayKey));
      const t = await runClient('/usr/sbin/nginx', ['-t', '-p', prefix, '-c', join(prefix, 'bad.conf')]);
      expectDecoded(t.out, 'key-values-mismatch');

      const server = await startServer('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { port: plainPort });
      try {
        const plain = await curl([`http://localhost:${tlsPort}/`]);
        expectDecoded(plain.out, 'http-request-to-https-port');
        const tls = await curl([`https://localhost:${plainPort}/`]);
        expect(tls.code).toBe(35);
        expectDecoded(tls.out, 'wrong-version-number');
        expectDecoded(await nodeTls(plainPort, {}), 'wrong-version-number');
      } finally {
        await server.stop();
      }
    });
  });
});
