// A cluster or listener still warming: Envoy holds it but does not use it yet. A cluster warms
// until its first EDS/DNS answer arrives (envoyproxy/envoy, v1.38: docs/root/intro/arch_overview/
// upstream/cluster_manager.rst "Cluster warming") and until the SDS secrets it names arrive
// (docs/root/configuration/security/secret.rst); a listener warms until its route configs and
// secrets arrive (docs/root/configuration/listeners/lds.rst "listener warming", secret.rst).
// Istio's most common cause is a secret that never comes: the DestinationRule's or Gateway's
// `credentialName` naming a Secret istiod cannot read.
import { clusterTarget, listenerTarget, text, type Rule } from './rule.ts';

const CLUSTER = {
  en: 'Cluster {name} is warming: Envoy will not send traffic to it until it finishes (endpoints and every SDS secret it names{secrets}).',
  ko: '{name} 클러스터는 워밍 중이다. 엔드포인트와, 이 클러스터가 가리키는 SDS 시크릿{secrets_ko}이 모두 도착하기 전까지 Envoy는 이 클러스터로 트래픽을 보내지 않는다.',
};
const LISTENER = {
  en: 'Listener {name} is warming: it does not accept connections until its routes and secrets{secrets} arrive.',
  ko: '{name} 리스너는 워밍 중이다. 라우트와 시크릿{secrets_ko}이 도착하기 전까지 연결을 받지 않는다.',
};

export const rule: Rule = {
  meta: {
    id: 'warming-resource',
    severity: 'warning',
    title: { en: 'Cluster or listener still warming', ko: '워밍 중인 클러스터·리스너' },
    docs: 'envoy/tls-troubleshooting/',
    catalog: 'sds-secret-not-supplied',
    field: 'DestinationRule.spec.trafficPolicy.tls.credentialName',
  },
  check(ctx) {
    const hits = [];
    const names = (refs: (string | undefined)[]) => {
      const n = refs.filter(Boolean);
      return { secrets: n.length ? `: ${n.join(', ')}` : '', secrets_ko: n.length ? `(${n.join(', ')})` : '' };
    };
    for (const c of ctx.map.clusters) {
      if (c.state !== 'warming') continue;
      const pending = [c.tls?.certificate, c.tls?.trustedCa].filter((r) => r?.source === 'sds' && r.state !== 'active').map((r) => r!.name);
      hits.push({ target: clusterTarget(c), text: text(CLUSTER, { name: c.name, ...names(pending) }) });
    }
    for (const l of ctx.map.listeners) {
      if (l.state !== 'warming') continue;
      const pending = l.filterChains.flatMap((fc) => [fc.tls?.certificate, fc.tls?.trustedCa]).filter((r) => r?.source === 'sds' && r.state !== 'active').map((r) => r!.name);
      hits.push({ target: listenerTarget(l), text: text(LISTENER, { name: l.name, ...names([...new Set(pending)]) }), field: 'Gateway.spec.servers[].tls.credentialName' });
    }
    return hits;
  },
};
