import type { Rule } from '../types.ts';
import { envoyDocs, field, filterChains, TLS_DOWNSTREAM, tlsContext } from '../envoy/model.ts';
import { isObj } from '../util.ts';

export const rule: Rule = {
  id: 'envoy-client-cert-no-ca',
  severity: 'error',
  title: { ko: '클라이언트 인증서를 요구하지만 신뢰할 CA가 없다', en: 'Client certificates required, but no trusted CA' },
  summary: {
    ko: '`DownstreamTlsContext`에 `require_client_certificate: true`를 쓰고 `common_tls_context`에 검증 컨텍스트(`validation_context.trusted_ca` 등)를 두지 않으면, Envoy는 클라이언트 인증서를 검증할 기준이 없다. 상호 TLS가 의도대로 동작하지 않는다. 클라이언트 인증서를 발급한 CA를 `validation_context.trusted_ca`로 지정하자.',
    en: 'With `require_client_certificate: true` in a `DownstreamTlsContext` and no validation context (`validation_context.trusted_ca` and friends) in `common_tls_context`, Envoy has nothing to verify client certificates against, so mutual TLS does not work as intended. Name the CA that issued the client certificates in `validation_context.trusted_ca`.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    for (const d of envoyDocs(ctx)) {
      for (const l of d.listeners) {
        for (const fc of filterChains(l)) {
          const tls = tlsContext(field(fc.value, 'transport_socket'), TLS_DOWNSTREAM);
          if (!tls || field(tls, 'require_client_certificate') !== true) continue;
          const common = field(tls, 'common_tls_context');
          const has = isObj(common) && ['validation_context', 'validation_context_sds_secret_config', 'combined_validation_context'].some((k) => field(common, k) !== undefined);
          if (has) continue;
          ctx.report({ rule: 'envoy-client-cert-no-ca', at: d.src, path: [...fc.path, 'transport_socket', 'typed_config', 'require_client_certificate'], msg: {
            ko: '`require_client_certificate: true`인데 클라이언트 인증서를 검증할 CA(`validation_context.trusted_ca`)가 없다. 상호 TLS가 의도대로 동작하지 않는다. 클라이언트 인증서를 발급한 CA를 지정하자.',
            en: '`require_client_certificate: true` without a CA to verify client certificates (`validation_context.trusted_ca`): mutual TLS does not work as intended. Name the CA that issued the client certificates.' } });
        }
      }
    }
  },
};
