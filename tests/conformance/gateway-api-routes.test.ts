// Route attachment (라우트 연결) to Gateway API listeners. Upstream:
// - istio/istio 1.30.3 pilot/pkg/config/kube/gateway/conversion.go referenceAllowed (port, then
//   sectionName: NoMatchingParent; hostnames with host.Name.Matches: NoMatchingListenerHostname;
//   namespace and kind: NotAllowedByListeners), namespacesFromSelector (Same by default);
//   conditions.go generateSupportedKinds (HTTPS: HTTPRoute, GRPCRoute; TLS: TLSRoute, plus TCPRoute
//   when Terminate; TLSRoute on Terminate is new in 1.30 — compare the same function at 1.29.2).
// - kubernetes-sigs/gateway-api v1.5.1 conformance/tests/httproute-disallowed-kind.yaml,
//   tlsroute-invalid-no-matching-listener.yaml, httproute-invalid-parentref-not-matching-
//   section-name.yaml, httproute-hostname-intersection.yaml, tlsroute-terminate-simple-same-
//   namespace.yaml; apis/v1/httproute_types.go Hostnames (wildcard intersection).
import { describe, expect, it } from 'vitest';
import { findings } from './istio-helpers.ts';
import { at, gw } from './gateway-api-helpers.ts';

const RULES = ['gwapi-parentref-no-listener', 'gwapi-route-kind', 'gwapi-allowed-namespaces', 'gwapi-hostname-intersect'];
const listeners = `  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    allowedRoutes: {namespaces: {from: All}}
    tls: {certificateRefs: [{name: wildcard-cert}]}
  - name: passthrough
    port: 8443
    protocol: TLS
    hostname: db.example.net
    allowedRoutes: {namespaces: {from: All}}
    tls: {mode: Passthrough}
  - name: terminate
    port: 9443
    protocol: TLS
    hostname: mq.example.net
    allowedRoutes: {namespaces: {from: All}}
    tls: {mode: Terminate, certificateRefs: [{name: mq-cert}]}
`;
const edge = gw('edge', 'istio-ingress', listeners); // 27 lines: the route's kind is on line 29, its parentRefs entry on 33, hostnames on 34
const route = (kind: string, parent: string, hosts: string, ns = 'app') => `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: r, namespace: ${ns}}
spec:
  parentRefs:
  - {name: edge, namespace: istio-ingress${parent}}
  hostnames: [${hosts}]
  rules: [{backendRefs: [{name: backend, port: 8443}]}]
`;

describe('Gateway API route attachment (istio 1.30.3, gateway-api v1.5.1)', () => {
  it('HTTPRoute on HTTPS, TLSRoute on Passthrough and (Istio 1.30) on Terminate attach', () => {
    expect(at(findings(edge + route('HTTPRoute', ', sectionName: https', 'www.example.com')), ...RULES)).toEqual([]);
    expect(at(findings(edge + route('TLSRoute', ', sectionName: passthrough', 'db.example.net')), ...RULES)).toEqual([]);
    expect(at(findings(edge + route('TLSRoute', ', sectionName: terminate', 'mq.example.net')), ...RULES)).toEqual([['gwapi-route-kind', 'info', 29, 7]]);
  });
  it('a TLSRoute on the HTTPS listener and an HTTPRoute on the Passthrough listener are NotAllowedByListeners', () => {
    expect(at(findings(edge + route('TLSRoute', ', sectionName: https', 'www.example.com')), ...RULES)).toEqual([['gwapi-route-kind', 'error', 29, 7]]);
    expect(at(findings(edge + route('HTTPRoute', ', port: 8443', 'db.example.net')), ...RULES)).toEqual([['gwapi-route-kind', 'error', 29, 7]]);
  });
  it('a sectionName or port no listener has is NoMatchingParent', () => {
    expect(at(findings(edge + route('HTTPRoute', ', sectionName: http', 'www.example.com')), ...RULES)).toEqual([['gwapi-parentref-no-listener', 'error', 33, 57]]);
    expect(at(findings(edge + route('HTTPRoute', ', sectionName: https, port: 80', 'www.example.com')), ...RULES)).toEqual([['gwapi-parentref-no-listener', 'error', 33, 70]]);
  });
  it('hostnames: a wildcard listener covers deeper names but not its own apex', () => {
    expect(at(findings(edge + route('HTTPRoute', ', sectionName: https', 'a.b.example.com')), ...RULES)).toEqual([]);
    expect(at(findings(edge + route('HTTPRoute', ', sectionName: https', 'example.com')), ...RULES)).toEqual([['gwapi-hostname-intersect', 'error', 34, 3]]);
    expect(at(findings(edge + route('TLSRoute', ', sectionName: passthrough', '"*.example.net"')), ...RULES)).toEqual([]);
  });
  it('listeners take routes from their own namespace by default', () => {
    const same = gw('edge', 'istio-ingress', `  - name: http
    port: 80
    protocol: HTTP
`);
    expect(at(findings(same + route('HTTPRoute', '', 'www.example.com', 'app')), ...RULES)).toEqual([['gwapi-allowed-namespaces', 'error', 18, 12]]);
    expect(at(findings(same + route('HTTPRoute', '', 'www.example.com', 'istio-ingress')), ...RULES)).toEqual([]);
  });
  it('UDP: Istio has no UDP listener (listenerProtocolToIstio); another implementation\'s Gateway takes UDPRoute (conformance/tests/udproute-simple.yaml)', () => {
    const udp = (cls: string) => gw('dns', 'app', '  - {name: dns, port: 53, protocol: UDP}\n', cls);
    const r = route('UDPRoute', '', 'x').replace('istio-ingress', 'app').replace('  hostnames: [x]\n', '');
    expect(at(findings(udp('istio') + r.replace('edge', 'dns')), 'gwapi-route-kind').map((f) => f[1])).toEqual(['error']);
    expect(at(findings(udp('other-controller') + r.replace('edge', 'dns')), 'gwapi-route-kind')).toEqual([]);
  });
});
