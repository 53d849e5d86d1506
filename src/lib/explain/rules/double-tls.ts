// TLS inside TLS: the application already speaks TLS (the proxy forwards it as bytes through a
// tcp_proxy chain matched on SNI / transport_protocol "tls"), and the cluster it goes to wraps
// it in a second TLS session (a DestinationRule with SIMPLE or MUTUAL on that host). The partner
// unwraps the outer session and finds a ClientHello where it expects HTTP; the application sees
// an HTTP error where it expects a ServerHello ("wrong version number").
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { tlsPassthroughTo } from './routes.ts';
import { isOutbound } from './util.ts';

const TEXT = {
  en: 'Cluster {name} wraps TLS around traffic that is already TLS: the application\'s own TLS reaches it through a passthrough chain (tcp_proxy by SNI), and the cluster originates {mode} TLS on top. Either let the application speak plain HTTP to port 80 and originate TLS here, or remove the DestinationRule\'s tls.',
  ko: '{name} 클러스터는 이미 TLS인 트래픽 위에 TLS를 한 번 더 씌운다. 애플리케이션이 연 TLS가 패스스루 체인(SNI로 고른 tcp_proxy)을 거쳐 이 클러스터에 오는데, 클러스터가 그 위에 {mode} TLS를 시작한다. 애플리케이션이 80번 포트로 평문 HTTP를 보내고 여기서 TLS를 시작하게 하거나, DestinationRule의 tls를 뺀다.',
};

export const rule: Rule = {
  meta: {
    id: 'double-tls',
    severity: 'error',
    title: { en: 'TLS originated over TLS (double TLS)', ko: 'TLS 위에 다시 시작한 TLS(이중 TLS)' },
    docs: 'egress/passthrough-vs-origination/',
    catalog: 'wrong-version-number',
    field: 'DestinationRule.spec.trafficPolicy.tls.mode',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!isOutbound(c) || (c.mode !== 'simple' && c.mode !== 'mutual')) continue;
      if (!tlsPassthroughTo(ctx, c)) continue;
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, mode: c.mode.toUpperCase() }) });
    }
    return hits;
  },
};
