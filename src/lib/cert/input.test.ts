import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from './input.ts';
import { inspect } from './inspect.ts';
import { makeChain, type Made } from './fixtures/make.ts';

const ENCRYPTED = ['ENCRYPTED', 'PRIVATE', 'KEY'].join(' ');

let root: Made, int: Made, leaf: Made;
beforeAll(async () => ({ root, int, leaf } = await makeChain()));

const b64 = (s: string) => Buffer.from(s).toString('base64');
const kinds = (text: string) => parseInput(text, 'x', 'en').objects.map((o) => `${o.kind}:${o.role}:${o.origin.form}`);

describe('parseInput', () => {
  it('reads a PEM bundle with a certificate, a key and text around them', () => {
    expect(kinds(`subject=CN=app\n${leaf.pem}\nnotes\n${leaf.keyPem}`)).toEqual(['certificate:presented:pem', 'private-key:presented:pem']);
  });

  it('recognises an openssl s_client -showcerts transcript', () => {
    const t = `CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = app\n   i:CN = Test Int\n${leaf.pem}\n 1 s:CN = Test Int\n${int.pem}---\n`;
    expect(kinds(t)).toEqual(['certificate:presented:s_client', 'certificate:presented:s_client']);
  });

  it('reads a kubernetes.io/tls Secret in YAML, with ca.crt as the trust bundle', () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${b64(leaf.pem + int.pem)}\n  tls.key: ${b64(leaf.keyPem)}\n  ca.crt: ${b64(root.pem)}\n`;
    const out = parseInput(yaml, 'secret.yaml', 'en');
    expect(out.objects.map((o) => `${o.kind}:${o.role}:${o.origin.field}:${o.origin.line}`)).toEqual([
      'certificate:presented:tls.crt:7', 'certificate:presented:tls.crt:7', 'private-key:presented:tls.key:8', 'certificate:trust:ca.crt:9',
    ]);
  });

  it('reads a generic Secret in JSON with Istio\'s cert/key/cacert keys', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'gw' }, data: { cert: b64(leaf.pem), key: b64(leaf.keyPem), cacert: b64(root.pem) } });
    expect(kinds(json)).toEqual(['certificate:presented:k8s-secret', 'private-key:presented:k8s-secret', 'certificate:trust:k8s-secret']);
  });

  it('reads istioctl proxy-config secret -o json and notes the redacted key', () => {
    const dump = { dynamicActiveSecrets: [
      { name: 'default', secret: { name: 'default', tlsCertificate: { certificateChain: { inlineBytes: b64(leaf.pem + int.pem) }, privateKey: { inlineBytes: b64('[redacted]') } } } },
      { name: 'ROOTCA', secret: { name: 'ROOTCA', validationContext: { trustedCa: { inlineBytes: b64(root.pem) } } } },
    ] };
    const out = parseInput(JSON.stringify(dump, null, 2), 'pc.json', 'en');
    expect(out.objects.map((o) => `${o.role}:${o.origin.form}`)).toEqual(['presented:istioctl-secret', 'presented:istioctl-secret', 'trust:istioctl-secret']);
    expect(out.notes.join()).toMatch(/redacted/);
  });

  it('reads ztunnel\'s certificate dump, one group per identity', () => {
    const dump = { certificates: [
      { identity: 'spiffe://cluster.local/ns/a/sa/x', state: 'Available', certChain: [{ pem: leaf.pem }, { pem: int.pem }], rootCerts: [{ pem: root.pem }] },
      { identity: 'spiffe://cluster.local/ns/a/sa/y', state: 'Initializing', certChain: [] },
    ] };
    const out = parseInput(JSON.stringify(dump), 'zt.json', 'en');
    expect(out.objects.map((o) => `${o.role}:${o.group}:${o.origin.field}`)).toEqual(['presented:1:certChain[0]', 'presented:1:certChain[1]', 'trust:1:rootCerts[0]']);
  });

  it('reads base64 DER and base64 of PEM (kubectl -o jsonpath output)', () => {
    const der = Buffer.from(leaf.cert.rawData).toString('base64');
    expect(kinds(der)).toEqual(['certificate:presented:der-base64']);
    expect(kinds(b64(leaf.pem + int.pem))).toEqual(['certificate:presented:pem-base64', 'certificate:presented:pem-base64']);
  });

  it('says which line is wrong in bad input, and never returns silently empty', () => {
    const broken = leaf.pem.split('\n');
    broken[3] = '!!!!' + broken[3]!.slice(4);
    const cases: [string, RegExp][] = [
      [`hello\n${leaf.pem.replace(/-----END CERTIFICATE-----\n?$/, '')}`, /^line 2: .*no matching END/],
      [`\n\n${broken.join('\n')}`, /^line 3: the base64 inside the CERTIFICATE block is damaged/],
      ['just some text', /^line 1: no certificate, key or CSR found/],
      ['{"a": [1, 2,,]}', /^line 1: not valid JSON/],
      // Only the armour of an encrypted key (no key inside), built from its label so no key-shaped block is committed.
      [`-----BEGIN ${ENCRYPTED}-----\nAAAA\n-----END ${ENCRYPTED}-----\n`, /^line 1: an encrypted private key/],
      ['apiVersion: v1\nkind: Secret\ndata:\n  tls.crt: "not base64!"\n', /^line 4: the value of `tls.crt` is not base64/],
    ];
    for (const [text, message] of cases) {
      const out = parseInput(text, 'x', 'en');
      expect(out.problems.map((p) => p.message).join('\n'), text.slice(0, 30)).toMatch(message);
    }
    expect(parseInput('그냥 텍스트', 'x', 'ko').problems[0]!.message).toMatch(/^1번째 줄: 인증서, 키, CSR을 찾지 못했다/);
  });
});

describe('inspect', () => {
  it('describes the chain and accepts it against its root, with the key compared by its public part', async () => {
    const r = await inspect([{ name: 'b.pem', text: leaf.pem + int.pem + leaf.keyPem }, { name: 'ca.pem', text: root.pem, role: 'trust' }], { lang: 'en', host: 'app.example' });
    expect(r.verdict).toMatchObject({ ok: true, error: null, opensslCode: 0 });
    expect(r.chains).toEqual([{ certificates: [0, 1, 2], anchored: true, ok: true, links: [{ child: 0, parent: 1, by: 'key-id' }, { child: 1, parent: 2, by: 'key-id' }] }]);
    const c = r.certificates[0]!;
    expect(c).toMatchObject({ subject: 'CN=app', issuer: 'CN=Test Int', key: { type: 'EC', bits: 256, curve: 'P-256' }, signatureAlgorithm: 'ecdsa-with-SHA256', extendedKeyUsage: ['serverAuth', 'clientAuth'], keyUsage: ['digitalSignature'], spiffe: { trustDomain: 'cluster.local' } });
    expect(c.fingerprints.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(r.verdict.keys).toEqual([expect.objectContaining({ kind: 'private-key', matches: 0 })]);
    expect(r.verdict.notes.join()).toMatch(/only its public part was compared/);
  });

  it('names each stack\'s words and the catalog entry for a failure', async () => {
    const r = await inspect([{ name: 'b.pem', text: leaf.pem }, { name: 'ca.pem', text: root.pem, role: 'trust' }], { lang: 'en', host: 'app.example' });
    expect(r.verdict).toMatchObject({ ok: false, error: 'unable-to-get-issuer', opensslCode: 20 });
    expect(r.verdict.messages).toEqual({
      openssl: 'error 20 at 0 depth lookup: unable to get local issuer certificate',
      boringssl: 'CERTIFICATE_VERIFY_FAILED: verify cert failed: X509_verify_cert: certificate verification error at depth 0: unable to get local issuer certificate',
      go: 'x509: certificate signed by unknown authority',
    });
  });

  it('puts a key that does not fit first, as a server fails before any client connects', async () => {
    const r = await inspect([{ name: 'b.pem', text: leaf.pem + int.pem + int.keyPem }, { name: 'ca.pem', text: root.pem, role: 'trust' }], { lang: 'ko', host: 'app.example' });
    expect(r.verdict).toMatchObject({ ok: false, error: 'key-values-mismatch' });
    expect(r.verdict.messages.go).toBe('tls: private key does not match public key');
    expect(r.verdict.summary).toMatch(/^핸드셰이크가 실패한다/);
  });

  it('gives an empty verdict, not a pass, when there is no certificate', async () => {
    const r = await inspect([{ name: 'x', text: leaf.keyPem }], { lang: 'en' });
    expect(r.verdict.ok).toBe(false);
    expect(r.verdict.summary).toMatch(/^There is no certificate to check/);
  });
});
