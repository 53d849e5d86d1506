import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { alignmentMap } from '../alignment.ts';
import { VALID_DOUBLE_MTLS } from '../presets/valid.ts';
import { ruleCases } from './_testkit.ts';

ruleCases('align-sni');

// A second, independent bundle for another partner, derived from the valid one.
const second = VALID_DOUBLE_MTLS.replace(/northwind/g, 'contoso').replace(/partner/g, 'contoso-partner').replace(/egressgateway-hop1/g, 'egressgateway-hop1-contoso');
const alignSni = (text: string) => lint([{ name: 'b.yaml', text }], { lang: 'en' }).findings.filter((f) => f.rule === 'align-sni');

const vs = (name: string, host: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: istio-system
spec:
  hosts: [${host}]
  gateways: [mesh, istio-system/shared-egress]
  http:
  - match: [{gateways: [mesh], port: 80}]
    route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 443}}}]
  - match: [{gateways: [istio-system/shared-egress], port: 8443}]
    route: [{destination: {host: ${host}, port: {number: 443}}}]
`;
const server = (host: string) => `  - port: {number: 8443, name: https-${host.split('.')[1]}, protocol: HTTPS}
    hosts: [${host}]
    tls: {mode: ISTIO_MUTUAL}
`;
const sharedGateway = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shared-egress
  namespace: istio-system
spec:
  selector: {istio: egressgateway}
  servers:
${server('api.northwind.example.com')}${server('api.contoso.example.com')}`;

describe('align-sni with several double-mTLS bundles', () => {
  it('checks every VirtualService bound to an ISTIO_MUTUAL server, not only the first', () => {
    const broken = second.replace('spec:\n  hosts:\n  - api.contoso.example\n  gateways:', 'spec:\n  hosts:\n  - api.contoso.example.org\n  gateways:');
    expect(broken).not.toBe(second);
    const found = alignSni(`${VALID_DOUBLE_MTLS}---\n${broken}`);
    expect(found.map((f) => f.resource)).toEqual(['VirtualService/istio-egress/contoso-partner-through-egress']);
    expect(found[0]!.message).toContain('api.contoso.example.org');
    expect(alignSni(`${VALID_DOUBLE_MTLS}---\n${second}`)).toEqual([]);
  });
  it('compares each VS with the server for its own host when a gateway serves several', () => {
    expect(alignSni(`${sharedGateway}---\n${vs('to-contoso', 'api.contoso.example.com')}---\n${vs('to-northwind', 'api.northwind.example.com')}`)).toEqual([]);
  });
  it('maps every bundle, the first one also as the top-level links', () => {
    const map = alignmentMap([{ name: 'b.yaml', text: `${VALID_DOUBLE_MTLS}---\n${second.replace('sni: api.contoso.example\n      connectionPool:\n        tcp:\n          maxConnections: 1024', 'sni: contoso.example\n      connectionPool:\n        tcp:\n          maxConnections: 1024')}` }]);
    expect(map.bundles.map((b) => b.externalHost)).toEqual(['api.northwind.example', 'api.contoso.example']);
    expect(map.externalHost).toBe('api.northwind.example');
    expect(map.links).toEqual(map.bundles[0]!.links);
    expect(map.bundles[0]!.links.filter((l) => l.status !== 'match')).toEqual([]);
    expect(map.bundles[1]!.links.filter((l) => l.status !== 'match').map((l) => l.id)).toEqual(['dr1-sni']);
  });
});
