// Ambient mode: waypoints, DestinationRules and PeerAuthentication. Upstream (istio/istio 1.30.3):
// - pilot/pkg/config/kube/gateway/conversion.go buildListener / unexpectedWaypointListener: a
//   waypoint (gatewayClassName istio-waypoint, pkg/config/constants) listener must be port 15008,
//   protocol HBONE; listenerProtocolToIstio: HBONE only on waypoints and east-west gateways.
// - pkg/workloadapi/workload.proto and pilot/pkg/serviceregistry/ambient/: ztunnel receives no
//   DestinationRules. pilot/pkg/networking/core/cluster_waypoint.go buildWaypointInboundVIP applies
//   a DR at the waypoint; buildWaypointTLSContext ignores ISTIO_MUTUAL. pilot/pkg/model/sidecar.go
//   SidecarScope.DestinationRule: for inbound (the waypoint's lookup) a DR with a workloadSelector
//   is never returned.
// - pilot/pkg/serviceregistry/ambient/waypoints.go getUseWaypoint: `istio.io/use-waypoint` on the
//   service, else its namespace; `none` opts out.
// - waypoints.go fetchWaypointForService / AllowsAttachmentFromNamespace, status.go: a waypoint for
//   `workload` traffic only is UnsupportedTrafficType for a service; a waypoint in another namespace
//   must admit the service's namespace on its HBONE listener (AttachmentDenied).
// - pilot/pkg/serviceregistry/ambient/authorization.go: only STRICT rejects plain text; PERMISSIVE
//   and DISABLE are treated alike.
import { describe, expect, it } from 'vitest';
import { findings } from './istio-helpers.ts';
import { at, gw } from './gateway-api-helpers.ts';

const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: partner, namespace: egress}
spec:
  hosts: [api.partner.example]
  ports: [{number: 80, name: http, protocol: HTTP, targetPort: 443}]
  resolution: DNS
  location: MESH_EXTERNAL
---
`;
const dr = (mode: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: partner, namespace: egress}
spec:
  host: api.partner.example
  trafficPolicy: {tls: {mode: ${mode}}}
`;

describe('ambient mode (istio 1.30.3)', () => {
  it('a waypoint as istioctl waypoint generate writes it is accepted; another port is UnsupportedProtocol', () => {
    const ok = gw('waypoint', 'shop', '  - {name: mesh, port: 15008, protocol: HBONE}\n', 'istio-waypoint');
    expect(at(findings(ok), 'amb-waypoint-listener')).toEqual([]);
    const bad = gw('waypoint', 'shop', '  - {name: mesh, port: 15008, protocol: HBONE}\n  - {name: http, port: 80, protocol: HTTP}\n', 'istio-waypoint');
    expect(at(findings(bad), 'amb-waypoint-listener')).toEqual([['amb-waypoint-listener', 'error', 10, 24]]);
    const hbone = gw('edge', 'istio-ingress', '  - {name: mesh, port: 15008, protocol: HBONE}\n');
    expect(at(findings(hbone), 'amb-waypoint-listener')).toEqual([['amb-waypoint-listener', 'error', 9, 41]]);
  });
  it('an egress waypoint originates with SIMPLE; ISTIO_MUTUAL there leaves as plain text', () => {
    const base = ns('egress', 'istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint') + se;
    expect(at(findings(base + dr('SIMPLE')), 'amb-dr-ignored')).toEqual([]);
    expect(at(findings(base + dr('ISTIO_MUTUAL')), 'amb-dr-ignored')).toEqual([['amb-dr-ignored', 'warning', 19, 31]]);
    // `istio.io/use-waypoint: none` on the ServiceEntry opts it out of the namespace's waypoint.
    const optOut = base.replace('metadata: {name: partner, namespace: egress}', 'metadata: {name: partner, namespace: egress, labels: {istio.io/use-waypoint: none}}');
    expect(at(findings(optOut + dr('ISTIO_MUTUAL')), 'amb-dr-ignored')).toEqual([['amb-dr-ignored', 'info', 18, 9]]);
  });
  it('a waypoint skips a DR with a workloadSelector', () => {
    const base = ns('egress', 'istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint') + se;
    const selected = dr('SIMPLE').replace('spec:\n', 'spec:\n  workloadSelector: {matchLabels: {app: client}}\n');
    expect(at(findings(base + selected), 'amb-dr-ignored')).toEqual([['amb-dr-ignored', 'warning', 18, 3]]);
  });
  it('PeerAuthentication DISABLE in an ambient namespace is an info; STRICT and sidecar namespaces are silent', () => {
    const pa = (mode: string, n = 'shop') => `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: ${n}}\nspec: {mtls: {mode: ${mode}}}\n`;
    const amb = ns('shop', 'istio.io/dataplane-mode: ambient');
    expect(at(findings(amb + pa('DISABLE')), 'amb-peerauth')).toEqual([['amb-peerauth', 'info', 8, 21]]);
    expect(at(findings(amb + pa('STRICT')), 'amb-peerauth')).toEqual([]);
    expect(at(findings(amb + pa('DISABLE', 'legacy')), 'amb-peerauth')).toEqual([]);
  });
  it('a shared waypoint in another namespace takes a ServiceEntry only if its HBONE listener admits that namespace', () => {
    const waypoint = (allowed: string) => gw('egress-waypoint', 'egress', `  - name: mesh\n    port: 15008\n    protocol: HBONE\n${allowed}`, 'istio-waypoint');
    const bound = se.replace('namespace: egress}', 'namespace: shop, labels: {istio.io/use-waypoint: egress-waypoint, istio.io/use-waypoint-namespace: egress}}');
    expect(at(findings(waypoint('') + bound), 'amb-use-waypoint')).toEqual([['amb-use-waypoint', 'error', 15, 76]]);
    expect(at(findings(waypoint('    allowedRoutes: {namespaces: {from: All}}\n') + bound), 'amb-use-waypoint')).toEqual([]);
  });
});
