// Numbers the decoder understands: packed library error codes, TLS alerts, X.509 verify codes,
// curl exit codes, Envoy response flags. Every table is data; the functions only unpack numbers.
import { BORINGSSL_SSL_REASONS_SRC, OPENSSL_SSL_REASONS_SRC, X509_VERIFY_LEGACY_SRC, X509_VERIFY_SRC } from './reason-tables.ts';

export type Lang = 'ko' | 'en';
export type Text = { ko: string; en: string };

function table(src: string): ReadonlyMap<number, string> {
  const map = new Map<number, string>();
  for (const line of src.split('\n')) {
    const [num, name] = line.trim().split(' ');
    if (num && name) map.set(Number(num), name);
  }
  return map;
}

export const BORINGSSL_SSL_REASONS = table(BORINGSSL_SSL_REASONS_SRC);
export const OPENSSL_SSL_REASONS = table(OPENSSL_SSL_REASONS_SRC);

/** X509 library reasons the decoder names (the same numbers in BoringSSL and OpenSSL). */
const X509_REASONS: ReadonlyMap<number, string> = new Map([
  [115, 'KEY_TYPE_MISMATCH'],
  [116, 'KEY_VALUES_MISMATCH'],
]);

/** Error libraries: BoringSSL numbers them in enum order (err.h), OpenSSL has its own list. */
const BORINGSSL_LIBS: ReadonlyMap<number, string> = new Map([
  [2, 'system library'], [6, 'EVP'], [9, 'PEM'], [11, 'X.509'], [12, 'ASN.1'], [16, 'SSL'],
]);
const OPENSSL_LIBS: ReadonlyMap<number, string> = new Map([
  [2, 'system library'], [6, 'EVP'], [9, 'PEM'], [11, 'X.509'], [13, 'ASN.1'], [20, 'SSL'],
]);

/** errno values (Linux) that show up as "system library" reasons. */
const ERRNO: ReadonlyMap<number, string> = new Map([
  [2, 'ENOENT'], [13, 'EACCES'], [32, 'EPIPE'], [104, 'ECONNRESET'], [110, 'ETIMEDOUT'],
  [111, 'ECONNREFUSED'], [113, 'EHOSTUNREACH'],
]);

/** OpenSSL 3 sets bit 31 (ERR_SYSTEM_FLAG) on errors that carry an errno: the other 31 bits are
 * the errno itself, the library is "system library" (2). `error:80000068:…` is errno 104. */
const OPENSSL3_SYSTEM_FLAG = 0x80000000;

export type Flavor = 'boringssl' | 'openssl3' | 'openssl1';

export interface PackedCode {
  flavor: Flavor;
  code: number;
  lib: number;
  libName?: string;
  func?: number;
  reason: number;
  /** Reason name as the library spells it (CERTIFICATE_VERIFY_FAILED, ECONNRESET …). */
  reasonName?: string;
  /** For reasons 1000 + N: the alert N that the peer sent. */
  alert?: number;
  /** OpenSSL 3 system error (bit 31 set): `reason` is an errno. */
  system?: boolean;
}

function nameReason(flavor: Flavor, lib: number, reason: number): string | undefined {
  const ssl = flavor === 'boringssl' ? 16 : 20;
  if (lib === ssl) return (flavor === 'boringssl' ? BORINGSSL_SSL_REASONS : OPENSSL_SSL_REASONS).get(reason);
  if (lib === 11) return X509_REASONS.get(reason);
  if (lib === 2) return ERRNO.get(reason);
  return undefined;
}

/** Unpacks a packed error code. BoringSSL: lib<<24 | reason (12 bits). OpenSSL 3: lib<<23 |
 * reason (23 bits). OpenSSL 1.x: lib<<24 | func<<12 | reason. */
