// What each stack prints for one failure, and the error-catalog entry that explains it.
// OpenSSL: X509_V_ERR_* number and X509_verify_cert_error_string text of OpenSSL 3.0 (checked
// against the openssl 3.0 here by the corpus test). BoringSSL/Envoy: Envoy reports every chain
// failure as CERTIFICATE_VERIFY_FAILED (reason 125, 268435581) with the detail it builds in
// source/common/tls/utility.cc getX509VerificationErrorInfo ("X509_verify_cert: certificate
// verification error at depth N: <text>"); BoringSSL keeps the pre-3.0 OpenSSL wording
// ("self signed certificate"). Go: crypto/x509 verify.go error strings (Go 1.17 and later).
import { say, type Text } from './text.ts';
import type { Lang } from './types.ts';

export type FailureKind =
  | 'unable-to-get-issuer-locally' | 'unable-to-get-issuer' | 'depth-zero-self-signed' | 'self-signed-in-chain'
  | 'invalid-ca' | 'path-length' | 'purpose' | 'ee-key-too-small' | 'ca-key-too-small' | 'ca-md-too-weak'
  | 'hostname' | 'ip' | 'signature' | 'not-yet-valid' | 'expired' | 'key-mismatch';

export interface Params {
  depth: number;
  host?: string;
  names?: string;
  time?: string;
  bound?: string;
  subject?: string;
  alg?: string;
  bits?: number;
  purpose?: string;
}

interface Entry {
  /** X509_V_ERR_* number (0 for key-mismatch, which is not a verify error). */
  code: number;
  openssl: string;
  boringssl: string;
  go: (p: Params) => string;
  /** Catalog id (src/data/errors/<id>.yaml). */
  catalog: string;
  explain: Text;
}

const envoy = (text: string) => (p: Params) =>
  `CERTIFICATE_VERIFY_FAILED: verify cert failed: X509_verify_cert: certificate verification error at depth ${p.depth}: ${text}`;

