// How the search box rewrites what readers type or paste, with the real catalog's identifiers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdentifier, looksLikeLogLine, normalizeQuery, stripKoreanParticle } from '../../src/lib/search/normalize-query.ts';
import { searchIdentifiers } from '../../src/plugins/search-identifiers.mjs';

const known = searchIdentifiers(join(import.meta.dirname, '../../src/data/errors')) as [string, string][];

describe('Korean particles', () => {
  it.each([
    ['인증서가', '인증서'],
    ['인증서를', '인증서'],
    ['게이트웨이에서', '게이트웨이'],
    ['사이드카로', '사이드카'],
    ['패스스루는', '패스스루'],
    ['평가', '평가'], // 가 is part of a two-syllable word
    ['키를', '키를'], // too short to strip safely
    ['mTLS', 'mTLS'],
  ])('%s → %s', (word, stem) => {
    expect(stripKoreanParticle(word)).toBe(stem);
  });

  it('strips particles word by word and keeps the rest', () => {
    expect(normalizeQuery('인증서가 만료되면', known)).toBe('인증서 만료');
    expect(normalizeQuery('  tls_inspector  ', known)).toBe('tls_inspector');
  });
});

describe('natural questions', () => {
  const synonyms = [['양방향 TLS', '상호 TLS'], ['터미네이션', '종료']] as const;
  it.each([
    ['왜 인증서가 만료되나요', '인증서 만료'],
    ['인증서가 만료되면 어떻게 되나요?', '인증서 만료'],
    ['무엇이 상호 TLS인가', '상호 TLS'],
    ['이그레스 게이트웨이에서의 인증서 교체는 어떻게 할까', '이그레스 게이트웨이 인증서 교체'],
    ['양방향 TLS를 어떻게 설정하나요', '상호 TLS 설정'],
    ['TLS 터미네이션이 뭐야', 'TLS 종료'],
    ['how do I rotate the gateway certificate?', 'rotate gateway certificate'],
    ['클라이언트 인증서를 안 보내면 어떻게 되나요', '클라이언트 인증서 보내'],
    ['패스스루는 종료와 무엇이 다른가요', '패스스루 종료'],
  ])('%s → %s', (query, expected) => {
    expect(normalizeQuery(query, known, synonyms)).toBe(expected);
  });

  it('keeps a query made only of question words', () => {
    expect(normalizeQuery('왜', known)).toBe('왜');
  });
});

describe('pasted log lines', () => {
  it('tells a typed query from a pasted line', () => {
    expect(looksLikeLogLine('인증서 체인')).toBe(false);
    expect(looksLikeLogLine('TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end')).toBe(true);
  });

  it.each([
    ['TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end', 'CERTIFICATE_VERIFY_FAILED'],
    ['upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268436501:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED', 'SSLV3_ALERT_CERTIFICATE_EXPIRED'],
    ['[2026-11-21T10:00:00.000Z] "GET /v1/orders HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure} - "-" 0 91 10 - "-" "curl/8.5.0" "a1" "api.northwind.example.com" "10.0.0.5:443" outbound|443||api.northwind.example.com - - -', 'UF'],
    ['warning envoy config external/envoy/source/common/secret/sds_api.cc:100 Secret is not supplied by SDS', 'Secret_is_not_supplied_by_SDS'],
    ['curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number', 'WRONG_VERSION_NUMBER'],
    ['Error: Hostname/IP does not match certificate\'s altnames: Host: wrong.example. is not in the cert\'s altnames: DNS:localhost  code: ERR_TLS_CERT_ALTNAME_INVALID', 'X509_V_ERR_HOSTNAME_MISMATCH'],
  ])('%s → %s', (line, expected) => {
    expect(normalizeQuery(line, known)).toBe(expected);
  });

  it('falls back to the reason name or packed code when the catalog has no entry', () => {
    expect(keyIdentifier('TLS_error:|268435999:SSL_routines:OPENSSL_internal:SOME_NEW_REASON:TLS_error_end', [])).toBe('SOME_NEW_REASON');
    expect(keyIdentifier('error code 0A0001FF in the handshake, again and again today', [])).toBe('0A0001FF');
  });

  it('prefers what went wrong over a wrapper that only says something failed', () => {
    const grpc = 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: credentials: cannot check peer: missing selected ALPN property"';
    expect(normalizeQuery(grpc, known)).toBe('NO_APPLICATION_PROTOCOL');
  });

  it('takes the detail at the end of a wrapped error, not the wrapper', () => {
    const grpc = 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: credentials: cannot check peer: missing selected ALPN property"';
    expect(normalizeQuery(grpc, known)).toBe('NO_APPLICATION_PROTOCOL');
    const nginx = '2026/11/21 10:00:00 [info] 1234#1234: *7 client SSL certificate verify error: (21:unable to verify the first certificate) while reading client request headers';
    expect(normalizeQuery(nginx, known)).toBe('X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('matches short flags only as whole tokens', () => {
    expect(keyIdentifier('a UFO was seen over the gateway at night, again and again', known)).toBeUndefined();
  });
});
