import type { Rule } from '../types.ts';
import { strs } from '../util.ts';
import { gwKey } from './_kit.ts';
import { gwRef } from '../util.ts';

export const rule: Rule = {
  id: 'vs-gateway-missing',
  severity: 'warning',
  title: { ko: 'VirtualService가 없는 Gateway를 가리킨다', en: 'VirtualService refers to a Gateway that is not there' },
  summary: {
    ko: '`gateways`의 이름은 `<네임스페이스>/<이름>`으로 찾고, 네임스페이스를 생략하면 VirtualService의 네임스페이스에서 찾는다. 그런 Gateway가 없으면 이 VS는 어느 게이트웨이에도 붙지 않고, 트래픽은 라우트 없이 `404`나 `NR`로 끝난다. `istio-system/partner-gateway`처럼 네임스페이스를 붙여 쓰자. 번들에 Gateway가 하나도 없으면 일부만 붙여 넣은 것으로 보고 조용히 넘어간다.',
    en: 'Names in `gateways` are looked up as `<namespace>/<name>`; without a namespace, in the VirtualService\'s own namespace. If no such Gateway exists, the VS attaches to no gateway and traffic ends without a route (`404`, `NR`). Write the namespace, e.g. `istio-system/partner-gateway`. When the bundle has no Gateway at all it is treated as a partial paste and the rule stays quiet.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    const gws = ctx.index.kind('Gateway');
    if (!gws.length) return;
    const keys = new Set(gws.map(gwKey));
    for (const vs of ctx.index.kind('VirtualService')) {
      strs(vs.spec.gateways).forEach((g, i) => {
        if (g === 'mesh') return;
        const key = gwRef(g, vs.ns);
        if (keys.has(key)) return;
        const byName = gws.find((x) => x.name === key.split('/')[1]);
        const hint = byName ? gwKey(byName) : undefined;
        ctx.report({ rule: 'vs-gateway-missing', at: vs, path: ['spec', 'gateways', i], on: 'value', msg: {
          ko: `\`${g}\`는 \`${key}\`로 해석되는데 그런 Gateway가 번들에 없다. 이 VS는 그 게이트웨이에 붙지 않아 트래픽이 라우트를 찾지 못한다.${hint ? ` \`${hint}\`를 뜻했나?` : ''}`,
          en: `\`${g}\` resolves to \`${key}\`, and the bundle has no such Gateway. The VS does not attach to it and traffic finds no route.${hint ? ` Did you mean \`${hint}\`?` : ''}` } });
      });
    }
  },
};
