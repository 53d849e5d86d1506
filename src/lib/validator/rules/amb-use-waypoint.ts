// A Service or ServiceEntry bound to a waypoint (`istio.io/use-waypoint`) that the waypoint will
// not take. istio 1.30.3 pilot/pkg/serviceregistry/ambient/waypoints.go: fetchWaypointForService
// needs the waypoint's traffic type (`istio.io/waypoint-for` on the Gateway, else its GatewayClass;
// default `service`) to be `service` or `all`, else UnsupportedTrafficType; fetchWaypointForTarget
// checks AllowsAttachmentFromNamespace against the `allowedRoutes.namespaces` of the waypoint's
// 15008 HBONE listener (makeAllowedRoutes; `Same` without one), else AttachmentDenied (status.go).
// Either way the service gets no waypoint, and its traffic skips the waypoint's L7 policy and TLS
// origination. A waypoint the paste lacks is not checked.
import type { Resource, Rule } from '../types.ts';
import { k8sGateways, labels, listenerAllowsNamespace, listeners, namespaces, useWaypoint, isGwApi } from './_gwapi.ts';

const ID = 'amb-use-waypoint';

const trafficType = (gw: Resource, rs: Resource[]) => {
  const cls = rs.find((r) => isGwApi(r, 'GatewayClass') && r.name === gw.spec.gatewayClassName);
  return labels(gw)['istio.io/waypoint-for'] ?? (cls ? labels(cls)['istio.io/waypoint-for'] : undefined) ?? 'service';
};

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '웨이포인트가 받지 않는 서비스 묶기', en: 'Service bound to a waypoint that will not take it' },
  summary: {
    ko: 'Service나 ServiceEntry를 `istio.io/use-waypoint` 레이블(자신이나 네임스페이스)로 웨이포인트에 묶어도 웨이포인트가 받지 않으면 묶이지 않는다. 웨이포인트의 `istio.io/waypoint-for`가 `workload`나 `none`이면 서비스 트래픽을 받지 않고(`UnsupportedTrafficType`), 다른 네임스페이스(`istio.io/use-waypoint-namespace`)의 웨이포인트는 HBONE 15008 리스너의 `allowedRoutes.namespaces`가 서비스의 네임스페이스를 허락해야 한다(기본은 `Same`, 아니면 `AttachmentDenied`). 묶이지 않은 서비스의 트래픽은 웨이포인트를 건너뛰어 L7 정책과 TLS 오리지네이션이 적용되지 않는다. 웨이포인트에 `istio.io/waypoint-for: service`(또는 `all`)를, 공유 웨이포인트의 리스너에 `allowedRoutes.namespaces.from: All`이나 `Selector`를 쓰자.',
    en: 'Labelling a Service or ServiceEntry (or its namespace) with `istio.io/use-waypoint` binds it only if the waypoint takes it. A waypoint with `istio.io/waypoint-for: workload` or `none` takes no service traffic (`UnsupportedTrafficType`), and a waypoint in another namespace (`istio.io/use-waypoint-namespace`) must admit the service\'s namespace in its HBONE 15008 listener\'s `allowedRoutes.namespaces` (default `Same`; otherwise `AttachmentDenied`). An unbound service\'s traffic skips the waypoint: no L7 policy, no TLS origination. Give the waypoint `istio.io/waypoint-for: service` (or `all`), and a shared waypoint\'s listener `allowedRoutes.namespaces.from: All` or a `Selector`.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    const gws = new Map(k8sGateways(ctx.resources).map((g) => [`${g.ns}/${g.name}`, g]));
    const said = new Set<Resource>(); // a namespace label is reported once, not once per service
    for (const r of ctx.resources) {
      const isSvc = r.group === '' && r.kind === 'Service';
      if (!isSvc && !(r.group === 'networking.istio.io' && r.kind === 'ServiceEntry')) continue;
      const wp = useWaypoint(r, ctx.resources);
      const gw = wp && gws.get(`${wp.ns}/${wp.name}`);
      if (!wp || !gw) continue;
      // Point at the label where it is written: on the resource, else on its namespace.
      const own = 'istio.io/use-waypoint' in labels(r);
      const at = own ? r : namespaces(ctx.resources).get(r.ns)!;
      if (said.has(at)) continue;
      said.add(at);
      const path = ['metadata', 'labels', 'istio.io/use-waypoint'];
      const what = `${r.kind} \`${r.name}\``;
      const tt = trafficType(gw, ctx.resources);
      if (tt !== 'service' && tt !== 'all') {
        ctx.report({ rule: ID, at, path, on: 'value', msg: {
          ko: `${what}를 웨이포인트 \`${wp.ns}/${wp.name}\`에 묶었는데 이 웨이포인트는 \`istio.io/waypoint-for: ${tt}\`라 서비스 트래픽을 받지 않는다(\`UnsupportedTrafficType\`). 서비스 트래픽이 웨이포인트를 건너뛴다. 웨이포인트에 \`istio.io/waypoint-for: service\`(또는 \`all\`)를 쓰자.`,
          en: `${what} is bound to waypoint \`${wp.ns}/${wp.name}\`, which has \`istio.io/waypoint-for: ${tt}\` and takes no service traffic (\`UnsupportedTrafficType\`): the service's traffic skips the waypoint. Label the waypoint \`istio.io/waypoint-for: service\` (or \`all\`).` } });
        continue;
      }
      if (wp.ns === r.ns) continue;
      const hbone = listeners(gw, ctx.resources).find((l) => l.port === 15008 && l.protocol === 'HBONE');
      const allowed = hbone ? listenerAllowsNamespace(hbone, r.ns, ctx.resources) : false;
      if (allowed !== false) continue;
      ctx.report({ rule: ID, at, path, on: 'value', msg: {
        ko: `${what}(\`${r.ns}\`)를 다른 네임스페이스의 웨이포인트 \`${wp.ns}/${wp.name}\`에 묶었는데 웨이포인트의 HBONE 리스너가 \`allowedRoutes.namespaces\`로 \`${r.ns}\`를 허락하지 않는다(기본값 \`Same\`). \`AttachmentDenied\`로 묶이지 않아 트래픽이 웨이포인트를 건너뛴다. 리스너에 \`allowedRoutes.namespaces.from: All\`이나 \`${r.ns}\`를 고르는 \`Selector\`를 쓰자.`,
        en: `${what} (\`${r.ns}\`) is bound to waypoint \`${wp.ns}/${wp.name}\` in another namespace, but the waypoint's HBONE listener does not admit \`${r.ns}\` in \`allowedRoutes.namespaces\` (default \`Same\`). The binding is denied (\`AttachmentDenied\`) and traffic skips the waypoint. Set \`allowedRoutes.namespaces.from: All\` on the listener, or a \`Selector\` that picks \`${r.ns}\`.` } });
    }
  },
};
