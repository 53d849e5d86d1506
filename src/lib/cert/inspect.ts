// The certificate inspector: inputs in, certificates, chains and a verdict out. The checks run in
// the order OpenSSL 3.0's X509_verify_cert runs them (leaf key level, chain building, extensions
// and purpose, key and digest strength, host name, then signatures and validity from the root
// down), so the first failure is the one `openssl verify` and a handshake report. The corpus test
// (corpus.test.ts) holds the engine to that against the real openssl.
import { describe, keyFromSpki, type CertInfo, type Parsed } from './describe.ts';
import { buildPath, node, selfIssued, type Node, type Path } from './chain.ts';
import { checkHost } from './hostname.ts';
import { publicOfPrivate } from './keys.ts';
import { explain, FAILURES, stackMessages, type FailureKind, type Params, type StackMessages } from './messages.ts';
import { parseInput } from './input.ts';
import { say } from './text.ts';
import * as x509 from './x509.ts';
import type { InputProblem, Lang, Purpose, RawObject, Role } from './types.ts';

export interface InspectInput {
  /** File name (or `<paste>`) and its text. */
  name: string;
  text: string;
  /** `trust` for the --ca bundle. */
  role?: Role;
}

export interface InspectOptions {
  host?: string;
  purpose?: Purpose;
  at?: Date;
  lang: Lang;
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  /** A FailureKind for verification failures; other ids for warnings and notes. */
  kind: string;
  /** Index into certificates, when the finding is about one. */
  certificate: number | null;
  depth: number | null;
  message: string;
  /** X509_V_ERR_* number, for verification failures. */
  opensslCode?: number;
  messages?: StackMessages;
  /** Catalog id (src/data/errors). */
  error?: string;
}

export interface ChainReport {
  /** Indexes into certificates, leaf first, as a peer would send them followed by the anchor. */
  certificates: number[];
  anchored: boolean;
  links: { child: number; parent: number; by: 'key-id' | 'name' }[];
  ok: boolean;
}

export interface KeyReport {
  origin: RawObject['origin'];
  kind: 'private-key' | 'csr' | 'public-key';
  type: string;
  bits: number;
  /** The certificate whose public key it matches, or null. */
  matches: number | null;
}

export interface Verdict {
  ok: boolean;
  error: string | null;
  messages: StackMessages;
  /** The first failure's X509_V_ERR number (0 when ok or for a key mismatch). */
  opensslCode: number;
  summary: string;
  findings: Finding[];
  problems: InputProblem[];
  notes: string[];
  keys: KeyReport[];
  purpose: Purpose;
  host: string | null;
  at: string;
}

export interface InspectReport {
  certificates: CertInfo[];
  chains: ChainReport[];
  verdict: Verdict;
}

