// No DestinationRule reached an outbound cluster that needs one: the cluster to an external
// host's port 443 carries HTTP in plaintext and has no `filter_metadata.istio.config` (Istio sets
// it from the DestinationRule that shaped the cluster: istio 1.30.3
// pilot/pkg/networking/util/util.go AddConfigInfoMetadata). The usual cause is a `host` that does
// not match the ServiceEntry host character for character, or a short name expanded against the
// DestinationRule's own namespace (double-mTLS pitfalls, pitfall 2).
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { httpRouted } from './routes.ts';
import { isExternalHost, isOutbound } from './util.ts';

const TEXT = {
  en: 'Cluster {name} carries HTTP to port 443 of {host} in plaintext and no DestinationRule applies to it (no istio.config metadata). The DestinationRule that should originate TLS does not match this host: compare its `host` with the ServiceEntry character for character.',
  ko: '{name} 클러스터는 {host}의 443번 포트로 HTTP를 평문으로 보내고, 이 클러스터에 적용된 DestinationRule도 없다(istio.config 메타데이터가 없다). TLS를 시작해야 할 DestinationRule이 이 호스트와 맞지 않는 것이다. 그 DestinationRule의 `host`를 ServiceEntry의 호스트와 한 글자씩 비교한다.',
};

export const rule: Rule = {
  meta: {
    id: 'dr-not-applied',
    severity: 'error',
    title: { en: 'Expected DestinationRule not applied', ko: '적용되지 않은 DestinationRule' },
    docs: 'egress/double-mtls-pitfalls/',
    catalog: 'http-request-to-https-port',
    field: 'DestinationRule.spec.host',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      if (!isOutbound(c) || c.port !== 443 || c.mode !== 'plaintext' || !isExternalHost(c.service) || c.destinationRule) continue;
      if (!httpRouted(ctx, c)) continue; // TLS passthrough (tcp_proxy by SNI) to 443 is plaintext by design
      hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, host: c.service }) });
    }
    return hits;
  },
};
