// Hop 1 of egress through a gateway: the sidecar's cluster to the gateway sends an SNI that no
// filter chain of the pasted gateway matches, so the gateway finds no filter chain and resets
// the connection (gateway log: NR filter_chain_not_found; sidecar: 503 UF). Istio sets the
// gateway chains' server_names from the Gateway server's `hosts`, and the sidecar's SNI from the
// hop 1 DestinationRule's `tls.sni` (double-mTLS pitfalls, pitfall 4).
import { clusterTarget, text, type Hit, type Rule } from './rule.ts';
import { gatewayFor, gatewayPorts, sniMatches } from './util.ts';

const TEXT = {
  en: 'Cluster {name} sends SNI {sni} to gateway {gateway}, but no filter chain there matches it (server_names on port {port}: {names}). The gateway resets the connection (NR filter_chain_not_found).',
  ko: '{name} 클러스터가 {gateway} 게이트웨이에 보내는 SNI는 {sni}인데, 게이트웨이의 어떤 필터 체인도 이 SNI와 맞지 않는다({port}번 포트의 server_names: {names}). 게이트웨이가 연결을 끊는다(NR filter_chain_not_found).',
};

export const rule: Rule = {
  meta: {
    id: 'hop1-sni-mismatch',
    severity: 'error',
    title: { en: 'Hop 1 SNI matches no gateway filter chain', ko: '홉 1의 SNI와 맞는 게이트웨이 필터 체인이 없음' },
    docs: 'egress/double-mtls-pitfalls/',
    catalog: 'filter-chain-not-found',
    field: 'DestinationRule.spec.subsets[].trafficPolicy.portLevelSettings[].tls.sni',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const c of ctx.map.clusters) {
      const sni = c.tls?.sni;
      // Istio's own SNI `outbound_.PORT_.SUBSET_.HOST` (auto mTLS, model.BuildDNSSrvSubsetKey) is
      // for in-mesh peers, not a gateway server's hosts: only an SNI someone wrote is hop 1's.
      if (!sni || c.direction !== 'outbound' || !c.originatesTls || sni.startsWith('outbound_.')) continue;
      const gw = gatewayFor(ctx, c);
      if (!gw) continue;
      for (const port of gatewayPorts(c.port)) {
        const listeners = ctx.map.listeners.filter((l) => l.proxy === gw.id && l.port === port && l.state !== 'draining');
        if (!listeners.length) continue;
        const chains = listeners.flatMap((l) => l.filterChains);
        // A chain without server_names that accepts TLS (or anything) is a catch-all.
        const catchAll = chains.some((fc) => fc.serverNames.length === 0 && (!fc.transportProtocol || fc.transportProtocol === 'tls')) || listeners.some((l) => l.defaultChain);
        if (catchAll || chains.some((fc) => sniMatches(fc.serverNames, sni))) break;
        const names = [...new Set(chains.flatMap((fc) => fc.serverNames))].join(', ') || '-';
        hits.push({ target: clusterTarget(c), text: text(TEXT, { name: c.name, sni, gateway: gw.workload ?? gw.file, port: port ?? '', names }) });
        break;
      }
    }
    return hits;
  },
};