const T = {
  ok: { ko: '핸드셰이크가 성공한다: 체인이 신뢰하는 루트까지 이어지고 모든 검사를 통과했다.', en: 'The handshake would succeed: the chain reaches a trusted root and every check passes.' },
  okNoHost: { ko: ' 호스트 이름은 주지 않아 검사하지 않았다.', en: ' No host name was given, so none was checked.' },
  fail: { ko: '핸드셰이크가 실패한다: {reason}', en: 'The handshake would fail: {reason}' },
  nothing: { ko: '검사할 인증서가 없다(신뢰 번들만으로는 검사할 것이 없다).', en: 'There is no certificate to check (a trust bundle alone has nothing to verify).' },
  noTrust: { ko: '신뢰 번들(--ca, Secret의 ca.crt, 덤프의 ROOTCA)이 없어 시스템 저장소를 쓰지 않는 검증기처럼 검사했다.', en: 'No trust bundle was given (--ca, a Secret\'s ca.crt, a dump\'s ROOTCA), so the chain was checked like a verifier with an empty store.' },
  order: { ko: '보낸 순서가 체인 순서와 다르다(리프, 그 발급자, 그 발급자 순이어야 한다). OpenSSL, BoringSSL, Go는 순서를 바로잡아 쓰지만 오래된 클라이언트는 실패한다.', en: 'The presented order differs from the chain order (leaf, its issuer, its issuer\'s issuer). OpenSSL, BoringSSL and Go reorder it; older clients fail.' },
  leafNotFirst: { ko: '첫 인증서가 CA이고 리프는 {n}번째에 있다. 피어는 첫 인증서를 리프로 보낸다.', en: 'The first certificate is a CA and the leaf is number {n}: a peer sends the first certificate as its leaf.' },
  extra: { ko: '{n}번 인증서({subject})는 체인에 쓰이지 않는다(다른 체인의 것이거나 남는 인증서).', en: 'Certificate {n} ({subject}) is not part of the chain (it belongs elsewhere or is left over).' },
  rootSent: { ko: '루트 인증서까지 함께 보낸다. 검증하는 쪽은 자기 신뢰 번들의 루트를 쓰므로 보낼 필요가 없다.', en: 'The root is sent as well; verifiers use the root from their own trust bundle, so it need not be sent.' },
  weakRsa: { ko: '{n}번 인증서의 RSA 키가 {bits}비트다. OpenSSL 보안 수준 2(일부 배포판의 기본값)는 2048비트 미만을 거절한다.', en: 'Certificate {n} has a {bits}-bit RSA key. OpenSSL security level 2 (the default on some distributions) refuses keys under 2048 bits.' },
  cnFallback: { ko: 'DNS SAN이 없고 CN이 접속한 이름(`{host}`)과 같다. OpenSSL의 X509_check_host와 curl(OpenSSL 빌드)은 아직 CN으로 통과시키지만, Go(1.15+)와 RFC 9525를 따르는 스택은 거절한다.', en: 'There is no DNS SAN and the CN equals `{host}`. OpenSSL\'s X509_check_host and curl (OpenSSL builds) still accept it through the CN; Go (1.15+) and stacks that follow RFC 9525 refuse it.' },
  partialWildcard: { ko: 'SAN 중 하나(`{san}`)는 레이블 일부에 와일드카드가 있다. RFC 9525는 금지하고 Go와 curl은 맞추지 않지만, OpenSSL의 X509_check_host는 맞춘다.', en: 'The SAN `{san}` has a wildcard inside a label. RFC 9525 forbids it and Go and curl do not match it, but OpenSSL\'s X509_check_host does.' },
  spiffe: { ko: '{n}번 인증서: SPIFFE ID `{id}`, 트러스트 도메인 `{td}`.', en: 'Certificate {n} has the SPIFFE ID `{id}` in the trust domain `{td}`.' },
  spiffeMix: { ko: '체인의 트러스트 도메인이 서로 다르다({list}). 피어는 자기 트러스트 도메인의 루트만 신뢰한다.', en: 'The chain mixes trust domains ({list}); a peer trusts only the roots of its own trust domain.' },
  keyOk: { ko: '개인 키의 공개 부분이 {n}번 인증서의 공개 키와 같다. 키는 이 페이지(또는 이 명령) 밖으로 나가지 않았고 공개 부분만 비교했다.', en: 'The public part of the private key equals the public key of certificate {n}. The key never left this page (or this command); only its public part was compared.' },
  keyUnreadable: { ko: '{line}번째 줄의 개인 키를 읽지 못해 비교하지 않았다.', en: 'The private key on line {line} could not be read and was not compared.' },
  csr: { ko: 'CSR({subject})의 공개 키는 {match}.', en: 'The CSR ({subject}) has a public key that {match}.' },
  csrMatch: { ko: '{n}번 인증서와 같다', en: 'matches certificate {n}' },
  csrNoMatch: { ko: '어느 인증서와도 다르다', en: 'matches no certificate' },
  notCert: { ko: '{line}번째 줄: 인증서로 읽을 수 없다({error})', en: 'line {line}: cannot be read as a certificate ({error})' },
};

/** A CA as RFC 5280 4.2.1.9 and OpenSSL 3.0 see it: basicConstraints CA:TRUE and, when there is a
 * keyUsage, keyCertSign in it. Only a v1 self-signed root (no extensions at all) is let through
 * without basicConstraints; OpenSSL 1.1.1 also accepted keyCertSign alone, 3.0 does not. */
function isCa(n: Node): boolean {
  const i = n.info;
  if (i.keyUsage && !i.keyUsage.includes('keyCertSign')) return false;
  if (i.basicConstraints) return i.basicConstraints.ca;
  return i.version === 1 && i.selfSigned;
}

/** OpenSSL's purpose check (v3_purp.c): EKU must list the purpose when present; for the leaf, keyUsage must allow TLS use. */
function purposeOk(n: Node, purpose: Purpose, asCa: boolean): boolean {
  const eku = n.info.extendedKeyUsage;
  if (eku && !eku.includes(purpose === 'server' ? 'serverAuth' : 'clientAuth')) return false;
  if (asCa) return true;
  const ku = n.info.keyUsage;
  const allowed = purpose === 'server' ? ['digitalSignature', 'keyEncipherment', 'keyAgreement'] : ['digitalSignature', 'keyAgreement'];
  return !ku || ku.some((u) => allowed.includes(u));
}

