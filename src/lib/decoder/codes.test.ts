import { describe, expect, it } from 'vitest';
import { ALERTS, BORINGSSL_SSL_REASONS, OPENSSL_SSL_REASONS, X509_VERIFY, guessOpenSslFlavor, unpack, x509Verify } from './codes.ts';

describe('packed error codes', () => {
  it('unpacks BoringSSL lib<<24 | reason', () => {
    expect(unpack(268435581, 'boringssl')).toMatchObject({ lib: 16, libName: 'SSL', reason: 125, reasonName: 'CERTIFICATE_VERIFY_FAILED' });
    expect(unpack(268436504, 'boringssl')).toMatchObject({ reason: 1048, reasonName: 'TLSV1_ALERT_UNKNOWN_CA', alert: 48 });
    expect(unpack(33554536, 'boringssl')).toMatchObject({ lib: 2, reason: 104, reasonName: 'ECONNRESET' });
  });

  it('unpacks OpenSSL 3 lib<<23 | reason and OpenSSL 1.x lib<<24 | func<<12 | reason', () => {
    expect(unpack(0x0a000415, 'openssl3')).toMatchObject({ lib: 20, reason: 1045, reasonName: 'SSLV3_ALERT_CERTIFICATE_EXPIRED', alert: 45 });
    expect(unpack(0x0a000086, 'openssl3')).toMatchObject({ reason: 134, reasonName: 'CERTIFICATE_VERIFY_FAILED' });
    expect(unpack(0x05800074, 'openssl3')).toMatchObject({ lib: 11, reasonName: 'KEY_VALUES_MISMATCH' });
    expect(unpack(0x1416f086, 'openssl1')).toMatchObject({ lib: 20, func: 0x16f, reason: 134 });
    expect(guessOpenSslFlavor(0x0a000086)).toBe('openssl3');
    expect(guessOpenSslFlavor(0x1416f086)).toBe('openssl1');
  });

  it('reads OpenSSL 3 system errors (bit 31, ERR_SYSTEM_FLAG) as an errno, not as library 0', () => {
    expect(guessOpenSslFlavor(0x80000068)).toBe('openssl3');
    expect(unpack(0x80000068, 'openssl3')).toMatchObject({ lib: 2, libName: 'system library', reason: 104, reasonName: 'ECONNRESET', system: true });
    expect(unpack(0x80000002, 'openssl3')).toMatchObject({ lib: 2, reason: 2, reasonName: 'ENOENT' });
    expect(unpack(0x0a000086, 'openssl3').system).toBeUndefined();
  });

  it('numbers reasons differently per library, except alerts', () => {
    const find = (t: ReadonlyMap<number, string>, name: string) => [...t].find(([, n]) => n === name)?.[0];
    expect(find(BORINGSSL_SSL_REASONS, 'WRONG_VERSION_NUMBER')).toBe(247);
    expect(find(OPENSSL_SSL_REASONS, 'WRONG_VERSION_NUMBER')).toBe(267);
    for (const [n, alert] of ALERTS) {
      if (OPENSSL_SSL_REASONS.has(1000 + n)) expect(BORINGSSL_SSL_REASONS.has(1000 + n) || n === 109, alert.name).toBe(true);
    }
  });
});

describe('X.509 verify results', () => {
  it('has OpenSSL 3 numbers and texts (x509_vfy.h, x509_txt.c of 3.0.19)', () => {
    expect(X509_VERIFY.get(24)).toEqual({ name: 'X509_V_ERR_NO_ISSUER_PUBLIC_KEY', text: "issuer certificate doesn't have a public key" });
    expect(X509_VERIFY.get(26)).toEqual({ name: 'X509_V_ERR_INVALID_PURPOSE', text: 'unsuitable certificate purpose' });
    expect(X509_VERIFY.get(79)).toEqual({ name: 'X509_V_ERR_INVALID_CA', text: 'invalid CA certificate' });
    expect(X509_VERIFY.get(18)?.text).toBe('self-signed certificate');
    expect(X509_VERIFY.get(10)?.text).toBe('certificate has expired');
    expect(X509_VERIFY.get(94)?.name).toBe('X509_V_ERR_EC_KEY_EXPLICIT_PARAMS');
  });

  it('reads 24 as INVALID_CA when the printed text says so (OpenSSL 1.1, BoringSSL)', () => {
    expect(x509Verify(24, 'invalid CA certificate')?.name).toBe('X509_V_ERR_INVALID_CA');
    expect(x509Verify(24, "issuer certificate doesn't have a public key")?.name).toBe('X509_V_ERR_NO_ISSUER_PUBLIC_KEY');
    expect(x509Verify(24)).toMatchObject({ name: 'X509_V_ERR_NO_ISSUER_PUBLIC_KEY', legacy: { name: 'X509_V_ERR_INVALID_CA' } });
    expect(x509Verify(18, 'self signed certificate')?.name).toBe('X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
