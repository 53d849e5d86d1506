import type { Rule } from '../types.ts';
import { strs, visibleFrom } from '../util.ts';
import { gwRef } from '../util.ts';

export const rule: Rule = {
  id: 'vs-exportto-gateway',
  severity: 'error',
  title: { ko: 'exportTo 때문에 Gateway가 볼 수 없는 VirtualService', en: 'VirtualService hidden from its Gateway by exportTo' },
  summary: {
    ko: '다른 네임스페이스의 Gateway에 붙는 VirtualService는 그 게이트웨이에 보여야 한다. `exportTo: ["."]`처럼 자기 네임스페이스로 가두면 게이트웨이는 이 VS를 보지 못해 라우트가 붙지 않고, 요청은 `404`(`NR`)로 끝난다. `exportTo`를 지우거나 게이트웨이 네임스페이스를 넣자(예: `exportTo: [".", "istio-system"]`).',
    en: 'A VirtualService bound to a Gateway in another namespace must be visible there. With `exportTo: ["."]` it stays in its own namespace, the gateway never sees it, and requests end in `404` (`NR`). Remove `exportTo` or include the gateway\'s namespace, e.g. `exportTo: [".", "istio-system"]`.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    for (const vs of ctx.index.kind('VirtualService')) {
      if (!strs(vs.spec.exportTo).length) continue;
      strs(vs.spec.gateways).forEach((g, i) => {
        if (g === 'mesh') return;
        const ns = gwRef(g, vs.ns).split('/')[0]!;
        if (ns === vs.ns || visibleFrom(vs, ns)) return;
        ctx.report({ rule: 'vs-exportto-gateway', at: vs, path: ['spec', 'gateways', i], on: 'value', msg: {
          ko: `Gateway \`${g}\`는 네임스페이스 \`${ns}\`에 있는데 이 VS의 \`exportTo\`에 \`${ns}\`가 없다. 게이트웨이가 VS를 보지 못해 라우트가 붙지 않는다. \`exportTo\`에 \`${ns}\`를 더하거나 \`exportTo\`를 지우자.`,
          en: `Gateway \`${g}\` lives in namespace \`${ns}\`, which this VS's \`exportTo\` does not include. The gateway cannot see the VS, so its routes never attach. Add \`${ns}\` to \`exportTo\` or remove \`exportTo\`.` } });
      });
    }
  },
};
