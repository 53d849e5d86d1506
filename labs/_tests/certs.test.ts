// The certificates each lab generates at setup: SANs, EKUs, validity and chain, checked with openssl.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labBash, removeDir, run, tempDir } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function makeCerts(slug: string, fn = 'make_certs'): string {
  const work = tempDir(`certs-${slug}`);
  dirs.push(work);
  const r = labBash(slug, work, fn);
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  return join(work, 'certs');
}

function x509(file: string): string {
  const r = run('openssl', ['x509', '-in', file, '-noout', '-subject', '-ext', 'subjectAltName,extendedKeyUsage', '-dates']);
  expect(r.code).toBe(0);
  return r.stdout;
}

function verify(ca: string, cert: string) {
  return run('openssl', ['verify', '-CAfile', ca, cert]);
}

const notAfter = (text: string) => new Date(/notAfter=(.*)/.exec(text)![1]!);

describe('certificate generation (labs/_lib/certs.sh)', () => {
  it('tls-termination: a server certificate for the app name and 127.0.0.1, valid now, from the lab CA', () => {
    const certs = makeCerts('tls-termination');
    const text = x509(join(certs, 'app.crt'));
    expect(text).toContain('DNS:app.lab.internal');
    expect(text).toContain('IP Address:127.0.0.1');
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).not.toContain('TLS Web Client Authentication');
    expect(notAfter(text).getTime()).toBeGreaterThan(Date.now());
    expect(verify(join(certs, 'ca.crt'), join(certs, 'app.crt')).code).toBe(0);
    const ca = run('openssl', ['x509', '-in', join(certs, 'ca.crt'), '-noout', '-ext', 'basicConstraints,keyUsage']).stdout;
    expect(ca).toMatch(/CA:TRUE/);
    expect(ca).toContain('Certificate Sign');
  });

  it('mutual-tls: client certificates carry clientAuth and a SPIFFE-style URI SAN', () => {
    const certs = makeCerts('mutual-tls');
    const client = x509(join(certs, 'client.crt'));
    expect(client).toContain('URI:spiffe://lab.internal/client');
    expect(client).toContain('TLS Web Client Authentication');
    expect(x509(join(certs, 'envoy-client.crt'))).toContain('URI:spiffe://lab.internal/envoy');
    expect(x509(join(certs, 'upstream.crt'))).toContain('DNS:upstream.lab.internal');
    // The rogue client certificate does not chain to the lab CA.
    const rogue = verify(join(certs, 'ca.crt'), join(certs, 'rogue-client.crt'));
    expect(rogue.code).not.toBe(0);
    expect(rogue.out).toContain('unable to get local issuer certificate');
  });

  it('break-it: the expired certificate really is expired, the wrong-SAN one is valid but names someone else', () => {
    const certs = makeCerts('break-it');
    const expired = x509(join(certs, 'front-client-expired.crt'));
    expect(expired).toContain('URI:spiffe://lab.internal/front');
    expect(notAfter(expired).getTime()).toBeLessThan(Date.now());
    expect(verify(join(certs, 'ca.crt'), join(certs, 'front-client-expired.crt')).out).toContain('certificate has expired');
    const wrong = join(certs, 'front-client-wrong-san.crt');
    expect(verify(join(certs, 'ca.crt'), wrong).code).toBe(0);
    expect(x509(wrong)).toContain('URI:spiffe://lab.internal/intruder');
    expect(x509(join(certs, 'partner.crt'))).toContain('DNS:partner.lab.internal');
  });

  it('the partner of labs 6 and 7: server cert for api.northwind.example, client cert for the gateway', () => {
    const certs = makeCerts('double-mtls-egress', 'partner_certs "$WORK_DIR/certs"');
    const partner = x509(join(certs, 'partner.crt'));
    expect(partner).toContain('DNS:api.northwind.example');
    expect(partner).toContain('TLS Web Server Authentication');
    const client = x509(join(certs, 'egress-client.crt'));
    expect(client).toMatch(/subject=.*CN = egress-client/);
    expect(client).toContain('TLS Web Client Authentication');
    expect(verify(join(certs, 'partner-ca.crt'), join(certs, 'egress-client.crt')).code).toBe(0);
  });

  it('setup twice does not fail: existing certificates are kept', () => {
    const work = tempDir('certs-twice');
    dirs.push(work);
    expect(labBash('tls-passthrough', work, 'make_certs').code).toBe(0);
    const first = run('openssl', ['x509', '-in', join(work, 'certs', 'a.crt'), '-noout', '-serial']).stdout;
    const again = labBash('tls-passthrough', work, 'make_certs');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('keep');
    expect(run('openssl', ['x509', '-in', join(work, 'certs', 'a.crt'), '-noout', '-serial']).stdout).toBe(first);
  });

  it('setup again later: a certificate about to expire is made again, with the leaves it signed', () => {
    const work = tempDir('certs-renew');
    dirs.push(work);
    const fingerprint = (f: string) => run('openssl', ['x509', '-in', join(work, 'certs', f), '-noout', '-fingerprint', '-sha256']).stdout;
    expect(labBash('break-it', work, 'make_certs').code).toBe(0);
    const before = { ca: fingerprint('ca.crt'), partner: fingerprint('partner.crt'), rogue: fingerprint('rogue-ca.crt'), expired: fingerprint('front-client-expired.crt') };
    // Nothing expires within the default hour: everything is kept, and setup is told nothing changed.
    const kept = labBash('break-it', work, 'make_certs; echo "CERTS_CHANGED=$CERTS_CHANGED"');
    expect(kept.stdout).not.toMatch(/^  renew /m);
    expect(kept.stdout).toContain('CERTS_CHANGED=0');
    // The CA and the leaves are valid for 30 days; ask for 31 and `openssl x509 -checkend` fails.
    const renewed = labBash('break-it', work, `CERT_MIN_VALID=${31 * 86400}; make_certs; echo "CERTS_CHANGED=$CERTS_CHANGED"`);
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(renewed.stdout).toContain(`renew ${join(work, 'certs', 'ca.crt')} (expires within ${31 * 86400}s)`);
    expect(renewed.stdout).toContain(`renew ${join(work, 'certs', 'partner.crt')} (not signed by the current ca)`);
    expect(renewed.stdout).toContain('CERTS_CHANGED=1');
    expect(fingerprint('ca.crt')).not.toBe(before.ca);
    expect(fingerprint('rogue-ca.crt')).not.toBe(before.rogue);
    expect(fingerprint('partner.crt')).not.toBe(before.partner);
    // The deliberately expired leaf is made again too (its CA changed), and is still expired.
    expect(fingerprint('front-client-expired.crt')).not.toBe(before.expired);
    expect(verify(join(work, 'certs', 'ca.crt'), join(work, 'certs', 'front-client-expired.crt')).out).toContain('certificate has expired');
    expect(verify(join(work, 'certs', 'ca.crt'), join(work, 'certs', 'partner.crt')).code).toBe(0);
  });

  it('the deliberately expired leaf alone does not count as "about to expire"', () => {
    const work = tempDir('certs-expired-kept');
    dirs.push(work);
    expect(labBash('break-it', work, 'make_certs').code).toBe(0);
    const again = labBash('break-it', work, 'make_certs');
    expect(again.stdout).toContain(`keep ${join(work, 'certs', 'front-client-expired.crt')}`);
  });

  it('a dry run writes nothing', () => {
    const work = tempDir('certs-dry');
    dirs.push(work);
    const r = labBash('tls-termination', join(work, 'w'), 'DRY_RUN=1; make_certs');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('openssl genpkey');
    expect(run('ls', [join(work, 'w')]).code).not.toBe(0);
  });
});
