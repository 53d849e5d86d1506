// The engine as the widget and the CLI use it: whole texts and streamed chunks give the same map,
// every input form is recognised, bad input gets a message with a line, and the rules' metadata
// points at pages, catalog entries and Korean the glossary allows.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../site/glossary.ts';
import { discouragedVariants } from '../../../tests/helpers/glossary-lint.ts';
import { KO_PHRASES } from '../../../tests/helpers/ko-phrases.ts';
import { createReader, explain, RULES } from './index.ts';
import { fixture, run } from './rules/fixtures/helpers.ts';
import type { ExplainResult } from './types.ts';

const ROOT = join(import.meta.dirname, '../../..');
const strip = (r: ExplainResult) => ({ ...r, proxies: r.proxies.map((p) => ({ ...p, file: '' })) });

/** Feeds a text through the streaming parser in small UTF-8 slices (splitting characters). */
/** One clock for both runs: a certificate's whole days left must not tick over between them. */
const NOW = new Date(Date.now() + 3_600_000);

async function streamed(name: string, text: string, lang: 'en' | 'ko' = 'en'): Promise<ExplainResult> {
  const reader = createReader({ lang, now: NOW }, { streamAt: 1 });
  const sink = reader.open(name);
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 777) sink.push(bytes.subarray(i, i + 777));
  sink.end();
  expect(sink.bytes).toBe(bytes.length);
  return reader.finish();
}

