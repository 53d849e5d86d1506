import type { Resource, Rule } from '../types.ts';
import { isObj, str } from '../util.ts';
import { drPolicies, drHost } from './_kit.ts';

const isPA = (r: Resource) => r.group === 'security.istio.io' && r.kind === 'PeerAuthentication';

export const rule: Rule = {
  id: 'mtls-mode-conflict',
  severity: 'error',
  title: { ko: 'STRICT mTLS 대상에 TLS를 끈 DR', en: 'DR disables TLS toward STRICT mTLS workloads' },
  summary: {
    ko: 'PeerAuthentication이 `mtls.mode: STRICT`인 워크로드는 상호 TLS 연결만 받는다. 그쪽으로 가는 DestinationRule이 `tls.mode: DISABLE`이면 사이드카가 평문을 보내고 서버 쪽 사이드카가 연결을 끊는다(`upstream connect error ... connection termination`, `503`). DR의 `tls`를 지워 자동 mTLS에 맡기거나 `ISTIO_MUTUAL`로 쓰자. 워크로드 셀렉터가 있는 PeerAuthentication은 어느 서비스에 해당하는지 알 수 없어 조용히 넘어간다.',
    en: 'Workloads under a PeerAuthentication with `mtls.mode: STRICT` accept mutual TLS only. A DestinationRule toward them with `tls.mode: DISABLE` makes the sidecar send plaintext, and the server-side sidecar drops the connection (`upstream connect error ... connection termination`, `503`). Remove the DR\'s `tls` and let auto mTLS work, or write `ISTIO_MUTUAL`. PeerAuthentications with a workload selector cannot be mapped to services from YAML alone and are skipped.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    const strict = ctx.resources.filter((r) => isPA(r) && !r.spec.selector && isObj(r.spec.mtls) && str(r.spec.mtls.mode) === 'STRICT');
    if (!strict.length) return;
    const meshWide = strict.some((p) => p.ns === 'istio-system');
    const strictNs = new Set(strict.map((p) => p.ns));
    for (const dr of ctx.resources.filter((r) => r.group === 'networking.istio.io' && r.kind === 'DestinationRule')) {
      const host = drHost(dr);
      const m = /^[^.]+\.([^.]+)\.svc\.cluster\.local$/.exec(host) ?? /^\*\.([^.]+)\.svc\.cluster\.local$/.exec(host);
      const ns = m?.[1];
      if (!ns || !(meshWide || strictNs.has(ns))) continue;
      for (const { tp, path } of drPolicies(dr)) {
        if (!isObj(tp.tls) || str(tp.tls.mode) !== 'DISABLE') continue;
        ctx.report({ rule: 'mtls-mode-conflict', at: dr, path: [...path, 'tls', 'mode'], on: 'value', msg: {
          ko: `\`${host}\`의 워크로드는 PeerAuthentication \`STRICT\`라 상호 TLS만 받는데, 이 DR은 \`tls.mode: DISABLE\`로 평문을 보낸다. 연결이 끊겨 \`503\`이 난다. 이 \`tls\`를 지우거나 \`ISTIO_MUTUAL\`로 쓰자.`,
          en: `Workloads behind \`${host}\` accept only mutual TLS (PeerAuthentication \`STRICT\`), but this DR sends plaintext (\`tls.mode: DISABLE\`). Connections are dropped with \`503\`. Remove this \`tls\` or write \`ISTIO_MUTUAL\`.` } });
      }
    }
  },
};