export function unpack(code: number, flavor: Flavor): PackedCode {
  let lib: number, reason: number, func: number | undefined;
  if (flavor === 'openssl3' && (code & OPENSSL3_SYSTEM_FLAG) !== 0) {
    const out: PackedCode = { flavor, code, lib: 2, libName: 'system library', reason: code & 0x7fffffff, system: true };
    const reasonName = ERRNO.get(out.reason);
    if (reasonName) out.reasonName = reasonName;
    return out;
  }
  if (flavor === 'openssl3') {
    lib = (code >>> 23) & 0xff;
    reason = code & 0x7fffff;
  } else {
    lib = (code >>> 24) & 0xff;
    reason = code & 0xfff;
    if (flavor === 'openssl1') func = (code >>> 12) & 0xfff;
  }
  const libName = (flavor === 'boringssl' ? BORINGSSL_LIBS : OPENSSL_LIBS).get(lib);
  const sslLib = flavor === 'boringssl' ? 16 : 20;
  const out: PackedCode = { flavor, code, lib, reason };
  if (libName) out.libName = libName;
  if (func !== undefined) out.func = func;
  const reasonName = nameReason(flavor, lib, reason);
  if (reasonName) out.reasonName = reasonName;
  if (lib === sslLib && reason >= 1000 && reason < 1256) out.alert = reason - 1000;
  return out;
}

/** OpenSSL prints 8 hex digits; 3.x has no function code, so bits 12–22 are zero there (and a
 * set bit 31 is 3.x's system-error flag; the libraries 1.x uses are numbered below 128). */
export function guessOpenSslFlavor(code: number): Flavor {
  if ((code & OPENSSL3_SYSTEM_FLAG) !== 0) return 'openssl3';
  return ((code >>> 12) & 0x7ff) === 0 ? 'openssl3' : 'openssl1';
}

/** TLS alert descriptions (RFC 8446 §6, RFC 5246 §7.2) with the reason name libraries use. */
export const ALERTS: ReadonlyMap<number, { name: string; reason: string }> = new Map(
  [
    [0, 'close_notify'], [10, 'unexpected_message'], [20, 'bad_record_mac'],
    [21, 'decryption_failed'], [22, 'record_overflow'], [30, 'decompression_failure'],
    [40, 'handshake_failure'], [41, 'no_certificate'], [42, 'bad_certificate'],
    [43, 'unsupported_certificate'], [44, 'certificate_revoked'], [45, 'certificate_expired'],
    [46, 'certificate_unknown'], [47, 'illegal_parameter'], [48, 'unknown_ca'],
    [49, 'access_denied'], [50, 'decode_error'], [51, 'decrypt_error'],
    [60, 'export_restriction'], [70, 'protocol_version'], [71, 'insufficient_security'],
    [80, 'internal_error'], [86, 'inappropriate_fallback'], [90, 'user_canceled'],
    [100, 'no_renegotiation'], [109, 'missing_extension'], [110, 'unsupported_extension'],
    [111, 'certificate_unobtainable'], [112, 'unrecognized_name'],
    [113, 'bad_certificate_status_response'], [114, 'bad_certificate_hash_value'],
    [115, 'unknown_psk_identity'], [116, 'certificate_required'],
    [120, 'no_application_protocol'], [121, 'ech_required'],
  ].map(([n, name]) => [
    n as number,
    { name: name as string, reason: BORINGSSL_SSL_REASONS.get(1000 + (n as number)) ?? `ALERT_${n}` },
  ]),
);

export interface X509Verify {
  /** X509_V_ERR_* */
  name: string;
  /** What X509_verify_cert_error_string prints. */
  text: string;
}

function verifyTable(src: string): ReadonlyMap<number, X509Verify> {
  const map = new Map<number, X509Verify>();
  for (const line of src.split('\n')) {
    const m = /^(\d+) (\w+) (.+)$/.exec(line.trim());
    if (m) map.set(Number(m[1]), { name: `X509_V_ERR_${m[2]}`, text: m[3]! });
  }
  return map;
}

/** X.509 verify results as OpenSSL 3 numbers and prints them (x509_vfy.h, x509_txt.c). */
export const X509_VERIFY = verifyTable(X509_VERIFY_SRC);
/** The numbers and texts where OpenSSL 1.1 (and, for 24, BoringSSL) differ from OpenSSL 3. */
export const X509_VERIFY_LEGACY = verifyTable(X509_VERIFY_LEGACY_SRC);

