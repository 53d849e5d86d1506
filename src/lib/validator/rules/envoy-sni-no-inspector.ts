import type { Rule } from '../types.ts';
import { envoyDocs, field, filterChains } from '../envoy/model.ts';
import { arr, isObj, str } from '../util.ts';

export const rule: Rule = {
  id: 'envoy-sni-no-inspector',
  severity: 'error',
  title: { ko: 'SNI로 필터 체인을 고르는데 tls_inspector가 없다', en: 'SNI filter chain match without tls_inspector' },
  summary: {
    ko: '`filter_chain_match.server_names`(또는 `transport_protocol: tls`, `application_protocols`)로 필터 체인을 고르려면 리스너가 ClientHello를 먼저 읽어야 한다. 그 일을 하는 것이 `listener_filters`의 `tls_inspector`다. 없으면 SNI가 비어 어떤 체인에도 매치되지 않고 연결이 바로 닫힌다. 리스너에 `listener_filters: [{ name: envoy.filters.listener.tls_inspector, typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector } }]`를 더하자.',
    en: 'To choose a filter chain by `filter_chain_match.server_names` (or `transport_protocol: tls`, `application_protocols`) the listener must read the ClientHello first, which is the job of `tls_inspector` in `listener_filters`. Without it the SNI is empty, no chain matches and connections are closed at once. Add `listener_filters: [{ name: envoy.filters.listener.tls_inspector, typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector } }]`.',
  },
  docs: 'patterns/passthrough/',
  check(ctx) {
    for (const d of envoyDocs(ctx)) {
      for (const l of d.listeners) {
        const hasInspector = arr(field(l.value, 'listener_filters')).some((f) => isObj(f) && (
          /tls_inspector/.test(str(f.name) ?? '') || /TlsInspector$/.test(str(isObj(field(f, 'typed_config')) ? (field(f, 'typed_config') as Record<string, unknown>)['@type'] : undefined) ?? '')));
        if (hasInspector) continue;
        for (const fc of filterChains(l)) {
          const m = field(fc.value, 'filter_chain_match');
          if (!isObj(m)) continue;
          const needs = ['server_names', 'application_protocols'].find((k) => arr(field(m, k)).length > 0) ?? (field(m, 'transport_protocol') === 'tls' ? 'transport_protocol' : undefined);
          if (!needs) continue;
          ctx.report({ rule: 'envoy-sni-no-inspector', at: d.src, path: [...fc.path, 'filter_chain_match', needs], msg: {
            ko: `\`${needs}\`로 필터 체인을 고르는데 리스너 \`${str(l.value.name) ?? ''}\`에 \`tls_inspector\`가 없다. ClientHello를 읽지 않아 SNI가 비고, 어떤 체인에도 매치되지 않아 연결이 닫힌다. \`listener_filters\`에 \`tls_inspector\`를 더하자.`,
            en: `Filter chains are chosen by \`${needs}\`, but listener \`${str(l.value.name) ?? ''}\` has no \`tls_inspector\`. The ClientHello is never read, the SNI stays empty, no chain matches and connections close. Add \`tls_inspector\` to \`listener_filters\`.` } });
        }
      }
    }
  },
};
