import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';

const catalog = loadCatalog();
const ids = (text: string, lang: 'ko' | 'en' = 'en') => decode(text, catalog, { lang }).matches.map((m) => m.id);

describe('decode: Envoy transport failure reasons', () => {
  it('reads the current form with the end marker and decodes the number', () => {
    const r = decode('TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end', catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual(['certificate-verify-failed']);
    expect(r.matches[0]?.decoded[0]?.values).toMatchObject({ lib: 16, reason: 125, reasonName: 'CERTIFICATE_VERIFY_FAILED' });
  });

  it('reads the older form and a truncated reason through the number alone', () => {
    expect(ids('TLS error: 268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBE')).toEqual(['wrong-version-number']);
  });

  it('reads access-log fields where spaces became underscores', () => {
    expect(ids('"TLS_error:|268436504:SSL_routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA:TLS_error_end"')).toEqual(['alert-unknown-ca']);
  });

  it('decodes the number in the older form inside an access-log field (`TLS_error:_268…`)', () => {
    const r = decode('"TLS_error:_268436501:SSL_routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED"', catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual(['alert-certificate-expired']);
    expect(r.matches[0]?.decoded[0]).toMatchObject({ kind: 'boringssl', values: { code: 268436501, lib: 16, reason: 1045, alert: 45 } });
  });

  it('says an alert reason means the peer rejected us', () => {
    const r = decode('TLS error: 268436501:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED', catalog, { lang: 'en' });
    expect(r.matches[0]?.id).toBe('alert-certificate-expired');
    expect(r.matches[0]?.decoded[0]?.values.alert).toBe(45);
    expect(r.matches[0]?.decoded[0]?.note).toMatch(/peer sent TLS alert 45/);
    const ko = decode('TLS error: 268436501:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED', catalog, { lang: 'ko' });
    expect(ko.matches[0]?.decoded[0]?.note).toMatch(/상대편이 이쪽을 거부했다/);
  });

  it('prefers the detail after CERTIFICATE_VERIFY_FAILED and keeps the decoded number', () => {
    const r = decode('reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: verify SAN list:TLS_error_end', catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual(['hostname-mismatch']);
    expect(r.matches[0]?.decoded[0]?.values.reason).toBe(125);
    expect(r.matches[0]?.side).toBe('upstream');
  });

  it.each([
    ['certificate_has_expired', 'certificate has expired', 'cert-expired'],
    ['unable_to_get_local_issuer_certificate', 'unable to get local issuer certificate', 'unable-to-get-issuer'],
    ['certificate_is_not_yet_valid', 'certificate is not yet valid', 'cert-not-yet-valid'],
    ['self-signed_certificate_in_certificate_chain', 'self-signed certificate in certificate chain', 'self-signed-cert-in-chain'],
  ])('reads the verify detail with spaces turned to `_` (%s) like the spaced one', (underscored, spacedText, id) => {
    const field = `TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify_cert_failed:_X509_verify_cert:_certificate_verification_error_at_depth_0:_${underscored}:TLS_error_end`;
    const body = `TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: X509_verify_cert: certificate verification error at depth 0: ${spacedText}:TLS_error_end`;
    expect(ids(field)).toEqual([id]);
    expect(ids(body)).toEqual([id]);
    expect(decode(field, catalog).matches[0]?.decoded[0]?.values.reason).toBe(125);
  });

  it('decodes the system-library reset and the 503 body', () => {
    const body = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 33554536:system library:OPENSSL_internal:Connection reset by peer';
    expect(ids(body)).toEqual(['connection-reset', 'upstream-connect-error']);
    const r = decode(body, catalog, { lang: 'en' });
    expect(r.matches.every((m) => m.side === 'upstream')).toBe(true);
    // The envelope says how it relates to the cause, in both languages; the cause carries no such note.
    expect(r.matches[1]?.because).toBe('This 503 happened because of “Connection reset (Connection reset by peer)” (the card above); Envoy\'s connect error only carries that transport failure to the caller as a 503.');
    expect(r.matches[0]?.because).toBeUndefined();
    expect(decode(body, catalog, { lang: 'ko' }).matches[1]?.because).toMatch(/^이 503은 위 카드 “연결 리셋/);
  });

  it('reads the hex form gRPC prints as BoringSSL', () => {
    const r = decode('Ssl handshake failed: SSL_ERROR_SSL: error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED', catalog, { lang: 'en' });
    const part = r.matches.flatMap((m) => m.decoded).find((d) => d.kind === 'boringssl');
    expect(part?.values).toMatchObject({ lib: 16, reason: 125 });
  });
});

describe('decode: BoringSSL reasons and alerts with entries of their own', () => {
  it.each([
    ['TLS_error:|268435763:SSL_routines:OPENSSL_internal:NO_APPLICATION_PROTOCOL:TLS_error_end', 'no-application-protocol', 307],
    ['TLS_error:|268436576:SSL routines:OPENSSL_internal:TLSV1_ALERT_NO_APPLICATION_PROTOCOL:TLS_error_end', 'no-application-protocol', 1120],
    ['TLS_error:|268435631:SSL routines:OPENSSL_internal:NO_CIPHERS_AVAILABLE', 'no-ciphers-available', 175],
    ['TLS_error:|268435593:SSL_routines:OPENSSL_internal:DECODE_ERROR:TLS_error_end', 'decode-error', 137],
    ['TLS_error:|268436506:SSL_routines:OPENSSL_internal:TLSV1_ALERT_DECODE_ERROR:TLS_error_end', 'decode-error', 1050],
    ['TLS_error:|268435758:SSL routines:OPENSSL_internal:KEY_USAGE_BIT_INCORRECT:TLS_error_end', 'key-usage-bit-incorrect', 302],
    ['TLS_error:|268435728:SSL routines:OPENSSL_internal:CANNOT_PARSE_LEAF_CERT:TLS_error_end', 'cannot-parse-leaf-cert', 272],
    ['TLS_error:|268435637:SSL routines:OPENSSL_internal:NO_PRIVATE_KEY_ASSIGNED', 'no-private-key-assigned', 181],
    ['TLS_error:|268436499:SSL_routines:OPENSSL_internal:SSLV3_ALERT_UNSUPPORTED_CERTIFICATE:TLS_error_end', 'alert-unsupported-certificate', 1043],
    ['TLS_error:|268436505:SSL_routines:OPENSSL_internal:TLSV1_ALERT_ACCESS_DENIED:TLS_error_end', 'alert-access-denied', 1049],
    ['TLS_error:|268436507:SSL_routines:OPENSSL_internal:TLSV1_ALERT_DECRYPT_ERROR:TLS_error_end', 'alert-decrypt-error', 1051],
    ['TLS_error:|268436570:SSL_routines:OPENSSL_internal:TLSV1_ALERT_BAD_CERTIFICATE_HASH_VALUE:TLS_error_end', 'alert-bad-certificate-hash-value', 1114],
  ])('%s → %s', (text, id, reason) => {
    const r = decode(text, catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual([id]);
    expect(r.matches[0]?.decoded[0]?.values).toMatchObject({ lib: 16, reason });
    // The same number alone, as Envoy's older truncated form, reaches the same entry.
    expect(ids(`TLS error: ${r.matches[0]?.decoded[0]?.values.code}:SSL routines:OPENSSL_internal:X`)).toEqual([id]);
  });

  it.each([
    ['error:0A000460:SSL routines::tlsv1 alert no application protocol', 'no-application-protocol'],
    ['SSL alert number 120', 'no-application-protocol'],
    ['http: TLS handshake error from 10.0.0.7:51234: tls: client requested unsupported application protocols ([h2])', 'no-application-protocol'],
    ['transport: authentication handshake failed: credentials: cannot check peer: missing selected ALPN property', 'no-application-protocol'],
    ['error:0A0000B5:SSL routines::no ciphers available', 'no-ciphers-available'],
    ['remote error: tls: error decoding message', 'decode-error'],
    ['error:0A0000BE:SSL routines::no private key assigned', 'no-private-key-assigned'],
    ['curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A000413:SSL routines::sslv3 alert unsupported certificate, errno 0', 'alert-unsupported-certificate'],
    ['javax.net.ssl.SSLHandshakeException: Received fatal alert: access_denied', 'alert-access-denied'],
    ['remote error: tls: error decrypting message', 'alert-decrypt-error'],
    ['error:0A00045A:SSL routines::tlsv1 bad certificate hash value', 'alert-bad-certificate-hash-value'],
    ['SSL alert number 114', 'alert-bad-certificate-hash-value'],
  ])('%s → %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('reads the pin failure on the rejecting Envoy as the pin entry, not the bare verify failure', () => {
    const r = decode('TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify_cert_failed:_cert_hash_and_spki:TLS_error_end', catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual(['alert-bad-certificate-hash-value']);
    expect(r.matches[0]?.decoded[0]?.values.reason).toBe(125);
  });
});

describe('decode: a server rejecting the client certificate', () => {
  it('reads Envoy\'s downstream transport failure reason as a rejected client certificate', () => {
    const line = JSON.stringify({
      response_code: 0, response_flags: '-', upstream_cluster: 'inbound|8443||',
      downstream_transport_failure_reason: 'TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end',
    });
    const r = decode(line, catalog, { lang: 'en' });
    expect(r.matches.map((m) => [m.id, m.category, m.side, m.component])).toEqual([['client-certificate-rejected', 'client-cert-rejected', 'downstream', 'envoy']]);
    expect(r.matches[0]?.decoded[0]?.values).toMatchObject({ reason: 125 });
    // The upstream field with the same reason is this proxy rejecting the server: no client certificate involved.
    expect(ids(line.replace('downstream_transport_failure_reason', 'upstream_transport_failure_reason'))).toEqual(['certificate-verify-failed']);
  });

  it('keeps the reason next to the rejection when the text gives one', () => {
    const r = decode('2025/03/01 10:00:00 [info] 7#7: *9 client SSL certificate verify error: (10:certificate has expired) while reading client request headers, client: 10.0.0.1', catalog, { lang: 'en' });
    expect(r.matches.map((m) => [m.id, m.side, m.component])).toEqual([
      ['cert-expired', 'downstream', 'nginx'],
      ['nginx-client-certificate-error', 'downstream', 'nginx'],
    ]);
    expect(ids('http: TLS handshake error from 10.0.0.7:51234: tls: failed to verify client certificate: x509: certificate signed by unknown authority')).toEqual(['client-certificate-rejected', 'go-x509-unknown-authority']);
    expect(ids('<head><title>400 The SSL certificate error</title></head>')).toEqual(['nginx-client-certificate-error']);
  });
});

describe('decode: access-log lines', () => {
  const istio = '[2025-03-01T10:00:00.000Z] "GET /v1/quotes HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end" 0 91 12 - "-" "curl/8.5.0" "7c1e" "api.northwind.example.com" "203.0.113.10:443" outbound|443||api.northwind.example.com 10.1.0.5:40112 203.0.113.10:443 10.1.0.5:40110 - -';

  it('reads code, flags, cluster and the upstream hop from the Istio text format', () => {
    const r = decode(istio, catalog, { lang: 'en' });
    const log = r.accessLogs[0];
    expect(log).toMatchObject({
      format: 'text',
      responseCode: '503',
      upstreamCluster: { direction: 'outbound', port: 443, host: 'api.northwind.example.com' },
      upstreamTransportFailureReason: 'TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end',
      side: 'upstream',
    });
    expect(log?.responseFlags.map((f) => f.flag)).toEqual(['UF', 'URX']);
    expect(log?.summary).toMatch(/every attempt to connect to the upstream failed/);
    expect(r.matches.map((m) => m.id)).toEqual(['certificate-verify-failed', 'upstream-connect-error']);
    expect(r.matches.every((m) => m.side === 'upstream')).toBe(true);
  });

  it('reads a JSON access log, one line or pretty-printed', () => {
    const obj = {
      response_code: 0, response_flags: '-', upstream_cluster: 'inbound|8443||',
      downstream_transport_failure_reason: 'TLS_error:|268435648:SSL_routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE:TLS_error_end',
    };
    for (const text of [JSON.stringify(obj), JSON.stringify(obj, null, 2)]) {
      const r = decode(text, catalog, { lang: 'en' });
      expect(r.accessLogs[0]).toMatchObject({ format: 'json', side: 'downstream', upstreamCluster: { direction: 'inbound', port: 8443 } });
      expect(r.matches.map((m) => [m.id, m.side])).toEqual([['peer-did-not-return-certificate', 'downstream']]);
    }
  });

  it('maps flags without a TLS reason to their entries, else to the flags entry', () => {
    expect(ids('[2025-03-01T10:00:00.000Z] "GET / HTTP/1.1" 503 UH no_healthy_upstream - "-" 0 19 0 - "-" "curl" "x" "a" "-" outbound|80||a.default.svc.cluster.local - 10.0.0.1:80 10.0.0.2:1 - default')).toEqual(['no-healthy-upstream']);
    expect(ids('[2025-03-01T10:00:00.000Z] "GET / HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 0 95 3 - "-" "curl" "x" "a" "10.0.0.9:80" outbound|80||a.default.svc.cluster.local - - - - -')).toEqual(['envoy-response-flags']);
    expect(ids('[2025-03-01T10:00:00.000Z] "GET / HTTP/1.1" 503 UO upstream_overflow - "-" 0 81 0 - "-" "curl" "x" "a" "-" outbound|80||a - - - - -')).toEqual(['upstream-overflow']);
  });

  it('tells a TCP connect failure from a TLS failure by the reason, not by its presence', () => {
    const tcp = '[2026-12-07T01:02:03.456Z] "GET / HTTP/1.1" 503 URX,UF upstream_reset_before_response_started{remote_connection_failure|delayed_connect_error:_Connection_refused} - "delayed_connect_error:_Connection_refused" 0 152 3 - "-" "curl/8.5.0" "x" "a" "10.0.0.9:8080" outbound|8080||a.default.svc.cluster.local - 10.0.0.9:8080 10.0.0.2:1 - default';
    const r = decode(tcp, catalog, { lang: 'en' });
    expect(r.accessLogs[0]).toMatchObject({ side: 'upstream', upstreamTransportFailureReason: 'delayed_connect_error:_Connection_refused' });
    expect(r.accessLogs[0]?.summary).toMatch(/TCP connect error/);
    expect(r.accessLogs[0]?.summary).not.toMatch(/failed the TLS handshake/);
    expect(decode(istio, catalog, { lang: 'en' }).accessLogs[0]?.summary).toMatch(/is a TLS error/);
    expect(decode(tcp, catalog, { lang: 'ko' }).accessLogs[0]?.summary).toMatch(/TCP 연결 오류/);
    // Envoy's default format has no reason field; the details carry it (`,` before 1.2x).
    const envoyDefault = '[2024-07-20T07:09:48.470Z] "GET /x HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111} 0 145 0 - "-" "curl/8.4.0" "44898dba" "localhost:8000" "172.28.0.2:801"';
    expect(decode(envoyDefault, catalog, { lang: 'en' }).accessLogs[0]?.summary).toMatch(/TCP connect error/);
  });

  it('reads an NR line from a listener (no filter chain) as that, with the requested server name', () => {
    const line = '[2026-12-07T01:02:03.456Z] "- - -" 0 NR filter_chain_not_found - "-" 0 0 0 - "-" "-" "-" "-" "-" - - 10.244.1.7:8443 10.244.0.1:51234 wrong.northwind.example -';
    const r = decode(line, catalog, { lang: 'en' });
    expect(r.accessLogs[0]).toMatchObject({ side: 'downstream', requestedServerName: 'wrong.northwind.example' });
    expect(r.accessLogs[0]?.summary).toMatch(/no filter chain.*wrong\.northwind\.example/);
    expect(r.matches.map((m) => m.id)).toEqual(['filter-chain-not-found']);
    // A route miss keeps its own entry.
    expect(ids('[2026-12-07T01:02:03.456Z] "GET /x HTTP/1.1" 404 NR route_not_found - "-" 0 0 0 - "-" "curl" "x" "a" "-" - - 10.0.0.1:80 10.0.0.2:1 - -')).toEqual(['no-route']);
  });

  it('reads the overflow body as the overflow entry, not as a failed connection', () => {
    expect(ids('upstream connect error or disconnect/reset before headers. reset reason: overflow')).toEqual(['upstream-overflow']);
    expect(ids('upstream connect error or disconnect/reset before headers. reset reason: remote connection failure')).toEqual(['upstream-connect-error']);
  });

  it('reads the older Istio format with the reason in quotes', () => {
    const r = decode('[2022-04-19T13:35:23.864Z] "POST / HTTP/1.1" 503 UF,URX "-" "TLS error: Secret is not supplied by SDS" 52 91 18 - "-" "curl/7.79.1" "622c" "api:8000" "10.37.0.73:8000" outbound|8000||api.services.svc.cluster.local - 10.27.72.242:8000 10.37.0.1:5000 - default', catalog);
    expect(r.accessLogs[0]?.upstreamTransportFailureReason).toBe('TLS error: Secret is not supplied by SDS');
    expect(r.matches.map((m) => m.id)).toEqual(['sds-secret-not-supplied', 'upstream-connect-error']);
  });
});

describe('decode: OpenSSL, X.509 codes, alerts, curl, runtimes', () => {
  it('tells OpenSSL 3 from 1.1 packed codes', () => {
    const v3 = decode('error:0A000086:SSL routines::certificate verify failed', catalog).matches[0]?.decoded[0];
    expect(v3).toMatchObject({ kind: 'openssl3', values: { lib: 20, reason: 134, reasonName: 'CERTIFICATE_VERIFY_FAILED' } });
    const v1 = decode('error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca', catalog).matches[0];
    expect(v1?.id).toBe('alert-unknown-ca');
    expect(v1?.decoded[0]).toMatchObject({ kind: 'openssl1', values: { lib: 20, func: 0x94, reason: 1048, alert: 48 } });
  });

  it('decodes an OpenSSL 3 system error to its errno', () => {
    const r = decode('error:80000068:system library::Connection reset by peer', catalog, { lang: 'en' });
    expect(r.matches.map((m) => m.id)).toEqual(['connection-reset']);
    expect(r.matches[0]?.decoded[0]).toMatchObject({ kind: 'openssl3', values: { lib: 2, reason: 104, reasonName: 'ECONNRESET', errno: 104 } });
    expect(r.matches[0]?.decoded[0]?.note).toMatch(/errno 104 \(ECONNRESET\)/);
    expect(r.unattached).toEqual([]);
  });

  it('decodes X.509 verify codes in s_client and nginx forms', () => {
    expect(ids('depth=0 CN = api\nverify error:num=10:certificate has expired')).toEqual(['cert-expired']);
    expect(ids('Verify return code: 19 (self-signed certificate in certificate chain)')).toEqual(['self-signed-cert-in-chain']);
    const nginx = decode('2025/03/01 10:00:00 [error] 12#12: *3 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream', catalog);
    expect(nginx.matches.map((m) => [m.id, m.side, m.component])).toEqual([['unable-to-get-issuer', 'upstream', 'nginx']]);
  });

  it('names verify code 24 by the text printed with it, and falls back to the bare verify failure', () => {
    const nginx = decode('2025/03/01 10:00:00 [info] 7#7: *9 client SSL certificate verify error: (24:invalid CA certificate) while reading client request headers', catalog, { lang: 'en' });
    const part = nginx.matches.flatMap((m) => m.decoded).find((d) => d.kind === 'x509-verify');
    expect(part?.values).toMatchObject({ code: 24, name: 'X509_V_ERR_INVALID_CA', text: 'invalid CA certificate' });
    const s = decode('verify error:num=24:issuer certificate doesn\'t have a public key', catalog, { lang: 'en' });
    expect(s.matches.map((m) => m.id)).toEqual(['certificate-verify-failed']);
    expect(s.matches[0]?.decoded[0]?.values).toMatchObject({ name: 'X509_V_ERR_NO_ISSUER_PUBLIC_KEY' });
    expect(decode('Verify return code: 26 (unsuitable certificate purpose)', catalog, { lang: 'en' }).matches[0]?.decoded[0]?.values.text).toBe('unsuitable certificate purpose');
  });

  it('reads curl 51 with the NSS wording as a hostname mismatch, not the generic verify failure', () => {
    const r = decode("curl: (51) Unable to communicate securely with peer: requested domain name does not match the server's certificate.", catalog, { lang: 'en' });
    expect(r.matches.map((m) => [m.id, m.category, m.component])).toEqual([['hostname-mismatch', 'hostname-mismatch', 'curl']]);
    expect(r.matches[0]?.decoded[0]?.values).toMatchObject({ exit: 51 });
  });

  it('decodes alert numbers and curl exit codes even without an entry-specific text', () => {
    const r = decode('SSL alert number 116', catalog, { lang: 'en' });
    expect(r.matches[0]?.id).toBe('alert-certificate-required');
    expect(ids('curl: (58) could not load PEM client certificate')).toEqual(['curl-58-local-certificate']);
  });

  it('recognises runtime messages', () => {
    expect(ids('javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target')).toEqual(['java-pkix-path-building']);
    expect(ids('Get "https://api": tls: failed to verify certificate: x509: certificate signed by unknown authority')).toEqual(['go-x509-unknown-authority']);
    expect(ids('x509: certificate has expired or is not yet valid: current time 2025-01-01T00:00:00Z is after 2024-12-31T00:00:00Z')).toEqual(['cert-expired']);
    expect(ids('x509: certificate has expired or is not yet valid: current time 2025-01-01T00:00:00Z is before 2025-02-01T00:00:00Z')).toEqual(['cert-not-yet-valid']);
    expect(ids("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'api'. (_ssl.c:1006)")).toEqual(['hostname-mismatch']);
    expect(ids('Caused by: javax.net.ssl.SSLException: Unsupported or unrecognized SSL message')).toEqual(['java-unrecognized-ssl-message']);
    expect(ids('javax.net.ssl.SSLException: unsupported or unrecognized ssl message')).toEqual(['java-unrecognized-ssl-message']);
    expect(ids('javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake')).toEqual(['unexpected-eof']);
    expect(ids('sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed')).toEqual(['cert-expired']);
    expect(ids('javax.net.ssl.SSLHandshakeException: NotAfter: Tue Oct 10 12:00:00 UTC 2023')).toEqual(['cert-expired']);
    expect(ids('Caused by: java.security.cert.CertificateNotYetValidException: NotBefore: Tue Oct 10 12:00:00 UTC 2030')).toEqual(['cert-not-yet-valid']);
    expect(ids('Get "https://api:8443/": tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead')).toEqual(['hostname-mismatch']);
    expect(ids('ssl.SSLZeroReturnError: TLS/SSL connection has been closed (EOF) (_ssl.c:1131)')).toEqual(['unexpected-eof']);
    expect(ids('rpc error: code = Unavailable desc = connection closed before server preface received')).toEqual(['grpc-connection-closed-before-preface']);
    expect(ids('istiod: proxy istio-egressgateway attempted to access unauthorized certificates partner-cert: istio-egressgateway-service-account/istio-system is not authorized to read secrets: no RBAC policy matched')).toEqual(['sds-not-authorized']);
  });
});

describe('decode: name resolution and authorization failures (not TLS)', () => {
  it('reads a failed DNS lookup from curl, Node, Python and Go as the resolve entry, with the writer', () => {
    const one = (text: string) => decode(text, catalog, { lang: 'en' }).matches.map((m) => [m.id, m.component]);
    // curl 7.88.1, Node 20.20 and Python 3.11 printed these here for https://nonexistent.invalid/.
    expect(one('curl: (6) Could not resolve host: nonexistent.invalid')).toEqual([['could-not-resolve-host', 'curl']]);
    expect(one('Error: getaddrinfo ENOTFOUND nonexistent.invalid')).toEqual([['could-not-resolve-host', 'node']]);
    expect(one('urllib.error.URLError: <urlopen error [Errno -2] Name or service not known>')).toEqual([['could-not-resolve-host', 'python']]);
    // Go's net.DNSError text: "lookup NAME on SERVER: no such host".
    expect(one('Get "http://api.northwind.example/": dial tcp: lookup api.northwind.example on 10.96.0.10:53: no such host')).toEqual([['could-not-resolve-host', 'go']]);
    expect(one('socket.gaierror: [Errno -3] Temporary failure in name resolution')).toEqual([['could-not-resolve-host', 'python']]);
    // A host name that merely contains the words is not a lookup failure.
    expect(ids('GET https://no-such-host.example/ 200')).toEqual([]);
  });

  it('decodes curl exit 6 as the resolver failure, in both languages', () => {
    const r = decode('curl: (6) Could not resolve host: api.northwind.example', catalog, { lang: 'ko' });
    expect(r.matches[0]?.decoded[0]).toMatchObject({ kind: 'curl-exit', values: { exit: 6, name: 'CURLE_COULDNT_RESOLVE_HOST' } });
    expect(r.matches[0]?.decoded[0]?.note).toMatch(/호스트 이름을 풀 수 없음/);
    expect(r.matches[0]?.docs[0]).toBe('egress/egress-dns/');
    expect(ids('curl: (6)')).toEqual(['could-not-resolve-host']);
  });

  it('reads the RBAC 403 body and the access-log details, with and without a matched policy', () => {
    expect(ids('RBAC: access denied')).toEqual(['rbac-access-denied']);
    // Istio's default text format; details as Envoy's responseDetail() writes them, policy names
    // as istiod's policyName() builds them (ns[NS]-policy[NAME]-rule[N]).
    const none = '[2026-12-07T01:02:03.456Z] "GET / HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-" 0 19 0 - "-" "curl/8.5.0" "5f0c" "api.northwind.example" "-" - - 10.244.1.7:8080 10.244.0.12:52784 - -';
    const r = decode(none, catalog, { lang: 'en' });
    expect(r.matches.map((m) => [m.id, m.side, m.component])).toEqual([['rbac-access-denied', 'downstream', 'envoy']]);
    expect(r.accessLogs[0]).toMatchObject({ responseCode: '403', responseCodeDetails: 'rbac_access_denied_matched_policy[none]' });
    const deny = none.replace('[none]', '[ns[istio-egress]-policy[block-partners]-rule[0]]');
    // The whole detail is the match, so the reader sees which policy and rule denied.
    expect(decode(deny, catalog).matches.map((m) => m.text)).toEqual(['rbac_access_denied_matched_policy[ns[istio-egress]-policy[block-partners]-rule[0]]']);
    // Older Envoy wrote only "rbac_access_denied"; a TCP connection carries it as termination details.
    expect(ids('[2020-01-01T00:00:00.000Z] "GET / HTTP/1.1" 403 - rbac_access_denied - "-" 0 19 0 - "-" "curl" "x" "a" "-" - - 10.0.0.1:80 10.0.0.2:1 - -')).toEqual(['rbac-access-denied']);
    expect(decode('RBAC: access denied', catalog, { lang: 'ko' }).matches[0]?.title).toMatch(/인가 정책/);
  });

  it('says in the line summary which policy denied, for HTTP details and TCP termination details', () => {
    const http = '[2026-12-07T01:02:03.456Z] "GET / HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-" 0 19 0 - "-" "curl/8.5.0" "5f0c" "api.northwind.example" "-" - - 10.244.1.7:8080 10.244.0.12:52784 - -';
    const none = decode(http, catalog, { lang: 'en' }).accessLogs[0];
    expect(none).toMatchObject({ side: 'downstream' });
    expect(none?.summary).toMatch(/RBAC filter .*none of its rules matched/);
    const deny = decode(http.replace('[none]', '[ns[istio-egress]-policy[block-partners]-rule[1]]'), catalog, { lang: 'ko' }).accessLogs[0];
    expect(deny?.summary).toMatch(/걸린 정책과 규칙: ns\[istio-egress\]-policy\[block-partners\]-rule\[1\]\./);
    // The network RBAC filter closes a TCP connection: no 403, the detail is the termination details.
    const tcp = '[2026-12-07T01:02:03.456Z] "- - -" 0 - - rbac_access_denied_matched_policy[none] "-" 0 0 1 - "-" "-" "-" "-" "-" - - 10.244.1.7:443 10.244.0.12:5000 api.northwind.example -';
    const r = decode(tcp, catalog, { lang: 'en' });
    expect(r.accessLogs[0]?.summary).toMatch(/RBAC filter/);
    expect(r.matches.map((m) => [m.id, m.side])).toEqual([['rbac-access-denied', 'downstream']]);
    // A line without the detail says nothing about RBAC.
    expect(decode(http.replace(' 403 - rbac_access_denied_matched_policy[none] - ', ' 404 NR route_not_found - '), catalog, { lang: 'en' }).accessLogs[0]?.summary).not.toMatch(/RBAC/);
  });
});

describe('decode: which component wrote the line', () => {
  const component = (text: string, id?: string) => decode(text, catalog, { lang: 'en' }).matches.find((m) => !id || m.id === id)?.component;

  it.each([
    ['SSL alert number 42', 'openssl'],
    ["ssl.SSLError: [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:1006)", 'python'],
    ['2025/03/01 10:00:00 [info] 7#7: *9 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers', 'nginx'],
    ['14 UNAVAILABLE: No connection established. Last error: Error: unable to verify the first certificate', 'grpc'],
    ['2025/03/01 10:00:00 [crit] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream', 'nginx'],
    ["Error: certificate has expired code: 'CERT_HAS_EXPIRED'", 'node'],
    ['curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A000418:SSL routines::tlsv1 alert unknown ca, errno 0', 'curl'],
    ['Get "https://nginx.default.svc": x509: certificate signed by unknown authority', 'go'],
    ['rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: x509: certificate signed by unknown authority"', 'grpc'],
  ])('%s → %s', (text, expected) => {
    expect(component(text)).toBe(expected);
  });

  it('keeps Envoy for access-log lines and the 503 body, whatever else they contain', () => {
    expect(component('[2025-03-01T10:00:00.000Z] "POST /api.v1.Orders/Get HTTP/2" 503 UF upstream_reset_before_response_started{connection_failure,TLS_error:|268436504:SSL_routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA:TLS_error_end} - "-" 0 91 12 - "-" "grpc-go/1.60.0" "7c1e" "orders:8080" "10.1.0.9:8080" outbound|8080||orders.default.svc.cluster.local - - - - -', 'alert-unknown-ca')).toBe('envoy');
    expect(component('rpc error: code = Unavailable desc = upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end', 'certificate-verify-failed')).toBe('envoy');
  });
});

describe('decode: many errors, languages, nothing recognised', () => {
  it('finds every recognised error in a multi-line excerpt, in order, with line numbers', () => {
    const text = [
      'starting',
      'curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure',
      'nothing here',
      'Caused by: javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?',
      '\tat sun.security.ssl.SSLSocketInputRecord.handleUnknownRecord(SSLSocketInputRecord.java:451)',
    ].join('\n');
    const r = decode(text, catalog);
    expect(r.matches.map((m) => [m.line, m.id])).toEqual([
      [2, 'alert-handshake-failure'],
      [2, 'curl-35-ssl-connect-error'],
      [4, 'java-unrecognized-ssl-message'],
    ]);
    expect(r.matches[2]?.at).toBe(text.indexOf('Unrecognized SSL message'));
  });

  it('localises titles and explanations', () => {
    const ko = decode('no healthy upstream', catalog, { lang: 'ko' }).matches[0];
    const en = decode('no healthy upstream', catalog, { lang: 'en' }).matches[0];
    expect(ko?.title).toMatch(/정상 업스트림 없음/);
    expect(en?.title).toMatch(/No healthy upstream/);
    expect(ko?.causes[0]?.text).not.toBe(en?.causes[0]?.text);
  });

  it('returns nearest candidates when nothing is recognised, and nothing for noise', () => {
    const r = decode('handshake went wrong: peer said something about a certificate authority it does not know', catalog, { lang: 'en' });
    expect(r.matches).toEqual([]);
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(decode('hello world', catalog).candidates).toEqual([]);
    expect(decode('', catalog).matches).toEqual([]);
  });

  it('finds candidates through typos and truncated identifiers', () => {
    const first = (text: string) => decode(text, catalog, { lang: 'en' }).candidates[0]?.id;
    expect(decode('cerificate verfy faild', catalog).matches).toEqual([]);
    expect(first('cerificate verfy faild')).toBe('certificate-verify-failed');
    expect(first('TLSV1_ALERT_UNKOWN_CA')).toBe('alert-unknown-ca');
    expect(first('wrong verson number')).toBe('wrong-version-number');
    expect(first('no helthy upstream')).toBe('no-healthy-upstream');
    expect(first('x509: certficate signed by unkown authority')).toBe('go-x509-unknown-authority');
    expect(decode('hello world', catalog).candidates).toEqual([]);
    expect(decode('job 4711 done for user4711 in 12 ms', catalog).candidates).toEqual([]);
  });

  it('keeps unknown numbers as decoded parts without inventing an entry', () => {
    const r = decode('TLS_error:|268435747:SSL routines:OPENSSL_internal:NO_SUPPORTED_PSK_MODE_X', catalog, { lang: 'en' });
    expect(r.matches).toEqual([]);
    expect(r.unattached[0]?.values).toMatchObject({ lib: 16, reason: 291, reasonName: 'APPLICATION_DATA_ON_SHUTDOWN' });
  });
});

describe('decode: real tool output replayed', () => {
  const observed = JSON.parse(readFileSync(new URL('./fixtures/observed-tools.json', import.meta.url), 'utf8')) as { id: string; text: string }[];
  it.each(observed.map((o) => [o.id, o.text]))('%s', (id, text) => {
    expect(ids(text)).toContain(id);
  });
});

describe('engine purity and bench entry point', () => {
  it('engine files import nothing from node:* and touch no DOM', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = new URL('./', import.meta.url);
    const engine = readdirSync(dir).filter((f) => f.endsWith('.ts') && !/\.(test|node)\.ts$/.test(f) && f !== 'bench.ts');
    expect(engine).toContain('decode.ts');
    for (const f of engine) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      expect(src, f).not.toMatch(/from ['"]node:|require\(|\bdocument\.|\bwindow\./);
    }
  });

  it('bench decodes the requested number of lines', async () => {
    const { benchDecoder } = await import('./bench.ts');
    const r = await benchDecoder(catalog, 80);
    expect(r.lines).toBe(80);
    // Most lines of the real-text table are one error each; some are a tool's context lines.
    expect(r.matches).toBeGreaterThan(40);
    expect(r.realTexts.rows).toBeGreaterThanOrEqual(250);
    expect(r.realTexts.right).toBeGreaterThanOrEqual(95);
  });
});
