// A listener chooses filter chains by SNI (`server_names`) or by `transport_protocol: tls` but
// has no TLS inspector listener filter. Only the inspector reads the ClientHello to fill in SNI
// and the transport protocol, and Envoy no longer adds it by itself (envoyproxy/envoy
// docs/root/version_history/v1.19.0.rst: injection disabled by default behind the runtime guard
// envoy.reloadable_features.disable_tls_inspector_injection; v1.20.0.rst: guard and the old
// injecting code removed; so also in v1.38), so these chains never match: connections land on
// another chain or get no chain at all (NR filter_chain_not_found).
import { listenerTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Listener {name} matches filter chains on {what} but has no tls_inspector listener filter: those chains never match, and TLS connections get no filter chain (NR).',
  ko: '{name} 리스너는 필터 체인을 {what} 조건으로 고르지만 tls_inspector 리스너 필터가 없다. 그런 체인은 어떤 연결과도 맞지 않고, TLS 연결은 맞는 필터 체인을 찾지 못한다(NR).',
};

export const rule: Rule = {
  meta: {
    id: 'tls-inspector-missing',
    severity: 'error',
    title: { en: 'SNI matching without the TLS inspector', ko: 'TLS 인스펙터 없는 SNI 매칭' },
    docs: 'patterns/passthrough/',
    catalog: 'filter-chain-not-found',
    field: 'listener_filters (EnvoyFilter / hand-written listener)',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const l of ctx.map.listeners) {
      if (l.tlsInspector) continue;
      const sni = l.filterChains.some((fc) => fc.serverNames.length > 0);
      const tp = l.filterChains.some((fc) => fc.transportProtocol === 'tls');
      if (!sni && !tp) continue;
      hits.push({ target: listenerTarget(l), text: text(TEXT, { name: l.name, what: [sni && 'server_names', tp && 'transport_protocol tls'].filter(Boolean).join(', ') }) });
    }
    return hits;
  },
};