/** Keys OpenSSL's security level 1 (80 bits) refuses: RSA under 1024 bits, EC under 160. */
const levelOneWeak = (n: Node) => (n.info.key.type === 'RSA' && n.info.key.bits < 1024) || (n.info.key.type === 'EC' && n.info.key.bits < 160);

async function signedBy(child: Node, parent: Node): Promise<boolean> {
  try {
    return await child.cert.verify({ publicKey: parent.cert.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

interface Ctx {
  opts: Required<Omit<InspectOptions, 'host'>> & { host?: string };
  findings: Finding[];
  /** Signature checks already started in this run, by child and parent fingerprint: a CA shared
   * by several ztunnel identities is checked once. */
  signatures: Map<string, Promise<boolean>>;
}

function signature(ctx: Ctx, child: Node, parent: Node): Promise<boolean> {
  const key = `${child.info.fingerprints.sha256}>${parent.info.fingerprints.sha256}`;
  let p = ctx.signatures.get(key);
  if (!p) ctx.signatures.set(key, (p = signedBy(child, parent)));
  return p;
}

function fail(ctx: Ctx, kind: FailureKind, n: Node | undefined, depth: number, p: Omit<Params, 'depth'> = {}): void {
  const params: Params = { depth, subject: n?.info.subject, ...p };
  ctx.findings.push({
    severity: 'error', kind, certificate: n ? n.info.index : null, depth,
    message: explain(kind, params, ctx.opts.lang),
    opensslCode: FAILURES[kind].code,
    messages: stackMessages(kind, params),
    error: FAILURES[kind].catalog,
  });
}

function note(ctx: Ctx, severity: 'warning' | 'info', kind: string, message: string, n?: Node): void {
  ctx.findings.push({ severity, kind, certificate: n ? n.info.index : null, depth: null, message });
}

const goTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Verification of one path, in OpenSSL's order. */
async function verifyPath(ctx: Ctx, path: Path): Promise<void> {
  const { nodes } = path;
  const { lang, purpose, at, host } = ctx.opts;
  const leaf = nodes[0]!;
  // The signature checks are independent: start them all now (WebCrypto runs them off the main
  // thread) and read the results below in OpenSSL's order.
  const sigs = nodes.map((n, i) => (i + 1 < nodes.length ? signature(ctx, n, nodes[i + 1]!) : Promise.resolve(true)));
  const weakAlg = (n: Node) => `${n.info.key.type} ${n.info.key.bits}`;
  if (levelOneWeak(leaf)) fail(ctx, 'ee-key-too-small', leaf, 0, { alg: weakAlg(leaf), bits: leaf.info.key.bits });
  if (!path.anchored) {
    const top = nodes[nodes.length - 1]!;
    const depth = nodes.length - 1;
    if (selfIssued(top)) fail(ctx, nodes.length === 1 ? 'depth-zero-self-signed' : 'self-signed-in-chain', top, depth);
    else fail(ctx, path.fromTrust[depth] ? 'unable-to-get-issuer' : 'unable-to-get-issuer-locally', top, depth);
  }
  let plen = 0;
  nodes.forEach((n, i) => {
    if (i > 0 && !isCa(n)) fail(ctx, 'invalid-ca', n, i);
    if (!purposeOk(n, purpose, i > 0)) fail(ctx, 'purpose', n, i, { purpose });
    const pathLen = n.info.basicConstraints?.pathLen;
    if (i > 1 && pathLen !== null && pathLen !== undefined && plen > pathLen) fail(ctx, 'path-length', n, i);
    if (i > 0 && !selfIssued(n)) plen++;
  });
  nodes.forEach((n, i) => {
    if (i > 0 && levelOneWeak(n)) fail(ctx, 'ca-key-too-small', n, i, { alg: weakAlg(n), bits: n.info.key.bits });
    if ((i < nodes.length - 1 || !path.anchored) && !selfIssued(n) && n.info.weakSignature) {
      const alg = n.info.signatureAlgorithm.startsWith('ecdsa') ? 'ECDSA-SHA1' : n.info.signatureAlgorithm.startsWith('md5') ? 'MD5-RSA' : 'SHA1-RSA';
      fail(ctx, 'ca-md-too-weak', n, i, { alg, subject: nodes[i + 1]?.info.subject ?? n.info.issuer });
    }
  });
  if (host) {
    const check = checkHost(host, leaf.info.sans, leaf.cert.subjectName.getField('CN'));
    if (!check.ok) {
      const names = (check.kind === 'ip' ? leaf.info.sans.ip : leaf.info.sans.dns).join(', ');
      fail(ctx, check.kind === 'ip' ? 'ip' : 'hostname', leaf, 0, { host, ...(names ? { names } : {}) });
      if (check.cnFallback) note(ctx, 'info', 'cn-fallback', say(lang, T.cnFallback, { host }), leaf);
    }
    if (check.partialWildcard) note(ctx, 'info', 'partial-wildcard', say(lang, T.partialWildcard, { san: check.partialWildcard }), leaf);
  }
  // Signatures and validity, from the top of the path down (OpenSSL's internal_verify).
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (!(await sigs[i]!)) fail(ctx, 'signature', n, i, { subject: nodes[i + 1]!.info.subject });
    const nb = new Date(n.info.notBefore), na = new Date(n.info.notAfter);
    if (at < nb) fail(ctx, 'not-yet-valid', n, i, { time: goTime(at), bound: goTime(nb) });
    else if (at > na) fail(ctx, 'expired', n, i, { time: goTime(at), bound: goTime(na) });
  }
}

export async function inspect(inputs: InspectInput[], options: InspectOptions): Promise<InspectReport> {
  const lang = options.lang;
  const ctx: Ctx = { opts: { lang, purpose: options.purpose ?? 'server', at: options.at ?? new Date(), ...(options.host ? { host: options.host } : {}) }, findings: [], signatures: new Map() };
  const at = ctx.opts.at;
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const objects: RawObject[] = [];
  for (const input of inputs) {
    const parsed = parseInput(input.text, input.name, lang, input.role ? { role: input.role } : {});
    objects.push(...parsed.objects);
    problems.push(...parsed.problems);
    notes.push(...parsed.notes);
  }

  // Certificates, in input order (duplicates kept: they are what was sent). Each is parsed once;
  // their digests and self-signature checks run side by side.
  const nodes: Node[] = [];
  const certObjects = objects.filter((x) => x.kind === 'certificate');
  const described = await Promise.allSettled(certObjects.map((o) => describe(o.der, 0, o.role, o.origin, at)));
  described.forEach((d, i) => {
    const o = certObjects[i]!;
    if (d.status === 'rejected') {
      problems.push({ file: o.origin.file, line: o.origin.line, message: say(lang, T.notCert, { line: o.origin.line, error: (d.reason as Error).message.split('\n')[0]! }) });
      return;
    }
    d.value.info.index = nodes.length;
    nodes.push(Object.assign(node(d.value, o.role === 'trust'), { group: o.group }) as Node & { group: number });
  });
  const groupOf = (n: Node) => (n as Node & { group: number }).group;

  // One path per group: group 0 is everything but ztunnel identities, which get one each.
  const chains: ChainReport[] = [];
  const groups = [...new Set(nodes.map(groupOf))];
  const usedInPaths = new Set<number>();
  for (const g of groups) {
    const inGroup = nodes.filter((n) => groupOf(n) === g);
    const presented = inGroup.filter((n) => !n.trusted);
    const trust = nodes.filter((n) => n.trusted && (groupOf(n) === g || groupOf(n) === 0));
    // Only what a peer presents is checked; a trust bundle on its own has nothing to verify.
    const leaf = presented[0];
    if (!leaf) continue;
    if (g === groups[0] && !nodes.some((n) => n.trusted)) notes.push(say(lang, T.noTrust));
    const path = buildPath(leaf, presented.slice(1), trust, at);
    const before = ctx.findings.length;
    await verifyPath(ctx, path);
    path.nodes.forEach((n) => usedInPaths.add(n.info.index));
    chains.push({
      certificates: path.nodes.map((n) => n.info.index),
      anchored: path.anchored,
      links: path.links.map((l) => ({ child: path.nodes[l.child]!.info.index, parent: path.nodes[l.parent]!.info.index, by: l.by })),
      ok: !ctx.findings.slice(before).some((f) => f.severity === 'error'),
    });

    // Order, extras, a leaf that is not first, the root sent along.
    if (presented.length > 1) {
      const firstIsCa = isCa(presented[0]!);
      const realLeaf = presented.findIndex((n) => !isCa(n));
      if (firstIsCa && realLeaf > 0) note(ctx, 'warning', 'leaf-not-first', say(lang, T.leafNotFirst, { n: presented[realLeaf]!.info.index + 1 }), presented[0]);
      const sentInPath = path.nodes.filter((n) => !n.trusted || presented.includes(n));
      const order = presented.filter((n) => sentInPath.includes(n));
      if (order.some((n, i) => n !== sentInPath[i])) note(ctx, 'warning', 'wrong-order', say(lang, T.order));
      for (const n of presented) if (!path.nodes.includes(n)) note(ctx, 'warning', 'extra-certificate', say(lang, T.extra, { n: n.info.index + 1, subject: n.info.subject }), n);
      const top = path.nodes[path.nodes.length - 1]!;
      if (path.nodes.length > 1 && presented.includes(top) && selfIssued(top)) note(ctx, 'info', 'root-sent', say(lang, T.rootSent), top);
    }
    const domains = [...new Set(path.nodes.map((n) => n.info.spiffe?.trustDomain).filter((d): d is string => !!d))];
    if (domains.length > 1) note(ctx, 'warning', 'spiffe-trust-domains', say(lang, T.spiffeMix, { list: domains.join(', ') }));
  }
  for (const n of nodes) {
    if (n.info.key.type === 'RSA' && n.info.key.bits >= 1024 && n.info.key.bits < 2048) note(ctx, 'warning', 'weak-key', say(lang, T.weakRsa, { n: n.info.index + 1, bits: n.info.key.bits }), n);
    if (n.info.spiffe) note(ctx, 'info', 'spiffe-id', say(lang, T.spiffe, { n: n.info.index + 1, id: n.info.spiffe.id, td: n.info.spiffe.trustDomain }), n);
  }

  // Keys and CSRs: only their public halves are computed and compared.
  const keys: KeyReport[] = [];
  const leaves = chains.map((c) => nodes[c.certificates[0]!]!);
  for (const o of objects.filter((x) => x.kind !== 'certificate')) {
    let pub;
    if (o.kind === 'csr') {
      try {
        const csr = new x509.Pkcs10CertificateRequest(new Uint8Array(o.der));
        pub = keyFromSpki(csr.publicKey.rawData);
        const match = nodes.find((n) => n.info.key.publicId === pub!.publicId);
        notes.push(say(lang, T.csr, { subject: csr.subject, match: match ? say(lang, T.csrMatch, { n: match.info.index + 1 }) : say(lang, T.csrNoMatch) }));
        keys.push({ origin: o.origin, kind: 'csr', type: pub.type, bits: pub.bits, matches: match ? match.info.index : null });
      } catch {
        problems.push({ file: o.origin.file, line: o.origin.line, message: say(lang, T.keyUnreadable, { line: o.origin.line }) });
      }
      continue;
    }
    pub = await publicOfPrivate(o.label, o.der);
    if (!pub) {
      problems.push({ file: o.origin.file, line: o.origin.line, message: say(lang, T.keyUnreadable, { line: o.origin.line }) });
      continue;
    }
    const match = nodes.find((n) => n.info.key.publicId === pub!.publicId);
    keys.push({ origin: o.origin, kind: o.kind as KeyReport['kind'], type: pub.type, bits: pub.bits, matches: match ? match.info.index : null });
    if (o.kind !== 'private-key') continue;
    const leaf = leaves.find((l) => groupOf(l) === o.group) ?? leaves[0];
    if (leaf && leaf.info.key.publicId !== pub.publicId) {
      // A server loads its certificate and key before any client connects: this failure comes first.
      const before = ctx.findings.length;
      fail(ctx, 'key-mismatch', leaf, 0, { subject: `${o.origin.file}:${o.origin.line}` });
      ctx.findings.unshift(ctx.findings.splice(before, 1)[0]!);
      const chain = chains.find((c) => c.certificates[0] === leaf.info.index);
      if (chain) chain.ok = false;
    } else if (leaf) notes.push(say(lang, T.keyOk, { n: leaf.info.index + 1 }));
  }

  const first = ctx.findings.find((f) => f.severity === 'error');
  const ok = chains.length > 0 && !first;
  const summary = !chains.length ? say(lang, T.nothing) : first ? say(lang, T.fail, { reason: first.message }) : say(lang, T.ok) + (ctx.opts.host ? '' : say(lang, T.okNoHost));
  return {
    certificates: nodes.map((n) => n.info),
    chains,
    verdict: {
      ok,
      error: first?.error ?? null,
      messages: first?.messages ?? (ok ? { openssl: 'OK', boringssl: 'OK', go: 'OK' } : { openssl: '', boringssl: '', go: '' }),
      opensslCode: first?.opensslCode ?? 0,
      summary,
      findings: ctx.findings,
      problems,
      notes,
      keys,
      purpose: ctx.opts.purpose,
      host: ctx.opts.host ?? null,
      at: at.toISOString(),
    },
  };
}
