import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'align-port',
  severity: 'error',
  title: { ko: '게이트웨이 매치 포트가 Gateway 서버 포트와 다르다', en: 'Gateway match port differs from the Gateway server port' },
  summary: {
    ko: 'VirtualService 라우트의 `match.port`가 게이트웨이 쪽(`match.gateways: [<gateway>]`)이면, 그 값은 Gateway 서버의 `port.number`(게이트웨이 Envoy가 실제로 여는 포트)와 같아야 한다. 다르면 라우트가 매치되지 않아 게이트웨이에서 `404`(`NR`)가 난다. Service 포트(예: 443)와 컨테이너 포트(예: 8443)를 헷갈리는 경우가 흔하다. Gateway에 쓴 포트 번호를 그대로 쓰자.',
    en: 'For a route whose match targets a gateway (`match.gateways: [<gateway>]`), `match.port` must equal that Gateway server\'s `port.number`, the port the gateway\'s Envoy really listens on. Otherwise the route never matches and the gateway answers `404` (`NR`). Mixing up the Service port (e.g. 443) and the container port (e.g. 8443) is the usual cause. Use the number written in the Gateway.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      for (const r of ctx.index.routes(vs)) {
        const gws = r.gateways.filter((g) => g !== 'mesh');
        if (!gws.length || r.gateways.includes('mesh')) continue;
        r.ports.forEach((port, mi) => {
          if (port === undefined) return;
          for (const g of gws) {
            const ports = (ctx.index.serversByGw.get(g) ?? []).map((s) => s.port);
            if (!ports.length || ports.includes(port)) continue;
            ctx.report({ rule: 'align-port', at: vs, path: ['spec', r.kind, r.index, 'match', mi, 'port'], on: 'value', msg: {
              ko: `게이트웨이 \`${g}\`용 라우트의 \`port: ${port}\`가 Gateway 서버 포트(${ports.join(', ')})와 다르다. 라우트가 매치되지 않아 게이트웨이에서 \`404\`가 난다. \`port: ${ports[0]}\`로 맞추자.`,
              en: `This route for gateway \`${g}\` matches \`port: ${port}\`, but the Gateway server listens on ${ports.join(', ')}. The route never matches and the gateway answers \`404\`. Write \`port: ${ports[0]}\`.` } });
          }
        });
      }
    }
  },
};
