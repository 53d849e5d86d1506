// Every kind the validator may meet, in every version upstream serves, is schema-checked from a
// models package; status is never reported; a kind the validator does not know is an info.
//
// Upstream that decides it:
// - Istio 1.30.3 manifests/charts/base/files/crd-all.gen.yaml: the kinds and served versions below
//   (spec.versions[].served), `status` with x-kubernetes-preserve-unknown-fields and the status
//   subresource on every CRD; fields new in 1.30 (AuthorizationPolicy source.trustDomains and
//   notTrustDomains, Telemetry tracing.disableContextPropagation) and the new TrafficExtension.
// - kubernetes-sigs/gateway-api v1.4.1 and v1.5.1 config/crd/{standard,experimental}/*.yaml: the
//   Gateway API kinds and versions below; ListenerSet is new in 1.5. GatewayClass spec.description
//   is in the CRD (the generated models drop it; gateway-api's conformance manifest
//   gatewayclass-observed-generation-bump.yaml uses it).
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';

const run = (text: string) => lint([{ name: 'k.yaml', text }], { lang: 'en' }).findings;
const doc = (apiVersion: string, kind: string, spec: string, extra = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n  namespace: shop\nspec:\n${spec}${extra}`;

const ISTIO_1_30: Record<string, string[]> = {
  'networking.istio.io': ['DestinationRule v1 v1alpha3 v1beta1', 'EnvoyFilter v1alpha3', 'Gateway v1 v1alpha3 v1beta1',
    'ProxyConfig v1beta1', 'ServiceEntry v1 v1alpha3 v1beta1', 'Sidecar v1 v1alpha3 v1beta1',
    'VirtualService v1 v1alpha3 v1beta1', 'WorkloadEntry v1 v1alpha3 v1beta1', 'WorkloadGroup v1 v1alpha3 v1beta1'],
  'security.istio.io': ['AuthorizationPolicy v1 v1beta1', 'PeerAuthentication v1 v1beta1', 'RequestAuthentication v1 v1beta1'],
  'telemetry.istio.io': ['Telemetry v1 v1alpha1'],
  'extensions.istio.io': ['WasmPlugin v1alpha1'],
};
const GATEWAY_API: string[] = ['Gateway v1 v1beta1', 'GatewayClass v1 v1beta1', 'HTTPRoute v1 v1beta1', 'GRPCRoute v1',
  'TLSRoute v1 v1alpha2 v1alpha3', 'TCPRoute v1alpha2', 'UDPRoute v1alpha2', 'ReferenceGrant v1 v1beta1', 'BackendTLSPolicy v1 v1alpha3'];

const cases = [
  ...Object.entries(ISTIO_1_30).flatMap(([group, kinds]) => kinds.map((k) => [group, k] as const)),
  ...GATEWAY_API.map((k) => ['gateway.networking.k8s.io', k] as const),
].flatMap(([group, line]) => { const [kind, ...versions] = line.split(' '); return versions.map((v) => [`${group}/${v}`, kind!] as const); });

describe('every served kind and version is schema-checked', () => {
  it.each(cases)('%s %s: an unknown spec field is an error', (apiVersion, kind) => {
    const found = run(doc(apiVersion, kind, '  notAField: 1\n'));
    const unknown = found.filter((f) => f.rule === 'schema' && f.severity === 'error' && f.message.includes('`notAField` is not a field'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.line).toBe(7);
  });
  it.each(cases)('%s %s: nothing under status is reported', (apiVersion, kind) => {
    const status = 'status:\n  conditions:\n  - type: Ready\n    madeUp: true\n  observedGeneration: "3"\n  anything: {at: all}\n';
    const found = run(doc(apiVersion, kind, '  notAField: 1\n', status));
    expect(found.filter((f) => f.line >= 8)).toEqual([]);
  });
});

describe('fields and kinds newer than the models', () => {
  it('accepts Istio 1.30 AuthorizationPolicy trustDomains and notTrustDomains', () => {
    const spec = '  rules:\n  - from:\n    - source:\n        trustDomains: [partner.local]\n        notTrustDomains: [legacy.local]\n';
    expect(run(doc('security.istio.io/v1', 'AuthorizationPolicy', spec))).toEqual([]);
    expect(run(doc('security.istio.io/v1', 'AuthorizationPolicy', spec.replace('trustDomains:', 'trustDomain:'))).filter((f) => f.severity === 'error')).toHaveLength(1);
  });
  it('accepts Istio 1.30 Telemetry tracing disableContextPropagation', () => {
    expect(run(doc('telemetry.istio.io/v1', 'Telemetry', '  tracing:\n  - disableContextPropagation: true\n'))).toEqual([]);
  });
  it('accepts a GatewayClass description, which the CRD has and the models lack', () => {
    const spec = '  controllerName: istio.io/gateway-controller\n  description: the default class\n';
    expect(run(doc('gateway.networking.k8s.io/v1', 'GatewayClass', spec))).toEqual([]);
    expect(run(doc('gateway.networking.k8s.io/v1', 'GatewayClass', spec.replace('description:', 'descriptoin:'))).filter((f) => f.severity === 'error')).toHaveLength(1);
  });
  it('says TrafficExtension (Istio 1.30) and ListenerSet (Gateway API 1.5) are not schema-checked, as info', () => {
    for (const [v, k] of [['extensions.istio.io/v1alpha1', 'TrafficExtension'], ['gateway.networking.k8s.io/v1', 'ListenerSet']] as const) {
      const found = run(doc(v, k, '  anything: 1\n'));
      expect(found.map((f) => [f.rule, f.severity])).toEqual([['schema', 'info']]);
      expect(found[0]!.message).toContain('not checked');
    }
  });
});

describe('kinds and versions not served', () => {
  it('an Istio kind in a version Istio 1.30 does not serve is an error naming the served ones', () => {
    const [f] = run(doc('networking.istio.io/v1', 'EnvoyFilter', '  configPatches: []\n'));
    expect(f).toMatchObject({ rule: 'schema', severity: 'error', line: 1 });
    expect(f!.message).toContain('`networking.istio.io/v1alpha3`');
  });
  it('a misspelled Istio kind is an error with the suggestion', () => {
    const [f] = run(doc('networking.istio.io/v1', 'DestinationRul', '  host: a\n'));
    expect(f).toMatchObject({ rule: 'schema', severity: 'error', line: 2 });
    expect(f!.message).toContain('`DestinationRule`');
  });
  it('a Gateway API version 1.4/1.5 do not serve is only an info', () => {
    const found = run(doc('gateway.networking.k8s.io/v1alpha2', 'GRPCRoute', '  rules: []\n'));
    expect(found.map((f) => f.severity)).toEqual(['info']);
  });
  it('a kind the validator does not know is an info, never an error', () => {
    for (const text of [doc('example.com/v1', 'Widget', '  size: 3\n'), doc('networking.istio.io/v1', 'ServiceMeshThing', '  a: 1\n')]) {
      const found = run(text);
      expect(found.map((f) => f.severity)).toEqual(['info']);
    }
  });
});
