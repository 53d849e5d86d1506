// A workload in a ztunnel dump whose tunnel protocol is TCP: ztunnel reaches it without HBONE,
// so nothing of ztunnel's mTLS protects traffic to it. istiod gives a pod HBONE only when it is
// enrolled in ambient mode (the CNI's `ambient.istio.io/redirection: enabled` annotation) or
// speaks the tunnel itself (istio 1.30.3 pilot/pkg/serviceregistry/ambient/workloads.go
// setTunnelProtocol); everything else is TCP. A pod with its own sidecar can still demand mTLS.
import { text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Workload {name} in namespace {ns} is reached over plain TCP, not HBONE: it is not enrolled in ambient mode, so ztunnel does not encrypt traffic to it. Label the namespace istio.io/dataplane-mode=ambient if it should be in the mesh (a pod with a sidecar may still require mTLS itself).',
  ko: '{ns} 네임스페이스의 {name} 워크로드는 HBONE이 아니라 평문 TCP로 연결된다. 앰비언트 모드에 들어 있지 않아 ztunnel이 이 워크로드로 가는 트래픽을 암호화하지 않는다. 메시에 넣어야 한다면 네임스페이스에 istio.io/dataplane-mode=ambient 레이블을 붙인다(사이드카가 있는 파드는 그래도 스스로 mTLS를 요구할 수 있다).',
};

export const rule: Rule = {
  meta: {
    id: 'ztunnel-plaintext-workload',
    severity: 'info',
    title: { en: 'Workload outside ambient mode (plain TCP)', ko: '앰비언트 모드 밖의 워크로드(평문 TCP)' },
    docs: 'ambient/mutual-tls/',
    field: 'Namespace label istio.io/dataplane-mode',
  },
  check(ctx) {
    const hits: Hit[] = [];
    for (const w of ctx.map.workloads) {
      if (w.protocol !== 'TCP') continue;
      hits.push({ target: { kind: 'workload', proxy: w.proxy, name: `${w.namespace}/${w.name}` }, text: text(TEXT, { name: w.name, ns: w.namespace }) });
    }
    return hits;
  },
};
