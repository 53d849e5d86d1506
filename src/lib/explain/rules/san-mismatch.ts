// The SAN matchers of a cluster's validation context would reject the certificate the peer in
// the pasted dumps serves: the pasted gateway's certificate on the filter chain the cluster's
// SNI selects. Envoy then fails the handshake (CERTIFICATE_VERIFY_FAILED, "verify cert failed:
// SAN matcher"). For ISTIO_MUTUAL hop 1 Istio fills the matchers from `subjectAltNames`, else
// from the service accounts of the gateway (istio 1.30.3 cluster_tls.go buildIstioMutualTLS).
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { gatewayFor, gatewayPorts, leafOf, sanSatisfied, sniMatches } from './util.ts';

const TEXT = {
  en: 'Cluster {name} accepts only peers whose certificate matches {matchers}, but gateway {gateway} serves "{secret}" with SANs {sans}. The handshake fails with CERTIFICATE_VERIFY_FAILED.',
  ko: '{name} 클러스터는 인증서가 {matchers} 조건에 맞는 상대만 받아들이는데, {gateway} 게이트웨이가 내보내는 "{secret}" 인증서의 SAN은 {sans}이다. 핸드셰이크가 CERTIFICATE_VERIFY_FAILED로 실패한다.',
};

export const rule: Rule = {
  meta: {
    id: 'san-mismatch',
    severity: 'error',
    title: { en: "SAN matchers the peer's certificate does not satisfy", ko: '상대 인증서가 맞추지 못하는 SAN 조건' },
    docs: 'egress/double-mtls-pitfalls/',
    catalog: 'certificate-verify-failed',
    field: 'DestinationRule.spec.trafficPolicy.tls.subjectAltNames',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!c.tls || !c.tls.sans.length || c.direction !== 'outbound') continue;
      const gw = gatewayFor(ctx, c);
      if (!gw) continue;
      const ports = gatewayPorts(c.port);
      const chains = ctx.map.listeners
        .filter((l) => l.proxy === gw.id && ports.includes(l.port) && l.state !== 'draining')
        .flatMap((l) => l.filterChains)
        .filter((fc) => fc.terminatesTls);
      const sni = c.tls.sni;
      const chain = chains.find((fc) => sni && sniMatches(fc.serverNames, sni)) ?? chains.find((fc) => fc.serverNames.length === 0);
      const ref = chain?.tls?.certificate;
      if (!ref || ref.source !== 'sds') continue;
      const leaf = leafOf(ctx, gw.id, ref.name);
      if (!leaf || sanSatisfied(c.tls.sans, leaf.cert)) continue;
      const sans = [...leaf.cert.sans.uri, ...leaf.cert.sans.dns, ...leaf.cert.sans.ip].join(', ') || '-';
      const matchers = c.tls.sans.map((m) => `${m.match} ${m.value}`).join(' | ');
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, matchers, gateway: gw.workload ?? gw.file, secret: ref.name, sans }) });
    }
    return hits;
  },
};
