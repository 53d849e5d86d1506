import { describe, expect, it } from 'vitest';
import { canonicalIp, checkHost } from './hostname.ts';

const sans = (dns: string[], ip: string[] = []) => ({ dns, ip });

describe('checkHost (RFC 9525)', () => {
  it('matches DNS names case-insensitively and ignores a trailing dot', () => {
    expect(checkHost('APP.Example.', sans(['app.example']), []).ok).toBe(true);
    expect(checkHost('api.example', sans(['app.example']), []).ok).toBe(false);
  });

  it('lets a wildcard stand for exactly one whole left-most label', () => {
    expect(checkHost('a.svc.example', sans(['*.svc.example']), []).ok).toBe(true);
    expect(checkHost('a.b.svc.example', sans(['*.svc.example']), []).ok).toBe(false);
    expect(checkHost('svc.example', sans(['*.svc.example']), []).ok).toBe(false);
    expect(checkHost('a.com', sans(['*.com']), []).ok).toBe(false);
  });

  it('does not match a wildcard inside a label, and says so', () => {
    const r = checkHost('foo.svc.example', sans(['f*.svc.example']), []);
    expect(r.ok).toBe(false);
    expect(r.partialWildcard).toBe('f*.svc.example');
  });

  it('never falls back to the CN, but flags when OpenSSL would', () => {
    const cnOnly = checkHost('cn.example', sans([]), ['cn.example']);
    expect(cnOnly).toMatchObject({ ok: false, cnFallback: true });
    // With a DNS SAN present, not even OpenSSL reads the CN.
    expect(checkHost('app.example', sans(['other.example']), ['app.example'])).toMatchObject({ ok: false, cnFallback: false });
  });

  it('compares IP addresses only with IP SANs, in canonical form', () => {
    expect(checkHost('127.0.0.1', sans([], ['127.0.0.1']), []).ok).toBe(true);
    expect(checkHost('::1', sans([], ['0:0:0:0:0:0:0:1']), []).ok).toBe(true);
    expect(checkHost('127.0.0.1', sans(['127.0.0.1']), ['127.0.0.1'])).toMatchObject({ ok: false, kind: 'ip', cnFallback: false });
  });

  it('canonicalises IPv6 and rejects what is not an address', () => {
    expect(canonicalIp('2001:DB8::0:1')).toBe('2001:db8:0:0:0:0:0:1');
    expect(canonicalIp('::ffff:10.0.0.1')).toBe('0:0:0:0:0:ffff:a00:1');
    expect(canonicalIp('[::1]')).toBe('0:0:0:0:0:0:0:1');
    expect(canonicalIp('256.1.1.1')).toBeUndefined();
    expect(canonicalIp('app.example')).toBeUndefined();
    expect(canonicalIp('1::2::3')).toBeUndefined();
  });
});
