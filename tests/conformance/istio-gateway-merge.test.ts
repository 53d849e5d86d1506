// Gateway servers istiod cannot merge, and istioctl's IST0145/IST0138. Upstream (istio/istio, 1.30.3):
// - pilot/pkg/model/gateway.go mergeGateways: per port and bind, a server with `tls` that repeats a
//   host of an earlier `tls` server is skipped (CheckDuplicates); a plaintext server is skipped when
//   it and the port's first plaintext server are not both HTTP (canMergeProtocols).
// - pilot/pkg/networking/core/gateway.go: HTTP servers of one port share one route table; routes
//   for one host from several Gateways are appended into one virtual host.
// - pkg/config/analysis/analyzers/gateway/conflictinggateway.go: IST0145 on each Gateway sharing
//   selector, port and an identical host with another Gateway.
// - pkg/config/analysis/analyzers/gateway/certificate.go: IST0138 for one certificate on two Gateways
//   of one workload.
import { describe, expect, it } from 'vitest';
import { findings, gateway, of } from './istio-helpers.ts';

const server = (port: number, proto: string, host: string, tls = '') => `  - port: {number: ${port}, name: p${port}-${proto.toLowerCase()}-${host.replace(/\W/g, '')}, protocol: ${proto}}
    hosts: ["${host}"]
${tls ? `    tls: ${tls}\n` : ''}`;
const ING = 'istio: ingressgateway';

describe('Gateway server merge (istio 1.30.3)', () => {
  it('two TCP servers on one port of one workload: the later one is dropped', () => {
    const text = gateway('a', 'istio-system', ING, server(31400, 'TCP', '*')) + gateway('b', 'istio-system', ING, server(31400, 'TCP', '*'));
    expect(of(findings(text), 'gw-duplicate-server')).toEqual([
      ['gw-duplicate-server', 'error', 'Gateway/istio-system/a', 'IST0145'],
      ['gw-duplicate-server', 'error', 'Gateway/istio-system/b', 'IST0145'],
    ]);
  });
  it('TCP after HTTP on one port is dropped whatever the hosts (istiod; istioctl is silent)', () => {
    const text = gateway('mixed', 'shop', ING, server(8080, 'HTTP', 'web.example.com') + server(8080, 'TCP', 'db.example.com'));
    expect(of(findings(text), 'gw-duplicate-server')).toEqual([['gw-duplicate-server', 'error', 'Gateway/shop/mixed', '']]);
  });
  it('a TLS host repeated on one port: the later server is dropped', () => {
    const tls = '{mode: SIMPLE, credentialName: c}';
    const text = gateway('a', 'istio-system', ING, server(443, 'HTTPS', 'shop.example.com', tls)) + gateway('b', 'shop', ING, server(443, 'HTTPS', 'shop.example.com', tls.replace('c}', 'd}')));
    expect(of(findings(text), 'gw-duplicate-server').map((f) => f.slice(1))).toEqual([['error', 'Gateway/istio-system/a', 'IST0145'], ['error', 'Gateway/shop/b', 'IST0145']]);
  });
  it('HTTP servers with one host in two Gateways merge, with a warning (IST0145); other hosts do not conflict', () => {
    const same = gateway('a', 'team-a', ING, server(80, 'HTTP', 'www.example.com')) + gateway('b', 'team-b', ING, server(80, 'HTTP', 'www.example.com'));
    expect(of(findings(same), 'gw-duplicate-server').map((f) => f.slice(1))).toEqual([['warning', 'Gateway/team-a/a', 'IST0145'], ['warning', 'Gateway/team-b/b', 'IST0145']]);
    const other = gateway('a', 'team-a', ING, server(80, 'HTTP', 'a.example.com')) + gateway('b', 'team-b', ING, server(80, 'HTTP', 'b.example.com'));
    expect(of(findings(other), 'gw-duplicate-server')).toEqual([]);
  });
  it('different workloads or ports never conflict', () => {
    const text = gateway('a', 'x', ING, server(31400, 'TCP', '*')) + gateway('b', 'x', 'istio: other', server(31400, 'TCP', '*')) + gateway('c', 'x', ING, server(31401, 'TCP', '*'));
    expect(of(findings(text), 'gw-duplicate-server')).toEqual([]);
  });
  it('one certificate on two Gateways of one workload is IST0138 on both', () => {
    const tls = '{mode: SIMPLE, credentialName: wildcard}';
    const text = gateway('shop', 'istio-system', ING, server(443, 'HTTPS', 'shop.example.com', tls)) + gateway('blog', 'istio-system', ING, server(443, 'HTTPS', 'blog.example.com', tls));
    expect(of(findings(text), 'gw-duplicate-certificate').map((f) => f.slice(1))).toEqual([['warning', 'Gateway/istio-system/shop', 'IST0138'], ['warning', 'Gateway/istio-system/blog', 'IST0138']]);
  });
});
