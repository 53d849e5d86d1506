// TLS version ranges that leave nothing to agree on. Envoy's defaults when a limit is unset:
// minimum TLSv1_2 for clients and servers, maximum TLSv1_2 for clients and TLSv1_3 for servers
// (envoyproxy/envoy api/envoy/extensions/transport_sockets/tls/v3/common.proto, v1.38:
// TlsParameters; source/common/tls ClientContextConfigImpl::DEFAULT_MAX_VERSION is TLS1_2_VERSION).
// Istio writes TLSv1_2..TLSv1_3 on the ISTIO_MUTUAL, SIMPLE and MUTUAL clusters it builds
// (istio/istio 1.30.3 pilot/pkg/networking/core/cluster_tls.go defaultUpstreamCommonTLSContext). Checked: a range that is empty by itself (a client with
// minimum TLSv1_3 and no maximum has 1.3..1.2), a range of TLS 1.0/1.1 only, and hop 1 from a
// pasted sidecar to a pasted gateway whose ranges do not overlap (alert 70, protocol_version).
import type { TlsSettings } from '../types.ts';
import { chainTarget, clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { gatewayFor, gatewayPorts, sniMatches } from './util.ts';

const RANK: Record<string, number> = { TLSv1_0: 10, TLSv1_1: 11, TLSv1_2: 12, TLSv1_3: 13 };
const NAME: Record<number, string> = { 10: 'TLS 1.0', 11: 'TLS 1.1', 12: 'TLS 1.2', 13: 'TLS 1.3' };

function range(t: TlsSettings, client: boolean): [number, number] {
  return [RANK[t.minVersion ?? ''] ?? 12, RANK[t.maxVersion ?? ''] ?? (client ? 12 : 13)];
}
const show = ([lo, hi]: [number, number]) => (lo === hi ? NAME[lo]! : `${NAME[lo]}–${NAME[hi]}`);

const EMPTY = {
  en: '{what} {name} allows no TLS version: minimum {min}, maximum {max}{note}. Every handshake fails.',
  ko: '{name} {what_ko}에는 허용되는 TLS 버전이 없다. 최소 {min}, 최대 {max}{note_ko}. 모든 핸드셰이크가 실패한다.',
};
const OLD = {
  en: '{what} {name} allows only {range}. Current servers and clients refuse these versions (alert protocol_version).',
  ko: '{name} {what_ko}에서 허용하는 버전은 {range}뿐이다. 요즘 서버와 클라이언트는 이 버전을 거부한다(protocol_version 경고).',
};
const HOP = {
  en: 'Cluster {name} offers {client}, but gateway {gateway} accepts {server} on the chain for its SNI: no common version, the gateway sends alert protocol_version.',
  ko: '{name} 클러스터가 제안하는 버전은 {client}인데, {gateway} 게이트웨이는 이 SNI의 체인에서 {server}만 받는다. 공통 버전이 없어 게이트웨이가 protocol_version 경고를 보낸다.',
};

const CLUSTER_FIELD = 'EnvoyFilter (cluster transport_socket common_tls_context.tls_params)';

export const rule: Rule = {
  meta: {
    id: 'tls-version-limits',
    severity: 'error',
    title: { en: 'TLS version ranges that cannot meet', ko: '맞출 수 없는 TLS 버전 범위' },
    docs: 'egress/upstream-tls-versions/',
    catalog: 'alert-protocol-version',
    field: 'Gateway.spec.servers[].tls.minProtocolVersion / EnvoyFilter tls_params',
  },
  check(ctx) {
    const hits: Hit[] = [];
    const single = (t: TlsSettings | undefined, client: boolean, target: Hit['target'], what: { en: string; ko: string }, field: string) => {
      if (!t) return;
      const r = range(t, client);
      const base = { what: what.en, what_ko: what.ko, name: target.name };
      if (r[0] > r[1]) {
        const defaulted = client && !t.maxVersion;
        hits.push({
          target, field,
          text: text(EMPTY, { ...base, min: NAME[r[0]], max: NAME[r[1]], note: defaulted ? " (Envoy's default maximum for a client)" : '', note_ko: defaulted ? '(클라이언트의 Envoy 기본 최대값)' : '' }),
        });
      } else if (r[1] <= 11) hits.push({ target, field, text: text(OLD, { ...base, range: show(r) }), severity: 'warning' });
    };
    // A cluster's versions come from Istio's fixed 1.2..1.3 or an EnvoyFilter: meshConfig.tlsDefaults
    // sets only curves and ciphers on clusters (istio/istio 1.30.3 cluster_tls.go applyTLSDefaults;
    // its minProtocolVersion reaches listeners only: listener.go applyDownstreamTLSDefaults).
    for (const c of ctx.map.clusters) single(c.tls, true, clusterTarget(c), { en: 'Cluster', ko: '클러스터' }, CLUSTER_FIELD);
    for (const l of ctx.map.listeners) l.filterChains.forEach((fc, i) => single(fc.tls, false, chainTarget(l, i), { en: 'Filter chain', ko: '필터 체인' }, 'Gateway.spec.servers[].tls.minProtocolVersion'));
    // Hop 1: pasted sidecar → pasted gateway.
    for (const c of ctx.map.clusters) {
      if (!c.tls || !c.tls.sni || c.direction !== 'outbound') continue;
      const gw = gatewayFor(ctx, c);
      if (!gw) continue;
      const ports = gatewayPorts(c.port);
      const chain = ctx.map.listeners
        .filter((l) => l.proxy === gw.id && ports.includes(l.port))
        .flatMap((l) => l.filterChains)
        .find((fc) => fc.terminatesTls && sniMatches(fc.serverNames, c.tls!.sni!));
      if (!chain?.tls) continue;
      const a = range(c.tls, true);
      const b = range(chain.tls, false);
      if (a[0] > a[1] || b[0] > b[1]) continue; // already said above
      if (Math.max(a[0], b[0]) > Math.min(a[1], b[1])) {
        hits.push({ target: clusterTarget(c), text: text(HOP, { name: c.name, client: show(a), server: show(b), gateway: gw.workload ?? gw.file }), field: 'Gateway.spec.servers[].tls.minProtocolVersion' });
      }
    }
    return hits;
  },
};
