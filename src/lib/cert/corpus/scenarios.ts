// The corpus: certificates (made by pki.ts) and the scenarios checked against openssl.
import { CA_EXT, type CertSpec } from './pki.ts';

const SERVER = ['subjectAltName=DNS:app.example', 'extendedKeyUsage=serverAuth,clientAuth', 'keyUsage=critical,digitalSignature'];
const leafUnder = (issuer: string, extra: Partial<CertSpec> = {}): CertSpec => ({ subj: '/CN=app', issuer, ext: SERVER, ...extra });

/** In creation order: an issuer comes before what it signs. */
export const CERTS: [string, CertSpec][] = [
  ['root', { subj: '/CN=Corpus Root', issuer: 'self', ext: CA_EXT, from: -30, to: 3650 }],
  ['root2', { subj: '/CN=Other Root', issuer: 'self', ext: CA_EXT, from: -30, to: 3650 }],
  ['int', { subj: '/CN=Corpus Int', issuer: 'root', ext: CA_EXT, from: -20, to: 1800 }],
  ['int2', { subj: '/CN=Corpus Int 2', issuer: 'int', ext: CA_EXT, from: -20, to: 1800 }],
  ['leaf', leafUnder('int')],
  ['leaf-rsa', leafUnder('int', { key: 'rsa2048' })],
  ['leaf-ed25519', leafUnder('int', { key: 'ed25519' })],
  ['leaf-deep', leafUnder('int2')],
  ['leaf-other', leafUnder('root2')],
  ['leaf-wild', leafUnder('int', { ext: ['subjectAltName=DNS:*.svc.example', 'extendedKeyUsage=serverAuth'] })],
  ['leaf-partial', leafUnder('int', { ext: ['subjectAltName=DNS:f*.svc.example', 'extendedKeyUsage=serverAuth'] })],
  ['leaf-ip', leafUnder('int', { ext: ['subjectAltName=IP:127.0.0.1,IP:::1', 'extendedKeyUsage=serverAuth'] })],
  ['leaf-ip-as-dns', leafUnder('int', { ext: ['subjectAltName=DNS:127.0.0.1', 'extendedKeyUsage=serverAuth'] })],
  ['leaf-cn-only', { subj: '/CN=cn.example', issuer: 'int', ext: ['extendedKeyUsage=serverAuth'] }],
  ['leaf-san-cn', { subj: '/CN=app.example', issuer: 'int', ext: ['subjectAltName=DNS:other.example', 'extendedKeyUsage=serverAuth'] }],
  ['leaf-client-only', leafUnder('int', { ext: ['subjectAltName=DNS:app.example', 'extendedKeyUsage=clientAuth'] })],
  ['leaf-server-only', leafUnder('int', { ext: ['subjectAltName=DNS:app.example', 'extendedKeyUsage=serverAuth'] })],
  ['leaf-no-eku', leafUnder('int', { ext: ['subjectAltName=DNS:app.example'] })],
  ['leaf-ku-certsign', leafUnder('int', { ext: ['subjectAltName=DNS:app.example', 'keyUsage=critical,keyCertSign'] })],
  ['leaf-rsa-ke', leafUnder('int', { key: 'rsa2048', ext: ['subjectAltName=DNS:app.example', 'keyUsage=critical,keyEncipherment'] })],
  ['leaf-expired', leafUnder('int', { from: -30, to: -1 })],
  ['leaf-future', leafUnder('int', { from: 5, to: 100 })],
  ['leaf-sha1', leafUnder('int', { md: 'sha1' })],
  ['leaf-rsa1024', leafUnder('int', { key: 'rsa1024' })],
  ['leaf-rsa512', leafUnder('int', { key: 'rsa512' })],
  ['leaf-spiffe', leafUnder('int', { ext: ['subjectAltName=URI:spiffe://cluster.local/ns/default/sa/web', 'extendedKeyUsage=serverAuth,clientAuth', 'keyUsage=critical,digitalSignature,keyEncipherment'] })],
  ['self-leaf', { subj: '/CN=app.example', issuer: 'self', ext: ['basicConstraints=critical,CA:FALSE', ...SERVER] }],
  ['int-path0', { subj: '/CN=Int Pathlen0', issuer: 'root', ext: ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'] }],
  ['leaf-path0', leafUnder('int-path0')],
  ['sub-path0', { subj: '/CN=Sub Under Pathlen0', issuer: 'int-path0', ext: CA_EXT }],
  ['leaf-sub-path0', leafUnder('sub-path0')],
  ['root-path0', { subj: '/CN=Root Pathlen0', issuer: 'self', ext: ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'], from: -30, to: 3650 }],
  ['int-root-path0', { subj: '/CN=Int Under Root Pathlen0', issuer: 'root-path0', ext: CA_EXT }],
  ['leaf-root-path0', leafUnder('int-root-path0')],
  ['root-path1', { subj: '/CN=Root Pathlen1', issuer: 'self', ext: ['basicConstraints=critical,CA:TRUE,pathlen:1', 'keyUsage=critical,keyCertSign,cRLSign'], from: -30, to: 3650 }],
  ['int-p1', { subj: '/CN=Int P1', issuer: 'root-path1', ext: CA_EXT }],
  ['int-p1b', { subj: '/CN=Int P1b', issuer: 'int-p1', ext: CA_EXT }],
  ['leaf-p1', leafUnder('int-p1')],
  ['leaf-p1b', leafUnder('int-p1b')],
  ['int-not-ca', { subj: '/CN=Int Not CA', issuer: 'root', ext: ['basicConstraints=critical,CA:FALSE'] }],
  ['leaf-not-ca', leafUnder('int-not-ca')],
  ['int-no-bc', { subj: '/CN=Int No BC', issuer: 'root', ext: ['keyUsage=critical,keyCertSign,cRLSign'] }],
  ['leaf-no-bc', leafUnder('int-no-bc')],
  ['int-bare', { subj: '/CN=Int Bare', issuer: 'root', ext: [] }],
  ['leaf-bare', leafUnder('int-bare')],
  ['int-no-certsign', { subj: '/CN=Int No CertSign', issuer: 'root', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature'] }],
  ['leaf-no-certsign', leafUnder('int-no-certsign')],
  ['int-client-eku', { subj: '/CN=Int Client EKU', issuer: 'root', ext: [...CA_EXT, 'extendedKeyUsage=clientAuth'] }],
  ['leaf-client-eku', leafUnder('int-client-eku')],
  ['int-expired', { subj: '/CN=Int Expired', issuer: 'root', ext: CA_EXT, from: -400, to: -10 }],
  ['leaf-int-expired', leafUnder('int-expired')],
  ['int-sha1', { subj: '/CN=Int SHA1', issuer: 'root', ext: CA_EXT, md: 'sha1' }],
  ['leaf-int-sha1', leafUnder('int-sha1')],
  ['root-sha1', { subj: '/CN=Root SHA1', issuer: 'self', ext: CA_EXT, md: 'sha1', from: -30, to: 3650 }],
  ['leaf-root-sha1', leafUnder('root-sha1')],
  ['int-rsa512', { subj: '/CN=Int RSA512', issuer: 'root', key: 'rsa512', ext: CA_EXT }],
  ['leaf-int-rsa512', leafUnder('int-rsa512')],
  ['root-expired', { subj: '/CN=Root Expired', issuer: 'self', ext: CA_EXT, from: -400, to: -5 }],
  ['int-root-expired', { subj: '/CN=Int Under Expired Root', issuer: 'root-expired', ext: CA_EXT, from: -300, to: 300 }],
  ['leaf-root-expired', leafUnder('int-root-expired')],
  ['int-renewed', { subj: '/CN=Corpus Int R', issuer: 'root', ext: CA_EXT, from: -2, to: 700 }],
  ['int-renewed-old', { subj: '/CN=Corpus Int R', issuer: 'root', keyOf: 'int-renewed', ext: CA_EXT, from: -400, to: -3 }],
  ['leaf-renewed', leafUnder('int-renewed')],
  ['int-noid', { subj: '/CN=Int NoId', issuer: 'root', ext: [...CA_EXT, 'subjectKeyIdentifier=none', 'authorityKeyIdentifier=none'] }],
  ['int-noid-imposter', { subj: '/CN=Int NoId', issuer: 'root', ext: [...CA_EXT, 'subjectKeyIdentifier=none', 'authorityKeyIdentifier=none'] }],
  ['leaf-noid', leafUnder('int-noid', { ext: [...SERVER, 'subjectKeyIdentifier=none', 'authorityKeyIdentifier=none'] })],
];

export type Form = 'pem' | 'k8s-secret' | 'istioctl-secret' | 'ztunnel' | 's_client' | 'der-base64' | 'pem-base64';

export interface Scenario {
  id: string;
  /** Certificates in the order the peer sends them. */
  presented: string[];
  /** What the verifier trusts; [] is an empty store. */
  trust: string[];
  /** The server's private key: the leaf's own by default; a name from `strayKeys` for a mismatch. */
  key?: string;
  keyForm?: 'pkcs8' | 'traditional';
  host?: string;
  purpose?: 'server' | 'client';
  /** Inspection time, days from the corpus's reference time. */
  at?: number;
  form?: Form;
}

export const STRAY_KEYS = { 'stray-ec': 'ec', 'stray-rsa': 'rsa2048' } as const;

const chain = (leaf: string, ...rest: string[]) => [leaf, ...rest];

export const SCENARIOS: Scenario[] = [
  // A good chain in every key type and every input form.
  { id: 'ok', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ok-rsa', presented: chain('leaf-rsa', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ok-ed25519', presented: chain('leaf-ed25519', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ok-two-intermediates', presented: chain('leaf-deep', 'int2', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ok-no-host', presented: chain('leaf', 'int'), trust: ['root'] },
  { id: 'ok-k8s-secret', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', form: 'k8s-secret' },
  { id: 'ok-istioctl', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', form: 'istioctl-secret' },
  { id: 'ok-ztunnel', presented: chain('leaf-spiffe', 'int'), trust: ['root'], form: 'ztunnel' },
  { id: 'ok-s_client-transcript', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', form: 's_client' },
  { id: 'ok-pem-base64', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', form: 'pem-base64' },
  { id: 'der-leaf-alone', presented: ['leaf'], trust: ['root'], host: 'app.example', form: 'der-base64' },
  { id: 'ok-key-traditional', presented: chain('leaf-rsa', 'int'), trust: ['root'], host: 'app.example', keyForm: 'traditional' },
  { id: 'ok-key-sec1', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', keyForm: 'traditional' },
  { id: 'ok-intermediate-also-trusted', presented: chain('leaf', 'int'), trust: ['int', 'root'], host: 'app.example' },
  // Host names (RFC 6125 / 9525).
  { id: 'host-mismatch', presented: chain('leaf', 'int'), trust: ['root'], host: 'api.example' },
  { id: 'host-case', presented: chain('leaf', 'int'), trust: ['root'], host: 'APP.Example' },
  { id: 'wildcard-one-label', presented: chain('leaf-wild', 'int'), trust: ['root'], host: 'a.svc.example' },
  { id: 'wildcard-two-labels', presented: chain('leaf-wild', 'int'), trust: ['root'], host: 'a.b.svc.example' },
  { id: 'wildcard-bare-domain', presented: chain('leaf-wild', 'int'), trust: ['root'], host: 'svc.example' },
  { id: 'wildcard-partial', presented: chain('leaf-partial', 'int'), trust: ['root'], host: 'foo.svc.example' },
  { id: 'wildcard-partial-no-match', presented: chain('leaf-partial', 'int'), trust: ['root'], host: 'bar.svc.example' },
  { id: 'ip-san-v4', presented: chain('leaf-ip', 'int'), trust: ['root'], host: '127.0.0.1' },
  { id: 'ip-san-v6', presented: chain('leaf-ip', 'int'), trust: ['root'], host: '::1' },
  { id: 'ip-not-in-san', presented: chain('leaf-ip', 'int'), trust: ['root'], host: '10.9.9.9' },
  { id: 'ip-only-as-dns-san', presented: chain('leaf-ip-as-dns', 'int'), trust: ['root'], host: '127.0.0.1' },
  { id: 'dns-against-ip-sans', presented: chain('leaf-ip', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'cn-only-matching-host', presented: chain('leaf-cn-only', 'int'), trust: ['root'], host: 'cn.example' },
  { id: 'cn-only-other-host', presented: chain('leaf-cn-only', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'cn-ignored-when-san', presented: chain('leaf-san-cn', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'spiffe-with-host', presented: chain('leaf-spiffe', 'int'), trust: ['root'], host: 'web.default.svc' },
  { id: 'spiffe-client', presented: chain('leaf-spiffe', 'int'), trust: ['root'], purpose: 'client' },
  // Trust and chain building.
  { id: 'missing-intermediate', presented: ['leaf'], trust: ['root'], host: 'app.example' },
  { id: 'missing-deep-intermediate', presented: chain('leaf-deep', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'untrusted-root', presented: chain('leaf', 'int'), trust: ['root2'], host: 'app.example' },
  { id: 'root-sent-untrusted', presented: chain('leaf', 'int', 'root'), trust: ['root2'], host: 'app.example' },
  { id: 'root-sent-trusted', presented: chain('leaf', 'int', 'root'), trust: ['root'], host: 'app.example' },
  { id: 'empty-store', presented: chain('leaf', 'int'), trust: [], host: 'app.example' },
  { id: 'empty-store-root-sent', presented: chain('leaf', 'int', 'root'), trust: [], host: 'app.example' },
  { id: 'self-signed-leaf', presented: ['self-leaf'], trust: ['root'], host: 'app.example' },
  { id: 'self-signed-leaf-trusted', presented: ['self-leaf'], trust: ['self-leaf'], host: 'app.example' },
  { id: 'only-intermediate-trusted', presented: chain('leaf', 'int'), trust: ['int'], host: 'app.example' },
  { id: 'leaf-trusted-directly', presented: ['leaf'], trust: ['leaf'], host: 'app.example' },
  { id: 'wrong-order', presented: chain('leaf-deep', 'int', 'int2'), trust: ['root'], host: 'app.example' },
  { id: 'extra-certificate', presented: chain('leaf', 'int', 'leaf-other'), trust: ['root'], host: 'app.example' },
  { id: 'leaf-not-first', presented: ['int', 'leaf'], trust: ['root'], host: 'app.example' },
  { id: 'other-ca-leaf', presented: ['leaf-other'], trust: ['root'], host: 'app.example' },
  { id: 'renewed-intermediate-both-sent', presented: chain('leaf-renewed', 'int-renewed-old', 'int-renewed'), trust: ['root'], host: 'app.example' },
  { id: 'same-name-other-key', presented: chain('leaf-noid', 'int-noid-imposter'), trust: ['root'], host: 'app.example' },
  // Validity and time.
  { id: 'leaf-expired', presented: chain('leaf-expired', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'leaf-not-yet-valid', presented: chain('leaf-future', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'leaf-valid-later', presented: chain('leaf-future', 'int'), trust: ['root'], host: 'app.example', at: 10 },
  { id: 'intermediate-expired', presented: chain('leaf-int-expired', 'int-expired'), trust: ['root'], host: 'app.example' },
  { id: 'root-expired', presented: chain('leaf-root-expired', 'int-root-expired'), trust: ['root-expired'], host: 'app.example' },
  { id: 'at-far-future', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', at: 4000 },
  { id: 'at-before-issuance', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', at: -100 },
  { id: 'at-after-leaf-only', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', at: 400 },
  // Purpose (EKU and key usage).
  { id: 'client-eku-as-server', presented: chain('leaf-client-only', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'server-eku-as-client', presented: chain('leaf-server-only', 'int'), trust: ['root'], purpose: 'client' },
  { id: 'both-ekus-as-client', presented: chain('leaf', 'int'), trust: ['root'], purpose: 'client' },
  { id: 'no-eku-as-server', presented: chain('leaf-no-eku', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'no-eku-as-client', presented: chain('leaf-no-eku', 'int'), trust: ['root'], purpose: 'client' },
  { id: 'intermediate-client-eku', presented: chain('leaf-client-eku', 'int-client-eku'), trust: ['root'], host: 'app.example' },
  { id: 'ku-certsign-only-leaf', presented: chain('leaf-ku-certsign', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ku-keyencipherment-server', presented: chain('leaf-rsa-ke', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'ku-keyencipherment-client', presented: chain('leaf-rsa-ke', 'int'), trust: ['root'], purpose: 'client' },
  // CA flag and path length.
  { id: 'intermediate-not-ca', presented: chain('leaf-not-ca', 'int-not-ca'), trust: ['root'], host: 'app.example' },
  { id: 'intermediate-no-basic-constraints', presented: chain('leaf-no-bc', 'int-no-bc'), trust: ['root'], host: 'app.example' },
  { id: 'intermediate-no-extensions', presented: chain('leaf-bare', 'int-bare'), trust: ['root'], host: 'app.example' },
  { id: 'intermediate-no-keycertsign', presented: chain('leaf-no-certsign', 'int-no-certsign'), trust: ['root'], host: 'app.example' },
  { id: 'pathlen0-direct-leaf', presented: chain('leaf-path0', 'int-path0'), trust: ['root'], host: 'app.example' },
  { id: 'pathlen0-sub-ca', presented: chain('leaf-sub-path0', 'sub-path0', 'int-path0'), trust: ['root'], host: 'app.example' },
  { id: 'root-pathlen0-intermediate', presented: chain('leaf-root-path0', 'int-root-path0'), trust: ['root-path0'], host: 'app.example' },
  { id: 'root-pathlen1-one', presented: chain('leaf-p1', 'int-p1'), trust: ['root-path1'], host: 'app.example' },
  { id: 'root-pathlen1-two', presented: chain('leaf-p1b', 'int-p1b', 'int-p1'), trust: ['root-path1'], host: 'app.example' },
  // Weak keys and digests.
  { id: 'sha1-leaf', presented: chain('leaf-sha1', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'sha1-intermediate', presented: chain('leaf-int-sha1', 'int-sha1'), trust: ['root'], host: 'app.example' },
  { id: 'sha1-root-only', presented: ['leaf-root-sha1'], trust: ['root-sha1'], host: 'app.example' },
  { id: 'rsa1024-leaf', presented: chain('leaf-rsa1024', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'rsa512-leaf', presented: chain('leaf-rsa512', 'int'), trust: ['root'], host: 'app.example' },
  { id: 'rsa512-intermediate', presented: chain('leaf-int-rsa512', 'int-rsa512'), trust: ['root'], host: 'app.example' },
  // The key does not belong to the certificate.
  { id: 'key-mismatch-ec', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', key: 'stray-ec' },
  { id: 'key-mismatch-rsa', presented: chain('leaf-rsa', 'int'), trust: ['root'], host: 'app.example', key: 'stray-rsa' },
  { id: 'key-of-intermediate', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', key: 'int' },
  { id: 'key-mismatch-in-secret', presented: chain('leaf', 'int'), trust: ['root'], host: 'app.example', key: 'stray-ec', form: 'k8s-secret' },
];
