import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignmentMap, lint, presets, rules } from './index.ts';
import { analyze } from './engine.ts';
import { pemBlocks } from './pem.ts';

const ids = (text: string) => lint([{ name: 'x.yaml', text }], { lang: 'en' }).findings.map((f) => f.rule);

describe('rule catalogue', () => {
  it('has a bilingual title, summary and docs path for every rule, with unique ids', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.title.ko).toMatch(/[가-힣]/);
      expect(r.summary.ko).toMatch(/[가-힣]/);
      expect(r.title.en).not.toMatch(/[가-힣]/);
      expect(r.summary.en.length).toBeGreaterThan(100);
      // A page path, or the rule's own section of the rules reference (tools/validator-rules/#<id>).
      expect(r.docs).toMatch(r.docs.includes('#') ? new RegExp(`^tools/validator-rules/#${r.id}$`) : /^[a-z-]+\/[a-z0-9-]+\/$/);
    }
  });
  it('covers every rule id the issue asks for', () => {
    const required = 'yaml-syntax schema duration-unit dr-port-level-replaces dr-duplicate-host dr-short-host dr-tls-no-verify dr-mutual-no-client-cert dr-credential-scope dr-sni-missing dr-max-requests-one dr-keepalive-idle dr-outlier-single-endpoint gw-tls-missing gw-passthrough-protocol gw-istio-mutual-no-dr gw-duplicate-server vs-gateway-missing vs-subset-missing vs-mesh-route-missing vs-route-kind-mismatch align-sni align-port align-host-registry secret-keys secret-namespace se-double-tls vs-exportto-gateway mtls-mode-conflict envoy-tls-no-sni envoy-tls-no-validation envoy-client-cert-no-ca envoy-sni-no-inspector envoy-unknown-cluster'.split(' ');
    expect(required.filter((id) => !rules.some((r) => r.id === id))).toEqual([]);
  });
});

describe('presets', () => {
  for (const p of presets) {
    it(`${p.id} reports exactly its pitfall`, () => {
      const found = lint([{ name: p.id, text: p.yaml }]).findings.filter((f) => f.severity !== 'info');
      expect([...new Set(found.map((f) => f.rule))].sort()).toEqual([...p.expect].sort());
    });
  }
  it('the valid bundle aligns on every link; the SNI pitfall shows the broken one', () => {
    const valid = alignmentMap([{ name: 'v', text: presets[0]!.yaml }]);
    expect(valid.externalHost).toBe('api.northwind.example');
    expect(valid.links.length).toBeGreaterThanOrEqual(10);
    expect(valid.links.filter((l) => l.status !== 'match')).toEqual([]);
    const bad = alignmentMap([{ name: 'p', text: presets.find((p) => p.id === 'pitfall-sni-mismatch')!.yaml }]);
    expect(bad.links.filter((l) => l.status !== 'match').map((l) => l.id)).toEqual(['dr1-sni']);
    expect(alignmentMap([{ name: 'e', text: 'a: [' }]).links).toEqual([]);
  });
});

describe('positions and messages', () => {
  it('points at the offending value and suggests the enum fix', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: d\nspec:\n  host: a.example.com\n  trafficPolicy:\n    tls:\n      mode: MUTAl\n';
    const [f] = lint([{ name: 'd.yaml', text }], { lang: 'en' }).findings.filter((x) => x.rule === 'schema');
    expect(f).toMatchObject({ line: 9, column: 13, resource: 'DestinationRule/default/d', severity: 'error' });
    expect(f!.message).toContain('Did you mean `MUTUAL`?');
    const [k] = lint([{ name: 'd.yaml', text }], { lang: 'ko' }).findings.filter((x) => x.rule === 'schema');
    expect(k!.message).toContain('`MUTUAL`를 뜻했나?');
  });
  it('reports a tab-indented line of Envoy config as yaml-syntax at that line', () => {
    // Our own small Envoy front proxy whose connect_timeout line is indented with tabs.
    const text = readFileSync(join(import.meta.dirname, 'rules/fixtures/envoy-tab-indent.yaml'), 'utf8');
    const tabLine = text.split('\n').findIndex((l) => l.includes('\t')) + 1;
    expect(tabLine).toBeGreaterThan(0);
    const found = lint([{ name: 'envoy-front.yaml', text }]).findings;
    expect(found.map((f) => [f.rule, f.line])).toContainEqual(['yaml-syntax', tabLine]);
    // Once the tab is fixed, it is valid Envoy config; what remains is that its upstream TLS
    // never verifies the catalog server's certificate.
    expect(lint([{ name: 'fixed.yaml', text: text.replace('\t\t', '    ') }]).findings.map((f) => f.rule)).toEqual(['envoy-tls-no-validation']);
  });
});

