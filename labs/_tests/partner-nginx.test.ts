// The partner server of the double-mTLS lab, run for real: nginx with ssl_verify_client on, on
// 127.0.0.1, from the same template and certificates the lab uses.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, labBash, removeDir, run, spawn, stopAndWait, tempDir, waitForPort } from './helpers.ts';

const NGINX = '/usr/sbin/nginx';

async function startPartner(verify: 'on' | 'off') {
  const work = tempDir(`partner-${verify}`);
  try {
    return await launch(work, verify);
  } catch (e) {
    removeDir(work);
    throw e;
  }
}

async function launch(work: string, verify: 'on' | 'off') {
  const port = await freePort();
  const runDir = join(work, 'run');
  mkdirSync(runDir);
  const conf = join(work, 'nginx.conf');
  const r = labBash('double-mtls-egress', work,
    `partner_certs "$WORK_DIR/certs" >/dev/null; render_partner_conf "${conf}" 127.0.0.1:${port} "$WORK_DIR/certs" "${runDir}" ${verify} "${runDir}/access.log" "${runDir}/error.log"`);
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  const child = spawn(NGINX, ['-p', runDir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  try {
    await waitForPort(port);
  } catch (e) {
    await stopAndWait(child);
    throw e;
  }
  return { work, port, child, certs: join(work, 'certs') };
}

function curl(port: number, certs: string, ...extra: string[]) {
  const r = run('curl', ['-sS', '--max-time', '5', '-w', '\nHTTP %{http_code}', '--cacert', join(certs, 'partner-ca.crt'),
    '--resolve', `api.northwind.example:${port}:127.0.0.1`, ...extra, `https://api.northwind.example:${port}/hello`]);
  return r.out;
}

describe('partner nginx with ssl_verify_client on (lab 7)', () => {
  let p: Awaited<ReturnType<typeof startPartner>>;
  beforeAll(async () => { p = await startPartner('on'); });
  afterAll(async () => { await stopAndWait(p?.child); if (p) removeDir(p.work); });

  it('no client certificate -> 400 "No required SSL certificate was sent"', () => {
    const out = curl(p.port, p.certs);
    expect(out).toContain('HTTP 400');
    expect(out).toContain('No required SSL certificate was sent');
  });

  it('a client certificate from another CA -> 400 "The SSL certificate error"', () => {
    const out = curl(p.port, p.certs, '--cert', join(p.certs, 'rogue-client.crt'), '--key', join(p.certs, 'rogue-client.key'));
    expect(out).toContain('HTTP 400');
    expect(out).toContain('The SSL certificate error');
  });

  it("the gateway's client certificate -> 200 with the verified DN echoed", () => {
    const out = curl(p.port, p.certs, '--cert', join(p.certs, 'egress-client.crt'), '--key', join(p.certs, 'egress-client.key'));
    expect(out).toContain('HTTP 200');
    expect(out).toMatch(/verify=SUCCESS dn=CN=egress-client,O=Mesh TLS Field Guide lab/);
  });

  it('plain HTTP to its TLS port (the silent bypass) -> 400 "plain HTTP request was sent to HTTPS port"', () => {
    const r = run('curl', ['-sS', '--max-time', '5', '-w', '\nHTTP %{http_code}', `http://127.0.0.1:${p.port}/hello`]);
    expect(r.out).toContain('HTTP 400');
    expect(r.out).toContain('The plain HTTP request was sent to HTTPS port');
  });
});

describe('partner nginx without client certificates (lab 6)', () => {
  let p: Awaited<ReturnType<typeof startPartner>>;
  beforeAll(async () => { p = await startPartner('off'); });
  afterAll(async () => { await stopAndWait(p?.child); if (p) removeDir(p.work); });

  it('answers 200 without a client certificate and says none was verified', () => {
    const out = curl(p.port, p.certs);
    expect(out).toContain('HTTP 200');
    expect(out).toContain('verify=NONE');
    expect(out).toMatch(/tls=TLSv1\.[23]/);
  });
});
