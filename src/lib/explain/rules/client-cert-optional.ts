// A gateway chain that verifies client certificates against a CA but does not require one:
// `require_client_certificate` false with a validation context. That is Istio's
// OPTIONAL_MUTUAL (istio/istio 1.30.3 pilot/pkg/networking/core/listener.go
// BuildListenerTLSContext: only MUTUAL and ISTIO_MUTUAL set it true, and never on QUIC). Clients without a certificate get in; if the
// partner or policy expects mutual TLS here, the server mode is the field to change.
import { chainTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Filter chain {name} ({names}) checks client certificates against {ca} but does not require one: a client without a certificate is let in (OPTIONAL_MUTUAL).',
  ko: '{name} 필터 체인({names})은 클라이언트 인증서를 {ca}의 CA로 검사하지만 인증서를 요구하지는 않는다. 인증서가 없는 클라이언트도 들어온다(OPTIONAL_MUTUAL).',
};

export const rule: Rule = {
  meta: {
    id: 'client-cert-optional',
    severity: 'info',
    title: { en: 'Client certificate checked but not required', ko: '검사하지만 요구하지 않는 클라이언트 인증서' },
    docs: 'patterns/mutual-tls/',
    catalog: 'peer-did-not-return-certificate',
    field: 'Gateway.spec.servers[].tls.mode',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const l of ctx.map.listeners) {
      if (l.inboundMode) continue; // the sidecar's inbound: Istio requires it on every mTLS chain
      l.filterChains.forEach((fc, i) => {
        if (!fc.terminatesTls || !fc.tls?.trustedCa || fc.tls.requireClientCertificate) return;
        hits.push({ target: chainTarget(l, i), text: text(TEXT, { name: `${l.name}#${i}`, names: fc.serverNames.join(', ') || '*', ca: fc.tls.trustedCa.name }) });
      });
    }
    return hits;
  },
};