describe('explain', () => {
  it.each(['sidecar-egress.json', 'gateway-clusters.istioctl.json', 'gateway-secrets-no-client-cert.istioctl.json', 'ztunnel.json', 'warming-resource.json'])(
    'streams %s to the same map as a whole parse',
    async (name) => {
      const text = await fixture(name);
      const whole = await explain([{ name, text }], { lang: 'en', now: NOW });
      expect(strip(await streamed(name, text))).toEqual(strip(whole));
      expect(whole.clusters.length + whole.listeners.length + whole.secrets.length + whole.workloads.length).toBeGreaterThan(0);
    },
  );

  it('builds the TLS map of a sidecar', async () => {
    const r = await run(['sidecar-egress.json'], { now: NOW }); // certificates live 30 days from their making
    const p = r.proxies[0]!;
    expect([p.kind, p.form, p.workload, p.namespace, p.istioVersion]).toEqual(['sidecar', 'config-dump', 'shop-7d9c5b6f4-q8k2m', 'shop', '1.30.3']);
    const reviews = r.clusters.find((c) => c.service === 'reviews.shop.svc.cluster.local')!;
    expect([reviews.direction, reviews.port, reviews.mode, reviews.tls?.sni, reviews.circuitBreaker.maxConnections]).toEqual(['outbound', 9080, 'auto-istio', 'outbound_.9080_._.reviews.shop.svc.cluster.local', 4294967295]);
    const hop1 = r.clusters.find((c) => c.subset === 'partner')!;
    expect([hop1.mode, hop1.tls?.sni, hop1.tls?.certificate, hop1.tls?.trustedCa, hop1.tls?.sans, hop1.destinationRule]).toEqual([
      'istio-mutual', 'api.northwind.example',
      { source: 'sds', name: 'default', state: 'active' }, { source: 'sds', name: 'ROOTCA', state: 'active' },
      [{ type: 'any', match: 'exact', value: 'spiffe://cluster.local/ns/istio-egress/sa/istio-egressgateway-service-account' }],
      { namespace: 'shop', name: 'egressgateway-hop1' },
    ]);
    const inbound = r.listeners.find((l) => l.port === 15006)!;
    expect([inbound.inboundMode, inbound.tlsInspector, inbound.filterChains[1]!.tls?.requireClientCertificate]).toEqual(['STRICT', true, true]);
    const def = r.secrets.find((s) => s.name === 'default')!;
    expect([def.kind, def.state, def.certificates[0]!.spiffe, def.certificates[0]!.daysLeft]).toEqual(['certificate', 'active', 'spiffe://cluster.local/ns/shop/sa/shop', 29]);
    expect(r.routes[0]!.virtualHosts[0]!.clusters).toEqual(['outbound|443|partner|istio-egressgateway.istio-egress.svc.cluster.local']);
  });

  it('reads the same dump as YAML (istioctl proxy-config all -o yaml)', async () => {
    const json = await run(['egress-gateway.json']);
    const yaml = await run(['egress-gateway-other-sni.yaml']);
    expect(yaml.proxies[0]!.kind).toBe('router');
    expect(yaml.clusters).toEqual(json.clusters);
    expect(yaml.listeners[0]!.filterChains[0]!.serverNames).toEqual(['northwind.example']);
  });

  it("detects a waypoint from its node id and reads its inbound-vip clusters", async () => {
    const dump = {
      configs: [
        { '@type': 'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump', bootstrap: { node: { id: 'waypoint~10.244.2.9~waypoint-7f9d-abcde.shop~shop.svc.cluster.local', metadata: { ISTIO_VERSION: '1.30.3' } } } },
        { '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump', dynamic_active_clusters: [{ cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name: 'inbound-vip|9080|http|reviews.shop.svc.cluster.local', type: 'EDS' } }, { cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name: 'main_internal', type: 'STATIC' } }] },
      ],
    };
    const r = await explain([{ name: 'waypoint.json', text: JSON.stringify(dump) }], { lang: 'en' });
    expect([r.proxies[0]!.kind, r.proxies[0]!.workload, r.proxies[0]!.namespace]).toEqual(['waypoint', 'waypoint-7f9d-abcde', 'shop']);
    expect(r.clusters.map((c) => [c.direction, c.service, c.port, c.subset])).toEqual([['inbound', 'reviews.shop.svc.cluster.local', 9080, 'http'], ['other', undefined, undefined, undefined]]);
    // The waypoint's own internal cluster is not a hand-written one.
    expect(r.findings).toEqual([]);
    const gw = await explain([{ name: 'c.json', text: JSON.stringify([{ name: 'outbound_.9080_.v2_.reviews.shop.svc.cluster.local', type: 'EDS' }]) }], { lang: 'en' });
    expect(gw.clusters.map((c) => [c.direction, c.service, c.port, c.subset])).toEqual([['outbound', 'reviews.shop.svc.cluster.local', 9080, 'v2']]);
  });

  it('counts endpoints from a dump taken with ?include_eds', async () => {
    const sidecar = JSON.parse(await fixture('sidecar-egress.json'));
    const name = 'outbound|9080||reviews.shop.svc.cluster.local';
    const endpoint = (ip: string) => ({ endpoint: { address: { socket_address: { address: ip, port_value: 9080 } } }, health_status: 'HEALTHY' });
    sidecar.configs.splice(2, 0, {
      '@type': 'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
      dynamic_endpoint_configs: [{ endpoint_config: { '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment', cluster_name: name, endpoints: [{ lb_endpoints: [endpoint('10.244.0.30'), endpoint('10.244.0.31')] }] } }],
    });
    for (const r of [await explain([{ name: 's', text: JSON.stringify(sidecar) }], { lang: 'en', now: NOW }), await streamed('s', JSON.stringify(sidecar))]) {
      expect(r.clusters.find((c) => c.name === name)!.endpoints).toBe(2);
      expect(r.clusters.find((c) => c.subset === 'partner')!.endpoints).toBeUndefined();
    }
  });

  it('reads a ztunnel dump', async () => {
    const r = await run(['ztunnel.json']);
    expect(r.proxies[0]!.kind).toBe('ztunnel');
    expect(r.workloads.map((w) => [w.name, w.protocol, w.serviceAccount])).toEqual([['shop-7d9c5b6f4-q8k2m', 'HBONE', 'shop'], ['legacy-5f7b9-abcde', 'TCP', 'default']]);
    // istioctl ztunnel-config certificate|workload -o json print those lists bare.
    const dump = JSON.parse(await fixture('ztunnel.json'));
    const parts = await explain([{ name: 'certs.json', text: JSON.stringify(dump.certificates) }, { name: 'workloads.json', text: JSON.stringify(dump.workloads) }], { lang: 'en' });
    expect(parts.proxies.map((p) => [p.form, p.kind])).toEqual([['ztunnel', 'ztunnel'], ['ztunnel', 'ztunnel']]);
    expect(parts.secrets.map((s) => s.proxy)).toEqual([0, 0]);
    expect(parts.workloads.map((w) => [w.proxy, w.name])).toEqual([[1, 'shop-7d9c5b6f4-q8k2m'], [1, 'legacy-5f7b9-abcde']]);
  });

  it('says what is wrong with bad input, with the line, in the chosen language', async () => {
    const broken = '{\n  "configs": [\n    {"@type": "x",\n     "static_clusters": [ }\n  ]\n}\n';
    const a = await explain([{ name: 'cut.json', text: broken }], { lang: 'en' });
    expect(a.problems).toEqual([{ file: 'cut.json', line: 4, message: expect.stringMatching(/^This is not valid JSON \(.*\)\. Copy the whole output/) }]);
    const b = await streamed('cut.json', broken, 'ko');
    expect(b.problems).toEqual([{ file: 'cut.json', line: 4, message: expect.stringMatching(/^올바른 JSON이 아니다/) }]);
    const cut = await streamed('half.json', (await fixture('egress-gateway.json')).slice(0, 3000));
    expect(cut.problems[0]!.message).toMatch(/not valid JSON/);
    const empty = await explain([{ name: 'e', text: '  \n' }], { lang: 'ko' });
    expect(empty.problems[0]!.message).toMatch(/입력이 비어 있다/);
    const k8s = await explain([{ name: 'dr.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: x\n' }], { lang: 'en' });
    expect(k8s.problems).toEqual([{ file: 'dr.yaml', line: 1, message: expect.stringContaining('belongs in the validator') }]);
    const badYaml = await explain([{ name: 'b.yaml', text: 'configs:\n  - a: [1,\n' }], { lang: 'en' });
    expect(badYaml.problems[0]).toMatchObject({ file: 'b.yaml', line: expect.any(Number), message: expect.stringMatching(/^This is not valid YAML/) });
    expect(badYaml.problems[0]!.line).toBeGreaterThan(1);
  });
});

