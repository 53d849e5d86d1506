// The ALPN a TLS cluster offers disagrees with the HTTP version it speaks. Offering only `h2`
// while speaking HTTP/1.1 (or offering only `http/1.1` while speaking HTTP/2) makes the server
// pick the other protocol, and the first request fails or the connection is reset. Speaking
// HTTP/2 over TLS without offering `h2` leaves the server to assume HTTP/1.1. Istio advertises
// `h2` on user TLS clusters it marks HTTP/2 (istio/istio 1.30.3 pilot/pkg/networking/core/
// cluster_tls.go constructUpstreamTLS: isHttp2Cluster sets ALPNH2Only). Envoy offers nothing by
// itself: CommonTlsContext.alpn_protocols has no default, and empty means no ALPN (envoyproxy/envoy
// api/envoy/extensions/transport_sockets/tls/v3/tls.proto, v1.38). Clusters on auto_config let
// Envoy negotiate by ALPN, so they are left alone.
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Cluster {name} speaks {proto} upstream but offers ALPN {alpn}: the server will choose {chosen}, and the two sides will not understand each other.',
  ko: '{name} 클러스터는 업스트림과 {proto}로 통신하는데 ALPN으로 제안하는 값은 {alpn}이다. 서버는 {chosen} 프로토콜을 고르게 되고, 양쪽이 서로를 알아듣지 못한다.',
};
const NO_ALPN = {
  en: 'Cluster {name} speaks HTTP/2 over TLS but offers no ALPN: a server that requires `h2` in ALPN (gRPC, most Go and Java servers) falls back to HTTP/1.1 and the connection fails. Offer h2 (h2UpgradePolicy / the ServiceEntry port protocol HTTP2 or GRPC).',
  ko: '{name} 클러스터는 TLS 위에서 HTTP/2로 통신하지만 ALPN을 제안하지 않는다. ALPN에 `h2`가 있어야 하는 서버(gRPC, 대부분의 Go·Java 서버)는 HTTP/1.1을 쓰게 되어 연결이 실패한다. h2를 제안하게 한다(h2UpgradePolicy나, ServiceEntry 포트의 프로토콜 HTTP2·GRPC로).',
};

export const rule: Rule = {
  meta: {
    id: 'alpn-mismatch',
    severity: 'error',
    title: { en: 'ALPN disagrees with the upstream HTTP version', ko: '업스트림 HTTP 버전과 어긋나는 ALPN' },
    docs: 'envoy/tls-troubleshooting/',
    catalog: 'no-application-protocol',
    field: 'DestinationRule.spec.trafficPolicy.connectionPool.http.h2UpgradePolicy',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!c.tls || (c.mode !== 'simple' && c.mode !== 'mutual')) continue;
      const alpn = c.tls.alpn;
      const proto = c.upstreamProtocol;
      if (proto === 'http1' && alpn.length && alpn.every((a) => a === 'h2')) {
        hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, proto: 'HTTP/1.1', alpn: alpn.join(','), chosen: 'h2' }) });
      } else if (proto === 'h2' && alpn.length && !alpn.includes('h2')) {
        hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, proto: 'HTTP/2', alpn: alpn.join(','), chosen: alpn[0] }) });
      } else if (proto === 'h2' && !alpn.length) {
        hits.push({ target: clusterTarget(c), text: text(NO_ALPN, { name: c.name }), severity: 'warning' });
      }
    }
    return hits;
  },
};
