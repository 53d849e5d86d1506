// Example inputs for the decoder, each with the catalog entry it must be recognised as (checked by
// presets.test.ts). The access-log lines follow Istio's default text format; the curl, openssl and nginx
// lines were printed by curl 7.88.1, OpenSSL 3.0.19 and nginx 1.22.1 against servers on 127.0.0.1
// (the curl exit 6 line for a name no DNS has).
export interface DecoderPreset {
  id: string;
  label: { ko: string; en: string };
  text: string;
  expect: string;
}

const ISTIO_LINE = (code: string, flags: string, details: string, reason: string, authority: string, cluster: string, sni: string) =>
  `[2025-10-13T08:41:07.512Z] "GET /v1/orders HTTP/1.1" ${code} ${flags} ${details} - "${reason}" 0 91 27 - "-" "curl/8.5.0" ` +
  `"8c5e0c7a-1f2b-4c44-9a8e-3f5d0b2e7c11" "${authority}" "10.244.1.17:443" ${cluster} - 10.96.12.4:443 10.244.2.9:51234 ${sni} -`;

export const DECODER_PRESETS: DecoderPreset[] = [
  {
    id: 'envoy-verify-failed',
    label: { ko: 'Envoy 액세스 로그: 업스트림 인증서 검증 실패', en: 'Envoy access log: upstream certificate verification failed' },
    text: ISTIO_LINE('503', 'UF,URX', 'upstream_reset_before_response_started{connection_failure,TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end}',
      'TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end', 'api.northwind.example',
      'outbound|443||api.northwind.example', 'api.northwind.example'),
    expect: 'certificate-verify-failed',
  },
  {
    id: 'envoy-503-body-expired',
    label: { ko: 'Envoy 503 응답 본문: 상대가 보낸 인증서 만료 경고', en: 'Envoy 503 body: peer sent certificate-expired alert' },
    text: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268436501:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED:TLS_error_end',
    expect: 'alert-certificate-expired',
  },
  {
    id: 'sds-not-supplied',
    label: { ko: '이그레스 게이트웨이: SDS 시크릿 없음', en: 'Egress gateway: secret not supplied by SDS' },
    text: ISTIO_LINE('503', 'UF', 'upstream_reset_before_response_started{connection_failure,TLS_error:_Secret_is_not_supplied_by_SDS}',
      'TLS_error:_Secret_is_not_supplied_by_SDS', 'api.northwind.example',
      'outbound|443||api.northwind.example', '-'),
    expect: 'sds-secret-not-supplied',
  },
  {
    id: 'gateway-rbac-denied',
    label: { ko: '이그레스 게이트웨이: 인가 정책에 따른 거부(403)', en: 'Egress gateway: denied by an authorization policy (403)' },
    // Envoy's RBAC filter answers 403 itself (body "RBAC: access denied", 19 bytes): no upstream.
    text: '[2025-10-13T08:41:07.512Z] "GET /v1/orders HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-" 0 19 0 - "-" "curl/8.5.0" ' +
      '"8c5e0c7a-1f2b-4c44-9a8e-3f5d0b2e7c11" "api.northwind.example" "-" - - 10.244.1.17:8080 10.244.2.9:51234 - -',
    expect: 'rbac-access-denied',
  },
  {
    id: 'curl-could-not-resolve',
    label: { ko: 'curl: 호스트 이름을 풀 수 없음', en: 'curl: could not resolve host' },
    text: 'curl: (6) Could not resolve host: api.northwind.example',
    expect: 'could-not-resolve-host',
  },
  {
    id: 'curl-wrong-version',
    label: { ko: 'curl: 평문 포트에 TLS(wrong version number)', en: 'curl: TLS to a plaintext port (wrong version number)' },
    text: 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number',
    expect: 'wrong-version-number',
  },
  {
    id: 'openssl-self-signed',
    label: { ko: 'openssl s_client: 자체 서명 인증서', en: 'openssl s_client: self-signed certificate' },
    text: [
      'depth=0 CN = localhost',
      'verify error:num=18:self-signed certificate',
      '4057E482397F0000:error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:../ssl/statem/statem_clnt.c:1889:',
    ].join('\n'),
    expect: 'self-signed-certificate',
  },
  {
    id: 'nginx-no-client-cert',
    label: { ko: 'nginx: 클라이언트 인증서를 보내지 않음', en: 'nginx: no client certificate sent' },
    text: '<html>\n<head><title>400 No required SSL certificate was sent</title></head>\n<body>\n<center><h1>400 Bad Request</h1></center>\n<center>No required SSL certificate was sent</center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>',
    expect: 'nginx-no-required-ssl-certificate',
  },
];
