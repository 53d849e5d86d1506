import type { Rule } from '../types.ts';
import type { Resource } from '../types.ts';
import { isObj, str, strs } from '../util.ts';
import { gwKey, vsBindsMesh, vsGateways } from './_kit.ts';

export const rule: Rule = {
  id: 'vs-mesh-route-missing',
  severity: 'warning',
  title: { ko: '이그레스 게이트웨이로 꺾는 메시 라우트가 없다', en: 'No mesh route to the egress gateway' },
  summary: {
    ko: '이그레스 게이트웨이에 붙은 VirtualService에 메시 라우트(`mesh`에 걸려 사이드카에서 게이트웨이로 보내는 라우트)가 없으면, 사이드카는 트래픽을 게이트웨이로 보내지 않는다. `ALLOW_ANY`에서는 사이드카가 외부로 바로 나가 요청은 `200`으로 성공하지만 게이트웨이도 이중 mTLS도 거치지 않는다. `gateways`에 `mesh`를 넣고, `match.gateways: [mesh]`인 라우트에서 목적지를 게이트웨이 Service로 두자. 게이트웨이 액세스 로그로 경유를 확인하고 `REGISTRY_ONLY`로 우회를 막자.',
    en: 'If a VirtualService attached to an egress gateway has no `mesh` route (the route that sends sidecar traffic to the gateway), sidecars never send traffic to the gateway. Under `ALLOW_ANY` the sidecar goes straight out: requests succeed with `200` but skip the gateway and both mTLS hops. Add `mesh` to `gateways` and a route with `match.gateways: [mesh]` whose destination is the gateway Service. Prove the path in the gateway access log and block the bypass with `REGISTRY_ONLY`.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    const egress = new Set(ctx.index.gateways
      .filter((g) => isObj(g.spec.selector) && Object.values(g.spec.selector).some((v) => /egress/.test(String(v))))
      .map(gwKey));
    if (!egress.size) return;
    // Mesh-bound VirtualServices by host: another one for the same host routes the sidecars.
    const meshByHost = new Map<string, Set<Resource>>();
    for (const o of ctx.index.vss) {
      if (!vsBindsMesh(o)) continue;
      for (const h of strs(o.spec.hosts)) (meshByHost.get(h) ?? meshByHost.set(h, new Set()).get(h)!).add(o);
    }
    for (const vs of ctx.index.vss) {
      if (!vsGateways(vs).some((g) => egress.has(g))) continue;
      const hosts = strs(vs.spec.hosts);
      const meshElsewhere = hosts.some((h) => [...(meshByHost.get(h) ?? [])].some((o) => o !== vs));
      if (meshElsewhere) continue;
      const meshRoutes = ctx.index.routes(vs).filter((r) => r.gateways.includes('mesh'));
      if (!vsBindsMesh(vs)) {
        ctx.report({ rule: 'vs-mesh-route-missing', at: vs, path: ['spec', 'gateways'], msg: {
          ko: `이그레스 게이트웨이에 붙은 VS인데 \`gateways\`에 \`mesh\`가 없고, 같은 호스트(${hosts.join(', ')})의 메시 VS도 없다. 사이드카는 게이트웨이로 보내지 않고 바로 외부로 나가며, 요청은 성공해도 이중 mTLS는 한 겹도 적용되지 않는다. \`gateways\`에 \`mesh\`를 더하고 메시 라우트의 목적지를 게이트웨이 Service로 두자.`,
          en: `This VS is attached to an egress gateway, but \`gateways\` has no \`mesh\` and no other mesh VS covers ${hosts.join(', ')}. Sidecars go straight out instead of via the gateway: requests succeed, yet neither mTLS hop applies. Add \`mesh\` to \`gateways\` and route mesh traffic to the gateway Service.` } });
      } else if (!meshRoutes.length) {
        ctx.report({ rule: 'vs-mesh-route-missing', at: vs, path: ['spec', 'gateways'], msg: {
          ko: '`gateways`에 `mesh`는 있지만 모든 라우트가 게이트웨이 쪽(`match.gateways`)에만 걸려 있어 사이드카에 적용되는 라우트가 없다. 사이드카는 게이트웨이를 건너뛰고 바로 나간다. `match.gateways: [mesh]`인 라우트를 더하고 목적지를 게이트웨이 Service로 두자.',
          en: '`gateways` lists `mesh`, but every route is scoped to the gateway (`match.gateways`), so no route applies at the sidecar and traffic bypasses the gateway. Add a route with `match.gateways: [mesh]` whose destination is the gateway Service.' } });
      } else {
        // A mesh route that does not lead anywhere near a gateway also bypasses it.
        const toGw = meshRoutes.some((r) => strs((r.route.route as unknown[] | undefined)?.map((d) => (isObj(d) && isObj(d.destination) ? str(d.destination.host) : undefined))).some((h) => /gateway/.test(h)));
        if (!toGw) {
          ctx.report({ rule: 'vs-mesh-route-missing', at: vs, path: ['spec', meshRoutes[0]!.kind, meshRoutes[0]!.index], severity: 'info', msg: {
            ko: '메시 라우트의 목적지가 게이트웨이 Service로 보이지 않는다. 목적지가 외부 호스트라면 사이드카가 게이트웨이를 건너뛴다. 목적지를 게이트웨이 Service FQDN으로 두자.',
            en: 'The mesh route\'s destination does not look like the gateway Service. If it is the external host, sidecars bypass the gateway. Send it to the gateway Service FQDN.' } });
        }
      }
    }
  },
};
