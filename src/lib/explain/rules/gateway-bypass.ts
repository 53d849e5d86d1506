// The sidecar is set up for egress through a gateway (it has a hop 1 cluster whose SNI is the
// external host), but its HTTP route for that host goes straight to the host's own cluster or
// to PassthroughCluster. Requests then leave without the gateway and without its TLS: the
// VirtualService lacks `mesh` in `gateways`, or its mesh match names another host or port
// (double-mTLS pitfalls, pitfall 3).
import { text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Route {route} sends {host} to {cluster}, not through the egress gateway, although cluster {hop1} is set up to reach the gateway with SNI {host}. The VirtualService\'s mesh route does not match: add `mesh` to gateways and match the port the application calls.',
  ko: '{route} 라우트는 {host} 호스트로 가는 트래픽을 이그레스 게이트웨이가 아니라 {cluster} 클러스터로 보낸다. 게이트웨이로 가도록 준비된 {hop1} 클러스터(SNI {host})가 있는데도 그렇다. VirtualService의 메시 라우트가 이 트래픽과 맞지 않는 것이다. gateways에 `mesh`를 넣고, 매치 조건에는 애플리케이션이 실제로 호출하는 포트를 쓴다.',
};

export const rule: Rule = {
  meta: {
    id: 'gateway-bypass',
    severity: 'warning',
    title: { en: 'Mesh route bypasses the egress gateway', ko: '이그레스 게이트웨이를 건너뛰는 메시 라우트' },
    docs: 'egress/double-mtls-pitfalls/',
    field: 'VirtualService.spec.gateways',
  },
  check(ctx) {
    const hits: Hit[] = [];
    // hop 1 clusters: toward a gateway Service, with an SNI naming an external host.
    const hop1 = ctx.map.clusters.filter((c) => c.direction === 'outbound' && c.tls?.sni && c.service && /gateway/.test(c.service.split('.')[0]!) && !c.tls.sni.startsWith('outbound_'));
    for (const r of ctx.map.routes) {
      for (const vh of r.virtualHosts) {
        for (const h of hop1) {
          if (h.proxy !== r.proxy) continue;
          const host = h.tls!.sni!;
          if (!vh.domains.some((d) => d === host || d.startsWith(`${host}:`))) continue;
          const direct = vh.clusters.find((cl) => cl === 'PassthroughCluster' || cl.split('|')[3] === host);
          if (!direct || vh.clusters.some((cl) => cl.split('|')[3] === h.service)) continue;
          hits.push({ target: { kind: 'proxy', proxy: r.proxy, name: `${r.name}/${vh.name}` }, text: text(TEXT, { route: `${r.name}/${vh.name}`, host, cluster: direct, hop1: h.name }) });
        }
      }
    }
    return hits;
  },
};
