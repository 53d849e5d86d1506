// Plain HTTP to an external host's port 443: the proxy routes HTTP to an outbound cluster of a
// mesh-external host on port 443 but the cluster has no TLS transport socket, so the partner's
// TLS port receives plaintext ("400 The plain HTTP request was sent to HTTPS port", or a reset).
// Said when a DestinationRule is applied (its metadata is on the cluster) yet adds no TLS; the
// case without any DestinationRule is dr-not-applied.
// A sidecar drops SIMPLE/MUTUAL TLS of a DestinationRule with credentialName and no
// workloadSelector (istio 1.30.3 pilot/pkg/networking/core/cluster_tls.go
// buildUpstreamClusterTLSContext: "privilegedCredentialLookup … return nil").
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { httpRouted } from './routes.ts';
import { isExternalHost, isOutbound } from './util.ts';

const TEXT = {
  en: 'Cluster {name} sends the HTTP it is routed as plaintext to port 443 of {host}, a TLS port. DestinationRule {dr} applies but originates no TLS{why}.',
  ko: '{name} 클러스터는 라우팅된 HTTP 요청을 {host}의 443번 포트(TLS 포트)로 평문 그대로 보낸다. {dr} DestinationRule이 적용되었지만 TLS를 시작하지 않는다{why_ko}.',
};

export const rule: Rule = {
  meta: {
    id: 'plaintext-to-tls-port',
    severity: 'error',
    title: { en: 'Plain HTTP to a TLS port', ko: 'TLS 포트로 가는 평문 HTTP' },
    docs: 'egress/passthrough-vs-origination/',
    catalog: 'http-request-to-https-port',
    field: 'DestinationRule.spec.trafficPolicy.tls.mode',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!isOutbound(c) || c.port !== 443 || c.mode !== 'plaintext' || !isExternalHost(c.service) || !c.destinationRule) continue;
      const proxy = ctx.proxy(c.proxy);
      if (!httpRouted(ctx, c)) continue; // TLS passthrough (tcp_proxy by SNI) to 443 is plaintext by design
      const sidecarDrop = proxy.kind === 'sidecar';
      const dr = `${c.destinationRule.namespace}/${c.destinationRule.name}`;
      hits.push({
        target: clusterTarget(c),
        text: text(TEXT, {
          name: c.name, host: c.service, dr,
          why: sidecarDrop ? ' (on a sidecar, a SIMPLE/MUTUAL DestinationRule with credentialName but no workloadSelector is dropped: originate TLS at the egress gateway, or use workloadSelector)' : ' (set tls.mode SIMPLE or MUTUAL)',
          why_ko: sidecarDrop ? '(사이드카에서는 workloadSelector 없이 credentialName을 쓴 SIMPLE·MUTUAL DestinationRule이 버려진다. 이그레스 게이트웨이에서 TLS를 시작하거나 workloadSelector를 쓴다)' : '(tls.mode를 SIMPLE이나 MUTUAL로 둔다)',
        }),
        field: sidecarDrop ? 'DestinationRule.spec.workloadSelector' : 'DestinationRule.spec.trafficPolicy.tls.mode',
      });
    }
    return hits;
  },
};