const sameText = (a: string, b: string) => a.toLowerCase().replace(/-/g, ' ') === b.toLowerCase().replace(/-/g, ' ');

/** The verify result for a number, using the text printed next to it (if any) to tell OpenSSL 3
 * from OpenSSL 1.1/BoringSSL where they disagree (24 is NO_ISSUER_PUBLIC_KEY in 3.x, INVALID_CA
 * before). Without a text, the OpenSSL 3 meaning, and `legacy` carries the other one. */
export function x509Verify(code: number, printed?: string): (X509Verify & { legacy?: X509Verify }) | undefined {
  const v3 = X509_VERIFY.get(code);
  const old = X509_VERIFY_LEGACY.get(code);
  const text = printed?.trim();
  if (old && text && sameText(text, old.text) && !(v3 && sameText(text, v3.text))) return old;
  if (v3 && old && old.name !== v3.name && !text) return { ...v3, legacy: old };
  return v3 ?? old;
}

/** curl exit codes that concern TLS (curl(1) "EXIT CODES"), and the connection failures that come
 * before it (6, 7), which are often taken for TLS problems. Before curl 7.62, a failed peer
 * verification exited 51; since then 51 is retired and verification failures exit 60. */
export const CURL_EXIT: ReadonlyMap<number, { name: string; text: Text }> = new Map([
  [6, { name: 'CURLE_COULDNT_RESOLVE_HOST', text: { ko: '호스트 이름을 풀 수 없음', en: "couldn't resolve host" } }],
  [7, { name: 'CURLE_COULDNT_CONNECT', text: { ko: 'TCP 연결 실패', en: 'failed to connect (TCP)' } }],
  [28, { name: 'CURLE_OPERATION_TIMEDOUT', text: { ko: '타임아웃', en: 'operation timed out' } }],
  [35, { name: 'CURLE_SSL_CONNECT_ERROR', text: { ko: 'TLS 핸드셰이크 실패', en: 'TLS handshake failed' } }],
  [51, { name: 'CURLE_PEER_FAILED_VERIFICATION', text: { ko: '피어 인증서 검증 실패(curl 7.62 이전)', en: 'peer verification failed (curl before 7.62)' } }],
  [52, { name: 'CURLE_GOT_NOTHING', text: { ko: '서버가 아무것도 보내지 않음', en: 'server sent nothing' } }],
  [56, { name: 'CURLE_RECV_ERROR', text: { ko: '데이터 수신 실패', en: 'failure receiving network data' } }],
  [58, { name: 'CURLE_SSL_CERTPROBLEM', text: { ko: '로컬 클라이언트 인증서 문제', en: 'problem with the local client certificate' } }],
  [59, { name: 'CURLE_SSL_CIPHER', text: { ko: '지정한 암호 스위트를 쓸 수 없음', en: 'could not use the specified cipher' } }],
  [60, { name: 'CURLE_PEER_FAILED_VERIFICATION', text: { ko: '피어 인증서 검증 실패', en: 'peer certificate could not be verified' } }],
  [77, { name: 'CURLE_SSL_CACERT_BADFILE', text: { ko: 'CA 인증서 파일을 읽을 수 없음', en: 'problem reading the CA certificate file' } }],
  [83, { name: 'CURLE_SSL_ISSUER_ERROR', text: { ko: '발급자 확인 실패', en: 'issuer check failed' } }],
  [90, { name: 'CURLE_SSL_PINNEDPUBKEYNOTMATCH', text: { ko: '고정한 공개 키와 다름', en: 'public key does not match the pinned key' } }],
]);

