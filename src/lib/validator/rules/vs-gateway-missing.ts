import type { Rule } from '../types.ts';
import { distance, gwRef, strs } from '../util.ts';
import { gwKey, isInternalGatewayRef } from './_kit.ts';

export const rule: Rule = {
  id: 'vs-gateway-missing',
  severity: 'warning',
  istioctl: 'IST0101',
  title: { ko: 'VirtualService가 없는 Gateway를 가리킨다', en: 'VirtualService refers to a Gateway that is not there' },
  summary: {
    ko: '`gateways`의 이름은 `<네임스페이스>/<이름>`으로 찾고, 네임스페이스를 생략하면 VirtualService의 네임스페이스에서 찾는다. 그런 Gateway가 없으면 이 VS는 어느 게이트웨이에도 붙지 않고, 트래픽은 라우트 없이 `404`나 `NR`로 끝난다(istioctl IST0101). 붙여 넣은 내용에 같은 이름의 Gateway가 다른 네임스페이스에 있거나 이름이 한 글자만 다른 Gateway가 있으면 거의 확실한 실수라 경고한다. `istio-system/partner-gateway`처럼 네임스페이스를 붙여 쓰자. 그 밖의 경우는 Gateway가 클러스터에만 있을 수도 있으므로(일부만 붙여 넣은 경우) `info`로만 알리고, 번들에 Gateway가 하나도 없으면 아무 말도 하지 않는다. 붙여 넣은 내용을 클러스터 전체로 읽을 때는 없는 Gateway가 모두 오류다.',
    en: 'Names in `gateways` are looked up as `<namespace>/<name>`; without a namespace, in the VirtualService\'s own namespace. If no such Gateway exists, the VS attaches to no gateway and traffic ends without a route (`404`, `NR`) (istioctl IST0101). When the paste has a Gateway of that name in another namespace, or one whose name differs by one letter, it is almost certainly a mistake and a warning: write the namespace, e.g. `istio-system/partner-gateway`. Otherwise the Gateway may simply live in the cluster and not in the paste, so it is only an `info`; with no Gateway in the bundle at all the rule stays quiet. Reading the paste as the whole cluster, every missing Gateway is an error.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    // istioctl's virtualservice.GatewayAnalyzer (istio 1.30.3 .../virtualservice/gateways.go).
    const gws = ctx.index.gateways;
    if (!gws.length && !ctx.complete) return;
    const keys = ctx.index.gatewaysByKey;
    for (const vs of ctx.index.vss) {
      strs(vs.spec.gateways).forEach((g, i) => {
        if (g === 'mesh' || isInternalGatewayRef(g)) return;
        const key = gwRef(g, vs.ns);
        if (keys.has(key)) return;
        const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
        // The same name in another namespace, else a near-miss name (in any namespace).
        const sameName = (ctx.index.gatewaysByName.get(name) ?? [])[0];
        // Near miss: one edit away (ingressgateway vs egressgateway, two edits, are different gateways).
        const close = sameName ? undefined : [...ctx.index.gatewaysByName.keys()].find((n) => distance(n.toLowerCase(), name.toLowerCase(), 1) <= 1);
        const hint = sameName ? gwKey(sameName) : close ? gwKey(ctx.index.gatewaysByName.get(close)![0]!) : undefined;
        const where = g.includes('/')
          ? { ko: `Gateway \`${key}\`가 붙여 넣은 내용에 없다.`, en: `Gateway \`${key}\` is not in the paste.` }
          : { ko: `\`${g}\`는 VS의 네임스페이스에서 \`${key}\`로 찾는데, 그런 Gateway가 붙여 넣은 내용에 없다.`, en: `\`${g}\` is looked up in the VS's namespace as \`${key}\`, and the paste has no such Gateway.` };
        if (hint) {
          const why = sameName ? { ko: `같은 이름의 Gateway가 \`${sameName.ns}\`에 있다.`, en: `A Gateway of that name exists in \`${sameName.ns}\`.` } : { ko: '이름이 비슷한 Gateway가 있다.', en: 'A Gateway with a similar name exists.' };
          ctx.report({ rule: 'vs-gateway-missing', at: vs, path: ['spec', 'gateways', i], on: 'value', severity: ctx.complete ? 'error' : undefined, msg: {
            ko: `${where.ko} ${why.ko} 이대로면 이 VS는 게이트웨이에 붙지 않아 트래픽이 라우트를 찾지 못한다. \`${hint}\`를 뜻했나?`,
            en: `${where.en} ${why.en} As written, the VS does not attach to it and traffic finds no route. Did you mean \`${hint}\`?` } });
        } else if (ctx.complete) {
          ctx.report({ rule: 'vs-gateway-missing', at: vs, path: ['spec', 'gateways', i], on: 'value', severity: 'error', msg: {
            ko: `${where.ko} 이 VS는 어느 게이트웨이에도 붙지 않아 트래픽이 라우트를 찾지 못한다.`,
            en: `${where.en} The VS attaches to no gateway and traffic finds no route.` } });
        } else {
          ctx.report({ rule: 'vs-gateway-missing', at: vs, path: ['spec', 'gateways', i], on: 'value', severity: 'info', msg: {
            ko: `${where.ko} 클러스터에 있다면 문제없지만, \`${ns}\` 네임스페이스에 \`${name}\` Gateway가 없다면 이 VS는 게이트웨이에 붙지 않는다.`,
            en: `${where.en} That is fine if it exists in the cluster; if there is no Gateway \`${name}\` in namespace \`${ns}\`, this VS attaches to no gateway.` } });
        }
      });
    }
  },
};