export const FAILURES: Record<FailureKind, Entry> = {
  'unable-to-get-issuer-locally': {
    code: 20, openssl: 'unable to get local issuer certificate', boringssl: 'unable to get local issuer certificate',
    go: () => 'x509: certificate signed by unknown authority', catalog: 'unable-to-get-issuer',
    explain: { ko: '깊이 {depth}의 인증서를 발급한 CA가 입력에도 신뢰 번들에도 없다. 중간 인증서가 빠졌거나 검증하는 쪽이 다른 루트를 신뢰한다.', en: 'The CA that issued the certificate at depth {depth} is neither in the input nor in the trust bundle: an intermediate is missing, or the verifier trusts a different root.' },
  },
  'unable-to-get-issuer': {
    code: 2, openssl: 'unable to get issuer certificate', boringssl: 'unable to get issuer certificate',
    go: () => 'x509: certificate signed by unknown authority', catalog: 'unable-to-get-issuer',
    explain: { ko: '신뢰 번들에 있는 깊이 {depth}의 인증서는 루트가 아니고, 그 발급자는 어디에도 없다. 부분 체인을 허용하지 않는 스택은 루트까지 가야 한다.', en: 'The certificate at depth {depth} is in the trust bundle but is not a root, and its issuer is nowhere: stacks that do not accept partial chains need the path to reach a root.' },
  },
  'depth-zero-self-signed': {
    code: 18, openssl: 'self-signed certificate', boringssl: 'self signed certificate',
    go: () => 'x509: certificate signed by unknown authority', catalog: 'self-signed-certificate',
    explain: { ko: '리프가 자체 서명 인증서인데 신뢰 번들에 없다.', en: 'The leaf is self-signed and not in the trust bundle.' },
  },
  'self-signed-in-chain': {
    code: 19, openssl: 'self-signed certificate in certificate chain', boringssl: 'self signed certificate in certificate chain',
    go: () => 'x509: certificate signed by unknown authority', catalog: 'self-signed-cert-in-chain',
    explain: { ko: '체인이 루트 `{subject}`까지 이어지지만 신뢰 번들에는 그 루트가 없다.', en: 'The chain reaches a root ({subject}) that the trust bundle does not hold.' },
  },
  'invalid-ca': {
    // 79 in OpenSSL 3.0 (X509_V_ERR_INVALID_CA was 24 in 1.1.1 and still is in BoringSSL).
    code: 79, openssl: 'invalid CA certificate', boringssl: 'invalid CA certificate',
    go: (p) => `x509: certificate signed by unknown authority (possibly because of "x509: invalid signature: parent certificate cannot sign this kind of certificate" while trying to verify candidate authority certificate "${p.subject ?? ''}")`,
    catalog: 'invalid-ca',
    explain: { ko: '깊이 {depth}의 인증서(`{subject}`)가 다른 인증서를 발급했지만 이 인증서는 CA가 아니다(basicConstraints CA:TRUE가 없거나 keyUsage에 keyCertSign이 없다).', en: 'The certificate at depth {depth} ({subject}) issued another one but is not a CA (no basicConstraints CA:TRUE, or keyUsage without keyCertSign).' },
  },
  'path-length': {
    code: 25, openssl: 'path length constraint exceeded', boringssl: 'path length constraint exceeded',
    go: () => 'x509: too many intermediates for path length constraint', catalog: 'path-length-exceeded',
    explain: { ko: '깊이 {depth}의 CA는 pathLen 제약으로 그 아래 중간 CA 수를 제한하는데, 체인에는 그보다 많은 중간 CA가 있다.', en: 'The CA at depth {depth} limits the intermediates below it with pathLen, and the chain has more.' },
  },
  'purpose': {
    code: 26, openssl: 'unsupported certificate purpose', boringssl: 'unsupported certificate purpose',
    go: () => 'x509: certificate specifies an incompatible key usage', catalog: 'unsupported-purpose',
    explain: { ko: '깊이 {depth}의 인증서의 extendedKeyUsage(또는 keyUsage)가 {purpose} 용도를 허락하지 않는다.', en: 'The extendedKeyUsage (or keyUsage) of the certificate at depth {depth} does not allow use as a {purpose} certificate.' },
  },
  'ee-key-too-small': {
    code: 66, openssl: 'EE certificate key too weak', boringssl: '(BoringSSL does not check key size in verification)',
    go: (p) => `crypto/rsa: ${p.bits ?? ''}-bit keys are insecure (Go 1.24+ rejects RSA keys under 1024 bits)`, catalog: 'key-too-small',
    explain: { ko: '리프의 키({alg})가 너무 약하다. OpenSSL은 보안 수준 1(기본값)에서 1024비트 미만 RSA를, 수준 2에서 2048비트 미만 RSA를 거절한다.', en: 'The leaf key ({alg}) is too weak. OpenSSL refuses RSA under 1024 bits at security level 1 (the default) and under 2048 bits at level 2.' },
  },
  'ca-key-too-small': {
    code: 67, openssl: 'CA certificate key too weak', boringssl: '(BoringSSL does not check key size in verification)',
    go: (p) => `crypto/rsa: ${p.bits ?? ''}-bit keys are insecure (Go 1.24+ rejects RSA keys under 1024 bits)`, catalog: 'key-too-small',
    explain: { ko: '깊이 {depth}의 CA 키({alg})가 너무 약하다.', en: 'The CA key at depth {depth} ({alg}) is too weak.' },
  },
  'ca-md-too-weak': {
    code: 68, openssl: 'CA signature digest algorithm too weak', boringssl: '(BoringSSL still accepts SHA-1 certificate signatures)',
    go: (p) => `x509: certificate signed by unknown authority (possibly because of "x509: cannot verify signature: insecure algorithm ${p.alg ?? 'SHA1-RSA'}" while trying to verify candidate authority certificate "${p.subject ?? ''}")`,
    catalog: 'ca-md-too-weak',
    explain: { ko: '깊이 {depth}의 인증서가 {alg}로 서명됐다. OpenSSL 3은 보안 수준 1부터 SHA-1 서명을 거절하고 Go는 1.18부터 거절한다.', en: 'The certificate at depth {depth} is signed with {alg}. OpenSSL 3 refuses SHA-1 signatures from security level 1, Go since 1.18.' },
  },
  'hostname': {
    code: 62, openssl: 'hostname mismatch', boringssl: 'Hostname mismatch',
    go: (p) => (p.names ? `x509: certificate is valid for ${p.names}, not ${p.host}` : `x509: certificate is not valid for any names, but wanted to match ${p.host}`),
    catalog: 'hostname-mismatch',
    explain: { ko: '접속한 이름(`{host}`)이 리프의 DNS SAN 어느 것과도 맞지 않는다(DNS SAN: {names}).', en: 'The name dialled, `{host}`, matches none of the leaf\'s DNS SANs ({names}).' },
  },
  'ip': {
    code: 64, openssl: 'IP address mismatch', boringssl: 'IP address mismatch',
    go: (p) => (p.names ? `x509: certificate is valid for ${p.names}, not ${p.host}` : `x509: cannot validate certificate for ${p.host} because it doesn't contain any IP SANs`),
    catalog: 'hostname-mismatch',
    explain: { ko: 'IP 주소(`{host}`)로 접속했는데 리프의 IP SAN에 그 주소가 없다(IP SAN: {names}). IP는 DNS SAN이나 CN과 비교하지 않는다.', en: 'The client dialled the IP address `{host}`, which is not among the leaf\'s IP SANs ({names}). An IP is never compared with DNS SANs or the CN.' },
  },
  'signature': {
    code: 7, openssl: 'certificate signature failure', boringssl: 'certificate signature failure',
    go: (p) => `x509: certificate signed by unknown authority (possibly because of "crypto/ecdsa: verification error" while trying to verify candidate authority certificate "${p.subject ?? ''}")`,
    catalog: 'cert-signature-failure',
    explain: { ko: '깊이 {depth}의 인증서 서명이 발급자 키로 검증되지 않는다. 이름은 같지만 키가 다른 CA(교체 전후의 CA)일 때 흔하다.', en: 'The signature of the certificate at depth {depth} does not verify with its issuer\'s key: common when two CAs share a name but not a key (before and after a rotation).' },
  },
  'not-yet-valid': {
    code: 9, openssl: 'certificate is not yet valid', boringssl: 'certificate is not yet valid',
    go: (p) => `x509: certificate has expired or is not yet valid: current time ${p.time} is before ${p.bound}`, catalog: 'cert-not-yet-valid',
    explain: { ko: '깊이 {depth}의 인증서는 {bound}부터 유효하다(검사 시각 {time}).', en: 'The certificate at depth {depth} is valid only from {bound} (checked at {time}).' },
  },
  'expired': {
    code: 10, openssl: 'certificate has expired', boringssl: 'certificate has expired',
    go: (p) => `x509: certificate has expired or is not yet valid: current time ${p.time} is after ${p.bound}`, catalog: 'cert-expired',
    explain: { ko: '깊이 {depth}의 인증서가 {bound}에 만료됐다(검사 시각 {time}).', en: 'The certificate at depth {depth} expired at {bound} (checked at {time}).' },
  },
  'key-mismatch': {
    code: 0, openssl: 'error:05800074:x509 certificate routines::key values mismatch', boringssl: 'KEY_VALUES_MISMATCH',
    go: () => 'tls: private key does not match public key', catalog: 'key-values-mismatch',
    explain: { ko: '개인 키(`{subject}`)의 공개 부분이 리프 인증서의 공개 키와 다르다. 서버는 이 쌍으로 시작하지 못한다.', en: 'The public part of the private key ({subject}) differs from the leaf certificate\'s public key: a server refuses to start with this pair.' },
  },
};

export interface StackMessages { openssl: string; boringssl: string; go: string }

export function stackMessages(kind: FailureKind, p: Params): StackMessages {
  const e = FAILURES[kind];
  if (kind === 'key-mismatch') return { openssl: e.openssl, boringssl: e.boringssl, go: e.go(p) };
  const envoyText = e.boringssl.startsWith('(') ? e.boringssl : envoy(e.boringssl)(p);
  return { openssl: `error ${e.code} at ${p.depth} depth lookup: ${e.openssl}`, boringssl: envoyText, go: e.go(p) };
}

export function explain(kind: FailureKind, p: Params, lang: Lang): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) values[k] = v as string | number;
  if (values.purpose) values.purpose = lang === 'ko' ? (values.purpose === 'server' ? '서버' : '클라이언트') : String(values.purpose);
  if (values.names === undefined) values.names = lang === 'ko' ? '없음' : 'none';
  return say(lang, FAILURES[kind].explain, values);
}
