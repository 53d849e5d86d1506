// The sidecar's inbound listener (virtualInbound, port 15006) accepts plaintext. Istio builds
// plaintext (raw_buffer) chains beside the mTLS ones only for PERMISSIVE, and only plaintext
// chains for DISABLE (istio 1.30.3 pilot/pkg/networking/core/filterchain_options.go). If the
// namespace is meant to be STRICT, the PeerAuthentication is not applied to this workload
// (wrong namespace, a selector that does not match, or a port-level override).
import { listenerTarget, text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Inbound listener {name} is {mode}: it accepts plaintext on {ports}. If this workload is meant to be STRICT, no STRICT PeerAuthentication reaches it (check its namespace, selector and portLevelMtls).',
  ko: '{name} 인바운드 리스너는 {mode} 모드다. {ports}에서 평문을 받는다. 이 워크로드가 STRICT여야 한다면 이 워크로드에 적용되는 STRICT PeerAuthentication이 없는 것이다(PeerAuthentication의 네임스페이스, selector, portLevelMtls를 확인한다).',
};

export const rule: Rule = {
  meta: {
    id: 'permissive-inbound',
    severity: 'warning',
    title: { en: 'Inbound accepts plaintext (PERMISSIVE)', ko: '평문을 받는 인바운드(PERMISSIVE)' },
    docs: 'patterns/mutual-tls/',
    field: 'PeerAuthentication.spec.mtls.mode',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const l of ctx.map.listeners) {
      if (!l.inboundMode || l.inboundMode === 'STRICT' || l.state === 'draining') continue;
      const ports = (l.plaintextPorts ?? []).map((p) => (p === 0 ? 'other ports' : String(p)));
      const portsKo = (l.plaintextPorts ?? []).map((p) => (p === 0 ? '그 밖의 포트' : `${p}번`));
      const t = text(TEXT, { name: l.name, mode: l.inboundMode, ports: ports.join(', ') || '-' });
      t.ko = text(TEXT, { name: l.name, mode: l.inboundMode, ports: portsKo.join(', ') || '-' }).ko;
      hits.push({ target: listenerTarget(l), text: t, field: 'PeerAuthentication.spec.mtls.mode' });
    }
    return hits;
  },
};