describe('bad input', () => {
  it('answers empty, binary, non-Kubernetes, huge and alias-bomb input with a finding', () => {
    expect(ids('')).toEqual(['schema']);
    expect(ids('\u0000\u0001\u0002binary')).toEqual(['yaml-syntax']);
    expect(ids('just: a map\n')).toEqual(['schema']);
    expect(ids('x'.repeat(4_000_001))).toEqual(['yaml-syntax']);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const t = Date.now();
    expect(ids(bomb.join('\n'))).toEqual(['yaml-syntax']);
    expect(Date.now() - t).toBeLessThan(2000);
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(() => ids(deep)).not.toThrow();
    expect(ids(deep).length).toBeGreaterThan(0);
  });
  it('says "nesting too deep" in words, once per document, instead of the engine\'s stack error', () => {
    const deepFlow = '['.repeat(50_000) + ']'.repeat(50_000);
    const deepSeq = `${'- '.repeat(20_000)}x`; // block sequences nested in compact form
    const deepMap = `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const deep of [deepFlow, deepSeq, deepMap]) {
      for (const lang of ['ko', 'en'] as const) {
        const found = lint([{ name: 'deep.yaml', text: deep }], { lang }).findings;
        expect(found.map((f) => f.rule)).toEqual(['yaml-syntax']);
        expect(found[0]!.message).not.toMatch(/call stack|stack overflow|regular expression/i);
        expect(found[0]!.message).toMatch(lang === 'ko' ? /중첩이 너무 깊어/ : /nesting is too deep/);
      }
    }
  });
});

describe('secret PEM content (keys generated at run time)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshtls-pem-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const cert = (name: string, keyArgs: string[], days: string) => {
    ssl('req', '-x509', '-newkey', ...keyArgs, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', days, '-subj', `/CN=${name}`);
    return { crt: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
  };
  const secret = (crt: string, key: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: istio-system\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${btoa(crt)}\n  tls.key: ${btoa(key)}\n`;
  const secretFindings = (text: string, now?: number) => lint([{ name: 's.yaml', text }], { lang: 'en', now }).findings.filter((f) => f.rule === 'secret-keys');

  it('accepts a matching RSA pair and a matching EC pair', () => {
    const rsa = cert('rsa', ['rsa:2048'], '30');
    const ec = cert('ec', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '30');
    expect(secretFindings(secret(rsa.crt, rsa.key))).toEqual([]);
    expect(secretFindings(secret(ec.crt, ec.key))).toEqual([]);
  });
  it('stays quiet on an Ed25519 pair (its public half cannot be compared here)', () => {
    const ed = cert('ed', ['ed25519'], '30');
    expect(pemBlocks(ed.key).map((b) => b.label)).toEqual(['PRIVATE KEY']); // PKCS#8, as openssl writes Ed25519
    expect(secretFindings(secret(ed.crt, ed.key))).toEqual([]);
  });
  it('reports a key that belongs to another certificate', () => {
    const a = cert('a', ['rsa:2048'], '30');
    const b = cert('b', ['rsa:2048'], '30');
    const f = secretFindings(secret(a.crt, b.key));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('does not belong');
  });
  it('reports an expired certificate, judged against the given time', () => {
    const c = cert('old', ['rsa:2048'], '1');
    expect(secretFindings(secret(c.crt, c.key))).toEqual([]);
    const later = Date.now() + 3 * 86_400_000;
    expect(secretFindings(secret(c.crt, c.key), later)[0]!.message).toContain('expired');
  });
  it('reports a truncated certificate but never a placeholder', () => {
    const c = cert('t', ['rsa:2048'], '30');
    const lines = c.crt.trim().split('\n');
    const broken = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n');
    expect(secretFindings(secret(broken, c.key))[0]!.message).toContain('does not parse');
    expect(secretFindings(secret('<cert>', '<key>'))).toEqual([]);
  });
});

describe('inventory', () => {
  it('counts what was checked, a List as its items', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: a, namespace: shop}
  spec: {host: a.shop.svc.cluster.local}
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: b, namespace: shop}
  spec: {host: b.shop.svc.cluster.local}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: c, namespace: shop}
spec: {hosts: [c.example], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS}
`;
    const { inventory } = analyze([{ name: 'l.yaml', text: list }], { lang: 'en' });
    expect(inventory).toEqual({ documents: 3, kinds: { DestinationRule: 2, ServiceEntry: 1 } });
  });
});
