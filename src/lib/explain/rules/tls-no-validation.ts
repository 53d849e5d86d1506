// A cluster originates TLS without a trust bundle: the server's certificate is not verified at
// all, so anyone on the path can answer. Istio leaves the validation context empty only for
// `insecureSkipVerify: true` (istio 1.30.3 cluster_tls.go: without caCertificates it trusts the
// system roots, SDS name `file-root:system`: constructUpstreamTLS); a hand-written
// UpstreamTlsContext without a validation context does the same (envoyproxy/envoy api/envoy/
// extensions/transport_sockets/tls/v3/tls.proto, v1.38: UpstreamTlsContext, "Server certificate
// verification is not enabled by default").
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Cluster {name} originates TLS but verifies nothing: it has no trusted CA, so any certificate is accepted. Set caCertificates (or credentialName with a CA) and remove insecureSkipVerify.',
  ko: '{name} 클러스터는 TLS를 시작하지만 아무것도 검증하지 않는다. 신뢰할 CA가 없어 어떤 인증서든 받아들인다. caCertificates(또는 CA가 든 credentialName)를 설정하고 insecureSkipVerify를 뺀다.',
};

export const rule: Rule = {
  meta: {
    id: 'tls-no-validation',
    severity: 'warning',
    title: { en: 'TLS cluster without a validation context', ko: '검증 설정이 없는 TLS 클러스터' },
    docs: 'patterns/origination/',
    catalog: 'certificate-verify-failed',
    field: 'DestinationRule.spec.trafficPolicy.tls.insecureSkipVerify',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!c.tls || (c.mode !== 'simple' && c.mode !== 'mutual') || c.tls.trustedCa) continue;
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name }) });
    }
    return hits;
  },
};
