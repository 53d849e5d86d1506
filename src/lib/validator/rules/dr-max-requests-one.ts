import type { Rule } from '../types.ts';
import { arr, isObj } from '../util.ts';

export const rule: Rule = {
  id: 'dr-max-requests-one',
  severity: 'warning',
  title: { ko: '요청마다 새 연결(maxRequestsPerConnection: 1)', en: 'A new connection per request (maxRequestsPerConnection: 1)' },
  summary: {
    ko: '`http.maxRequestsPerConnection: 1`은 요청마다 연결을 새로 연다는 뜻이라 연결 재사용(keepalive)이 사라진다. 업스트림이 TLS면 요청마다 TCP와 TLS 핸드셰이크를 다시 해 지연과 CPU가 늘고, 게이트웨이처럼 연결이 모이는 곳에서는 포트 고갈까지 간다. 연결을 주기적으로 바꾸려는 목적이면 수백에서 수천 같은 값이나 `tcp.maxConnectionDuration`을 쓰자.',
    en: '`http.maxRequestsPerConnection: 1` opens a new connection for every request, which turns connection reuse (keepalive) off. With TLS upstream, every request pays a TCP and TLS handshake, adding latency and CPU; where connections converge, such as an egress gateway, it can exhaust ports. To rotate connections, use a value in the hundreds or thousands, or `tcp.maxConnectionDuration`.',
  },
  docs: 'egress/connection-tuning/',
  check(ctx) {
    for (const dr of ctx.index.kind('DestinationRule')) {
      const visit = (tp: unknown, path: (string | number)[]) => {
        if (!isObj(tp)) return;
        const cp = tp.connectionPool;
        if (isObj(cp) && isObj(cp.http) && cp.http.maxRequestsPerConnection === 1) {
          ctx.report({ rule: 'dr-max-requests-one', at: dr, path: [...path, 'connectionPool', 'http', 'maxRequestsPerConnection'], on: 'value', msg: {
            ko: '`maxRequestsPerConnection: 1`은 요청마다 새 연결(TLS라면 새 핸드셰이크)을 연다. 지연과 CPU가 늘고 연결이 모이는 게이트웨이에서는 포트가 고갈될 수 있다. 연결 교체가 목적이라면 `1000` 같은 값이나 `tcp.maxConnectionDuration`을 쓰자.',
            en: '`maxRequestsPerConnection: 1` opens a new connection (and, with TLS, a new handshake) per request: more latency and CPU, and port exhaustion where connections converge at a gateway. To rotate connections use a value such as `1000` or `tcp.maxConnectionDuration`.' } });
        }
        arr(tp.portLevelSettings).forEach((p, i) => visit(p, [...path, 'portLevelSettings', i]));
      };
      visit(dr.spec.trafficPolicy, ['spec', 'trafficPolicy']);
      arr(dr.spec.subsets).forEach((s, i) => { if (isObj(s)) visit(s.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy']); });
    }
  },
};