/** Envoy %RESPONSE_FLAGS% (short form), from Envoy's access-log documentation. */
export const RESPONSE_FLAGS: ReadonlyMap<string, { long: string; text: Text }> = new Map(
  (
    [
      ['UH', 'NoHealthyUpstream', '업스트림 클러스터에 정상(healthy) 호스트가 없다(503)', 'no healthy host in the upstream cluster (503)'],
      ['UF', 'UpstreamConnectionFailure', '업스트림 연결 실패. TCP 연결이나 TLS 핸드셰이크가 실패했다(503)', 'upstream connection failure: the TCP connect or the TLS handshake failed (503)'],
      ['UO', 'UpstreamOverflow', '업스트림 오버플로. 서킷 브레이커 한도에 걸렸다(503)', 'upstream overflow: a circuit-breaker limit was hit (503)'],
      ['NR', 'NoRouteFound', '맞는 라우트가 없다(404), 또는 다운스트림 연결에 맞는 필터 체인이 없다', 'no route matched (404), or no filter chain matched the downstream connection'],
      ['URX', 'UpstreamRetryLimitExceeded', '재시도 한도(HTTP) 또는 최대 연결 시도 횟수(TCP)에 도달했다', 'the retry limit (HTTP) or the maximum connect attempts (TCP) were reached'],
      ['NC', 'NoClusterFound', '업스트림 클러스터를 찾지 못했다', 'upstream cluster not found'],
      ['DT', 'DurationTimeout', '최대 연결/요청 지속 시간을 넘었다', 'max connection or request duration exceeded'],
      ['DC', 'DownstreamConnectionTermination', '다운스트림(클라이언트)이 연결을 끊었다', 'the downstream (client) connection was terminated'],
      ['LH', 'FailedLocalHealthCheck', '로컬 서비스가 헬스 체크에 실패했다(503)', 'the local service failed its health check (503)'],
      ['UT', 'UpstreamRequestTimeout', '업스트림 요청 타임아웃(504)', 'upstream request timeout (504)'],
      ['LR', 'LocalReset', 'Envoy가 연결을 로컬에서 리셋했다(503)', 'the connection was reset locally by Envoy (503)'],
      ['UR', 'UpstreamRemoteReset', '업스트림이 연결을 리셋했다(503)', 'the upstream reset the connection (503)'],
      ['UC', 'UpstreamConnectionTermination', '업스트림 연결이 끊겼다(503)', 'the upstream connection was terminated (503)'],
      ['DI', 'DelayInjected', '장애 주입으로 지연됐다', 'delayed by fault injection'],
      ['FI', 'FaultInjected', '장애 주입으로 중단됐다', 'aborted by fault injection'],
      ['RL', 'RateLimited', '로컬 속도 제한에 걸렸다(429)', 'rate limited locally (429)'],
      ['UAEX', 'UnauthorizedExternalService', '외부 인가 서비스가 거부했다', 'denied by the external authorization service'],
      ['RLSE', 'RateLimitServiceError', '속도 제한 서비스 오류로 거부됐다', 'rejected because of a rate-limit service error'],
      ['IH', 'InvalidEnvoyRequestHeaders', '엄격히 검사하는 헤더 값이 잘못됐다(400)', 'an invalid value in a strictly checked header (400)'],
      ['SI', 'StreamIdleTimeout', '스트림 유휴 타임아웃(408 또는 504)', 'stream idle timeout (408 or 504)'],
      ['DPE', 'DownstreamProtocolError', '다운스트림 요청에 HTTP 프로토콜 오류가 있다', 'HTTP protocol error in the downstream request'],
      ['UPE', 'UpstreamProtocolError', '업스트림 응답에 HTTP 프로토콜 오류가 있다', 'HTTP protocol error in the upstream response'],
      ['UMSDR', 'UpstreamMaxStreamDurationReached', '업스트림 요청이 최대 스트림 지속 시간에 도달했다', 'the upstream request reached its max stream duration'],
      ['OM', 'OverloadManager', '오버로드 매니저가 요청을 끊었다', 'terminated by the overload manager'],
      ['DF', 'DnsResolutionFailed', 'DNS 조회 실패로 끊겼다(동적 포워드 프록시만 쓰는 플래그)', 'terminated because DNS resolution failed (set only by the dynamic forward proxy)'],
      ['DO', 'DropOverLoad', '드롭 오버로드 정책으로 버려졌다', 'dropped by the drop-overload policy'],
    ] as const
  ).map(([flag, long, ko, en]) => [flag, { long, text: { ko, en } }]),
);
