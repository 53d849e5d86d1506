// A hand-written cluster without circuit-breaker thresholds runs at Envoy's defaults: 1024
// connections, 1024 pending requests, 1024 requests, 3 retries (envoyproxy/envoy api/envoy/config/
// cluster/v3/circuit_breaker.proto, v1.38: CircuitBreakers.Thresholds, each field "if not
// specified"). A busy egress path hits them and answers 503 with flag UO. Clusters istiod builds
// for services carry explicit thresholds (istio/istio 1.30.3 pilot/pkg/networking/core/
// cluster_traffic_policy.go applyConnectionPool starts from getDefaultCircuitBreakerThresholds:
// math.MaxUint32 each, overridden by the DestinationRule), so this only looks at clusters that are
// not Istio's: any cluster of a dump without an Istio node, and dynamic clusters of an Istio
// proxy whose names are not Istio's `direction|port|subset|host` form (EnvoyFilter additions).
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';

/** Clusters istiod names itself besides `direction|port|subset|host` (pilot/pkg/networking/util/
 * util.go, core/waypoint.go, core/accesslog.go): not hand-written, whatever their thresholds. */
const ISTIO_OWN = /^(PassthroughCluster|BlackHoleCluster|InboundPassthroughCluster(Ipv4|Ipv6)?|main_internal|encap|connect_originate|envoy_accesslog_service)$/;

const TEXT = {
  en: 'Cluster {name} sets no circuit-breaker thresholds, so Envoy\'s defaults apply: at most 1024 connections and 1024 pending requests (then 503 with flag UO). Set circuit_breakers.thresholds.max_connections to what the upstream can take.',
  ko: '클러스터 {name}에는 서킷 브레이커 한도가 없어 Envoy 기본값이 적용된다. 연결은 최대 1024개, 대기 요청도 1024개까지이고, 넘으면 UO 플래그와 함께 503이 된다. circuit_breakers.thresholds.max_connections를 업스트림이 감당할 만큼으로 둔다.',
};

export const rule: Rule = {
  meta: {
    id: 'max-connections-default',
    severity: 'warning',
    title: { en: 'max_connections at Envoy\'s default (1024)', ko: 'Envoy 기본값(1024)인 max_connections' },
    docs: 'egress/connection-tuning/',
    catalog: 'upstream-overflow',
    field: 'circuit_breakers.thresholds.max_connections (DestinationRule.spec.trafficPolicy.connectionPool.tcp.maxConnections)',
  },
  check(ctx) {
    const hits: Hit[] = [];
    // An input is Istio's when its node says so or when istiod's cluster names are in it (the
    // istioctl proxy-config cluster output has no bootstrap).
    const istioProxies = new Set(ctx.map.clusters.filter((c) => c.direction !== 'other').map((c) => c.proxy));
    for (const p of ctx.map.proxies) if (p.kind !== 'unknown') istioProxies.add(p.id);
    for (const c of ctx.map.clusters) {
      if (c.circuitBreaker.maxConnections !== undefined) continue;
      const istio = istioProxies.has(c.proxy);
      if (istio && (c.state === 'static' || c.direction !== 'other' || ISTIO_OWN.test(c.name))) continue;
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name }) });
    }
    return hits;
  },
};
