// Which proxy wrote an access-log line and which hop of the double-mTLS egress path failed,
// read from what the line carries (cluster, addresses) or what the reader says; and the root
// cause ranked before the 503 that carries it.
import { readFileSync } from 'node:fs';
import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { HOP_PAGES } from './access-log.ts';
import { decode } from './decode.ts';
import { loadCatalog } from './load-catalog.node.ts';

const catalog = loadCatalog();
const WRONG_VERSION = 'upstream_reset_before_response_started{connection_failure,TLS_error:|268435703:SSL_routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end}';
// Istio's default format: … CLUSTER UPSTREAM_LOCAL DOWNSTREAM_LOCAL DOWNSTREAM_REMOTE SNI ROUTE
const line = (cluster: string, addresses: string) =>
  `[2026-12-07T01:02:03.456Z] "GET / HTTP/1.1" 503 URX,UF ${WRONG_VERSION} - "-" 0 91 12 - "-" "curl/8.5.0" "7c1e" "api.northwind.example" "203.0.113.10:443" ${cluster} ${addresses} api.northwind.example -`;
const SIDECAR = '10.1.0.5:40112 203.0.113.10:443 10.1.0.5:40110'; // request from its own pod
const GATEWAY = '10.244.2.9:40512 10.244.2.9:8443 10.1.0.5:51234'; // request arrived on its own address

