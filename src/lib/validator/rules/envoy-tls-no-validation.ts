import type { Rule } from '../types.ts';
import { envoyDocs, field, TLS_UPSTREAM, tlsContext } from '../envoy/model.ts';
import { isObj, str } from '../util.ts';

export const rule: Rule = {
  id: 'envoy-tls-no-validation',
  severity: 'warning',
  title: { ko: 'Envoy 업스트림 TLS가 서버 인증서를 검증하지 않는다', en: 'Envoy upstream TLS does not verify the server' },
  summary: {
    ko: 'Envoy는 `UpstreamTlsContext`의 `common_tls_context`에 검증 컨텍스트(`validation_context`, `validation_context_sds_secret_config`, `combined_validation_context`)가 없으면 서버 인증서를 검증하지 않는다. 어떤 서버와도 핸드셰이크가 성공하므로 중간자 공격을 막지 못한다. `validation_context.trusted_ca`(예: `filename: /etc/ssl/certs/ca-certificates.crt`)와 가능하면 `match_typed_subject_alt_names`를 쓰자.',
    en: 'Envoy does not verify the server certificate when the `UpstreamTlsContext`\'s `common_tls_context` has no validation context (`validation_context`, `validation_context_sds_secret_config` or `combined_validation_context`). The handshake succeeds with any server, so nothing stops a man in the middle. Set `validation_context.trusted_ca` (e.g. `filename: /etc/ssl/certs/ca-certificates.crt`) and, where possible, `match_typed_subject_alt_names`.',
  },
  docs: 'envoy/tls-troubleshooting/',
  check(ctx) {
    for (const d of envoyDocs(ctx)) {
      for (const c of d.clusters) {
        const tls = tlsContext(field(c.value, 'transport_socket'), TLS_UPSTREAM);
        if (!tls) continue;
        const common = field(tls, 'common_tls_context');
        const has = isObj(common) && ['validation_context', 'validation_context_sds_secret_config', 'combined_validation_context'].some((k) => field(common, k) !== undefined);
        if (has) continue;
        ctx.report({ rule: 'envoy-tls-no-validation', at: d.src, path: [...c.path, 'transport_socket', 'typed_config'], msg: {
          ko: `클러스터 \`${str(c.value.name) ?? ''}\`의 업스트림 TLS에 검증 컨텍스트가 없어 Envoy가 서버 인증서를 검증하지 않는다. 어떤 서버와도 연결된다. \`common_tls_context.validation_context.trusted_ca\`를 쓰자.`,
          en: `The upstream TLS of cluster \`${str(c.value.name) ?? ''}\` has no validation context, so Envoy does not verify the server certificate and connects to any server. Add \`common_tls_context.validation_context.trusted_ca\`.` } });
      }
    }
  },
};
