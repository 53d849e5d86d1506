// Auto mTLS sends plaintext to some endpoints: an auto-istio cluster (transport_socket_matches
// `tlsMode-istio` / `tlsMode-disabled`) picks mTLS per endpoint, from the endpoint metadata
// `envoy.transport_socket_match: {tlsMode: istio}` that Istio sets for pods labelled
// security.istio.io/tlsMode=istio by sidecar injection (istio 1.30.3 cluster_tls.go
// applyUpstreamTLSSettings, pilot/pkg/networking/util/util.go AppendLbEndpointMetadata). The
// other endpoints get plaintext: fine for workloads outside the mesh, a reset when they demand
// mTLS. Only visible in a dump taken with ?include_eds.
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Cluster {name} sends plaintext to {plain} of its {total} endpoints: they carry no tlsMode: istio label, so auto mTLS picks the plaintext match. If those workloads require mTLS (STRICT), their connections are reset.',
  ko: '{name} 클러스터는 엔드포인트 {total}개 가운데 {plain}개에 평문을 보낸다. 그 엔드포인트에는 tlsMode: istio 레이블이 없어 자동 mTLS가 평문 쪽을 고른다. 그 워크로드들이 mTLS를 요구하면(STRICT) 연결이 끊긴다.',
};

export const rule: Rule = {
  meta: {
    id: 'auto-mtls-plaintext-endpoints',
    severity: 'info',
    title: { en: 'Auto mTLS sends plaintext to some endpoints', ko: '자동 mTLS가 평문을 보내는 엔드포인트' },
    docs: 'patterns/mutual-tls/',
    catalog: 'connection-reset',
    field: 'Pod label security.istio.io/tlsMode (sidecar injection)',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (c.mode !== 'auto-istio' || c.endpoints === undefined || c.mtlsEndpoints === undefined || c.mtlsEndpoints >= c.endpoints) continue;
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, plain: c.endpoints - c.mtlsEndpoints, total: c.endpoints }) });
    }
    return hits;
  },
};