describe('rules', () => {
  it('has one file and one test per rule, at least 15', () => {
    const files = readdirSync(join(import.meta.dirname, 'rules')).filter((f) => f.endsWith('.test.ts') && f !== 'fixtures.test.ts').map((f) => f.slice(0, -8));
    expect(RULES.map((r) => r.id).sort()).toEqual(files.sort());
    expect(RULES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(RULES.map((r) => [r.id, r]))('%s links a page in both languages and an existing catalog entry', (_, r) => {
    expect(existsSync(join(ROOT, 'content/ko', `${r.docs.replace(/\/$/, '')}.mdx`))).toBe(true);
    expect(existsSync(join(ROOT, 'content/en', `${r.docs.replace(/\/$/, '')}.mdx`))).toBe(true);
    if (r.catalog) expect(existsSync(join(ROOT, 'src/data/errors', `${r.catalog}.yaml`))).toBe(true);
    expect(r.field.length).toBeGreaterThan(3);
  });

  it("writes Korean the glossary allows (every rule's messages on the fixtures)", async () => {
    const dir = join(import.meta.dirname, 'rules/fixtures');
    const { readFileSync } = await import('node:fs');
    const glossaryDir = join(ROOT, 'src/data/glossary');
    const terms = parseGlossary(Object.fromEntries(readdirSync(glossaryDir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(glossaryDir, f), 'utf8')])));
    const names = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f));
    const seen = new Set<string>();
    const texts: string[] = RULES.map((r) => r.title.ko);
    for (const n of names) {
      for (const f of (await run([n, ...(n.startsWith('sidecar') ? ['egress-gateway-other-sni.yaml'] : [])], { now: new Date(Date.now() + 40 * 86_400_000) })).findings) {
        seen.add(f.rule);
        texts.push(f.messages.ko);
      }
    }
    expect([...seen].sort()).toEqual(RULES.map((r) => r.id).filter((id) => id !== 'san-mismatch').sort());
    expect(discouragedVariants(texts.join('\n'), terms, KO_PHRASES)).toEqual([]);
  }, 60_000); // every fixture through the engine: seconds on a busy machine
});
