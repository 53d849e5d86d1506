// A gateway proxy sees the VirtualServices exported to its own namespace: istio 1.30.3
// pilot/pkg/model/push_context.go VirtualServicesForGateway(proxyNamespace, gateway) indexes them by
// the proxy's namespace, not by the Gateway resource's. So `exportTo` must include the namespace
// where the gateway workload the Gateway's selector picks runs.
import type { Rule } from '../types.ts';
import { gwRef, strs, visibleFrom } from '../util.ts';
import { gatewayWorkloadNs } from './_kit.ts';

const ID = 'vs-exportto-gateway';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: 'exportTo 때문에 게이트웨이가 볼 수 없는 VirtualService', en: 'VirtualService hidden from its gateway by exportTo' },
  summary: {
    ko: '게이트웨이 프록시는 자기 네임스페이스로 내보낸(`exportTo`) VirtualService만 본다. 기준은 Gateway 리소스의 네임스페이스가 아니라 Gateway의 `selector`가 고르는 게이트웨이 워크로드의 네임스페이스다. `exportTo: ["."]`로 VS를 자기 네임스페이스에 가두면, Gateway를 같은 네임스페이스에 두었어도 `istio-system`의 인그레스 게이트웨이는 이 VS를 보지 못한다. 라우트가 붙지 않고 요청은 `404`(`NR`)로 끝난다. `exportTo`를 지우거나 게이트웨이 워크로드의 네임스페이스를 넣자(예: `exportTo: [".", "istio-system"]`). 워크로드 네임스페이스는 `secret-namespace`처럼 붙여 넣은 Deployment·Pod나 기본 설치로 정하고, 알 수 없으면 `info`로 알린다.',
    en: 'A gateway proxy sees only the VirtualServices exported (`exportTo`) to its own namespace: the namespace of the gateway workload the Gateway\'s `selector` picks, not the Gateway resource\'s. A VS confined with `exportTo: ["."]` is invisible to the ingress gateway in `istio-system` even when its Gateway sits in the VS\'s namespace: no route attaches and requests end in `404` (`NR`). Remove `exportTo` or include the gateway workload\'s namespace, e.g. `exportTo: [".", "istio-system"]`. The workload\'s namespace comes, as for `secret-namespace`, from a pasted Deployment or Pod or the default install; when unknown, an `info` says what to check.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      if (!strs(vs.spec.exportTo).length) continue;
      strs(vs.spec.gateways).forEach((g, i) => {
        if (g === 'mesh') return;
        const key = gwRef(g, vs.ns);
        const gw = ctx.index.gatewaysByKey.get(key);
        const wl = gw ? gatewayWorkloadNs(gw, ctx.resources, { complete: ctx.complete }) : undefined;
        // Without the Gateway in the paste, its own namespace is the best guess (the usual layout).
        const ns = wl?.ns ?? (gw ? undefined : key.split('/')[0]!);
        if (ns === undefined) {
          ctx.report({ rule: ID, at: vs, path: ['spec', 'exportTo'], severity: 'info', msg: {
            ko: `이 VS는 \`exportTo\`(${strs(vs.spec.exportTo).join(', ')})에 있는 네임스페이스의 프록시에만 보인다. Gateway \`${key}\`의 게이트웨이 워크로드가 어느 네임스페이스에서 도는지 붙여 넣은 내용으로는 알 수 없다. 그 네임스페이스가 \`exportTo\`에 있는지 확인하자.`,
            en: `This VS is visible only to proxies in its \`exportTo\` namespaces (${strs(vs.spec.exportTo).join(', ')}). The paste does not tell which namespace the gateway workload of Gateway \`${key}\` runs in: check that it is in \`exportTo\`.` } });
          return;
        }
        if (visibleFrom(vs, ns)) return;
        ctx.report({ rule: ID, at: vs, path: ['spec', 'gateways', i], on: 'value', msg: {
          ko: `Gateway \`${key}\`의 게이트웨이 워크로드는 \`${ns}\`에서 도는데 이 VS의 \`exportTo\`에 \`${ns}\`가 없다. 게이트웨이가 VS를 보지 못해 라우트가 붙지 않는다. \`exportTo\`에 \`${ns}\`를 더하거나 \`exportTo\`를 지우자.`,
          en: `The gateway workload of Gateway \`${key}\` runs in \`${ns}\`, which this VS's \`exportTo\` does not include. The gateway cannot see the VS, so its routes never attach. Add \`${ns}\` to \`exportTo\` or remove \`exportTo\`.` } });
      });
    }
  },
};