describe('root cause first', () => {
  it('ranks the TLS reason inside the 503 before the 503 and says how they relate, in both languages', () => {
    const en = decode(line('outbound|443||api.northwind.example', SIDECAR), catalog, { lang: 'en' });
    expect(en.matches.map((m) => m.id)).toEqual(['wrong-version-number', 'upstream-connect-error']);
    expect(en.matches[0]?.because).toBeUndefined();
    expect(en.matches[1]?.because).toMatch(/^This 503 happened because of “Wrong version number/);
    const ko = decode(line('outbound|443||api.northwind.example', SIDECAR), catalog, { lang: 'ko' });
    expect(ko.matches[1]?.because).toMatch(/^이 503은 위 카드 “잘못된 버전 번호/);
  });

  it('reads the same Go words by the side that logged them', () => {
    const server = decode('2026/12/07 01:02:03 http: TLS handshake error from 10.0.0.7:51234: remote error: tls: bad certificate', catalog, { lang: 'en' });
    expect(server.matches[0]).toMatchObject({ id: 'alert-bad-certificate', logger: 'server' });
    expect(server.matches[0]?.perspective).toMatch(/client rejected this server's certificate/);
    const client = decode('Get "https://api.northwind.example/": remote error: tls: bad certificate', catalog, { lang: 'en' });
    expect(client.matches[0]).toMatchObject({ id: 'alert-bad-certificate', logger: 'client' });
    expect(client.matches[0]?.perspective).toMatch(/server rejected this client's certificate/);

    const plainToTls = decode('http: TLS handshake error from 10.0.0.7:51234: tls: first record does not look like a TLS handshake', catalog);
    expect(plainToTls.matches.map((m) => m.id)).toEqual(['http-request-to-https-port', 'go-tls-first-record']);
    const tlsToPlain = decode('failed to dial api:80: tls: first record does not look like a TLS handshake', catalog);
    expect(tlsToPlain.matches.map((m) => m.id)).toEqual(['wrong-version-number', 'go-tls-first-record']);
  });

  it('offers the certificate inspector on certificate errors only, with commands for what the reader has', () => {
    const r = decode('curl: (60) SSL certificate problem: certificate has expired', catalog);
    expect(r.matches.find((m) => m.id === 'cert-expired')?.inspect).toBe(true);
    expect(r.matches.find((m) => m.id === 'cert-expired')?.certCommands?.[0]).toMatch(/^openssl s_client .*-showcerts/);
    // An Envoy line: the proxy's own secrets, the egress gateway's on hop 2.
    const verify = (addresses: string) => decode(line('outbound|443||api.northwind.example', addresses).replace(/268435703:SSL_routines:OPENSSL_internal:WRONG_VERSION_NUMBER/, '268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED'), catalog).matches[0];
    expect(verify(SIDECAR)).toMatchObject({ id: 'certificate-verify-failed', certCommands: ['istioctl proxy-config secret POD -n NAMESPACE -o json'] });
    expect(verify(GATEWAY)?.certCommands).toEqual(['istioctl proxy-config secret deploy/istio-egressgateway -n istio-egress -o json']);
    expect(decode('curl: (7) Failed to connect to localhost port 1: Connection refused', catalog).matches.every((m) => !m.inspect)).toBe(true);
  });
});

describe('which proxy, which hop', () => {
  it('a sidecar line toward the partner: the gateway was bypassed', () => {
    const hop = decode(line('outbound|443||api.northwind.example', SIDECAR), catalog, { lang: 'en' }).accessLogs[0]?.meshHop;
    expect(hop).toMatchObject({ hop: 'direct', proxy: 'sidecar' });
    expect(hop?.note).toMatch(/bypassed/);
    expect(hop?.links.map((l) => l.anchor)).toContain('pitfall-3-a-mesh-route-that-does-not-match-bypasses-the-gateway');
    expect(hop?.commands.join('\n')).toContain('istioctl proxy-config');
    expect(hop?.commands.join('\n')).not.toContain('egressgateway -n istio-egress');
  });

  it('a gateway line toward the partner: hop 2, with commands for the gateway', () => {
    const hop = decode(line('outbound|443||api.northwind.example', GATEWAY), catalog, { lang: 'en' }).accessLogs[0]?.meshHop;
    expect(hop).toMatchObject({ hop: 'hop2', proxy: 'gateway' });
    expect(hop?.commands[0]).toBe('istioctl proxy-config secret deploy/istio-egressgateway -n istio-egress');
    expect(hop?.links.map((l) => l.anchor)).toContain('step-2-did-hop-2s-settings-and-certificate-reach-the-gateway');
  });

  it('a line toward the egress gateway subset: hop 1', () => {
    const hop = decode(line('outbound|443|partner|istio-egressgateway.istio-egress.svc.cluster.local', SIDECAR), catalog, { lang: 'ko' }).accessLogs[0]?.meshHop;
    expect(hop).toMatchObject({ hop: 'hop1', proxy: 'sidecar' });
    expect(hop?.note).toMatch(/^홉 1: /);
    expect(hop?.links.map((l) => l.anchor)).toContain('1단계-홉-1-설정이-호출자-사이드카에-들어갔나');
  });

  it('without addresses the line says both readings, unless the reader names the proxy', () => {
    const bare = '{"response_code":"503","response_flags":"UF","upstream_cluster":"outbound|443||api.northwind.example","upstream_transport_failure_reason":"TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end"}';
    expect(decode(bare, catalog, { lang: 'en' }).accessLogs[0]?.meshHop).toMatchObject({ hop: 'external' });
    expect(decode(bare, catalog, { lang: 'en', proxy: 'gateway' }).accessLogs[0]?.meshHop).toMatchObject({ hop: 'hop2' });
    expect(decode(bare, catalog, { lang: 'en', proxy: 'sidecar' }).accessLogs[0]?.meshHop).toMatchObject({ hop: 'direct' });
  });

  it('no hop for traffic inside the mesh', () => {
    const inMesh = line('outbound|8080||reviews.shop.svc.cluster.local', SIDECAR);
    expect(decode(inMesh, catalog).accessLogs[0]?.meshHop).toBeUndefined();
  });

  it('every anchor it links is a heading of that page, in each language', () => {
    for (const page of Object.values(HOP_PAGES)) {
      for (const lang of ['ko', 'en'] as const) {
        const mdx = readFileSync(new URL(`../../../content/${lang}/${page.path.replace(/\/$/, '')}.mdx`, import.meta.url), 'utf8');
        const anchors = [...mdx.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slug(m[1]!));
        expect(anchors, `${page.path} ${lang}`).toContain(page[lang][0]);
      }
    }
  });
});
