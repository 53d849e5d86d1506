// A cluster originates TLS to an external host without SNI: no `sni` and no auto SNI. Servers
// that pick a certificate or a backend by SNI (most shared HTTPS front ends) answer with a
// default certificate or a handshake failure. Istio sets `auto_sni` when a DestinationRule has no
// `sni` (istio 1.30.3 cluster_tls.go setAutoSniAndAutoSanValidation), so this is a cluster that
// came from elsewhere (EnvoyFilter, hand-written) or an Istio proxy older than that.
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { isExternalHost } from './util.ts';

const TEXT = {
  en: 'Cluster {name} originates TLS to {host} without SNI (no sni, no auto_sni). A server that chooses by SNI answers with a default certificate or fails the handshake. Set tls.sni to {host}.',
  ko: '{name} 클러스터는 {host} 호스트로 가는 TLS를 SNI 없이 시작한다(sni도 auto_sni도 없다). SNI로 인증서를 고르는 서버는 기본 인증서로 답하거나 핸드셰이크를 실패시킨다. tls.sni에 {host} 호스트 이름을 넣는다.',
};

export const rule: Rule = {
  meta: {
    id: 'tls-no-sni',
    severity: 'warning',
    title: { en: 'TLS to an external host without SNI', ko: 'SNI 없이 외부 호스트로 가는 TLS' },
    docs: 'patterns/origination/',
    catalog: 'alert-handshake-failure',
    field: 'DestinationRule.spec.trafficPolicy.tls.sni',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!c.tls || (c.mode !== 'simple' && c.mode !== 'mutual') || c.tls.sni || c.tls.autoSni) continue;
      if (!isExternalHost(c.service)) continue;
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, host: c.service }) });
    }
    return hits;
  },
};
