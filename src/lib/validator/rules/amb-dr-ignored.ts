// DestinationRules in ambient mode. ztunnel gets no DestinationRules: istio 1.30.3
// pkg/workloadapi/workload.proto (Service, Workload) carries none, and pilot/pkg/serviceregistry/
// ambient/ reads none; only sidecars, gateways and waypoints apply them. A waypoint applies a DR
// of the service it serves (pilot/pkg/networking/core/cluster_waypoint.go
// buildWaypointInboundVIP), except `tls.mode: ISTIO_MUTUAL`, which buildWaypointTLSContext
// ignores (the hop is already HBONE): toward a MESH_EXTERNAL ServiceEntry the waypoint then sends
// plain text. The waypoint looks the DR up as inbound traffic (SidecarScope.DestinationRule in
// pilot/pkg/model/sidecar.go), which skips DRs with a `workloadSelector`, and sees only DRs exported
// to its own namespace. A service binds to a waypoint with the `istio.io/use-waypoint` label on
// itself or its namespace (pilot/pkg/serviceregistry/ambient/waypoints.go).
import type { Resource, Rule } from '../types.ts';
import { isObj, str, strs, visibleFrom } from '../util.ts';
import { drPolicies, drHost } from './_kit.ts';
import { ambientNamespaces, useWaypoint } from './_gwapi.ts';

const ID = 'amb-dr-ignored';

/** The Service or ServiceEntry of the paste a DR host names. */
function target(dr: Resource, rs: Resource[]): Resource | undefined {
  const host = drHost(dr);
  return rs.find((r) => (r.group === '' && r.kind === 'Service' && `${r.name}.${r.ns}.svc.cluster.local` === host)
    || (r.group === 'networking.istio.io' && r.kind === 'ServiceEntry' && strs(r.spec.hosts).includes(str(dr.spec.host) ?? '')));
}

export const rule: Rule = {
  id: ID,
  severity: 'warning',
  title: { ko: '앰비언트 모드에서 적용되지 않는 DestinationRule 설정', en: 'DestinationRule settings ambient mode does not apply' },
  summary: {
    ko: '앰비언트 모드의 ztunnel은 DestinationRule을 읽지 않는다. DestinationRule은 사이드카, 게이트웨이, 웨이포인트만 적용한다. 그래서 앰비언트 모드 네임스페이스에서 웨이포인트에 묶이지 않은 서비스의 DestinationRule(로드 밸런싱, 커넥션 풀, TLS 오리지네이션)은 앰비언트 모드 클라이언트의 트래픽에 적용되지 않는다(`info`). 웨이포인트에 묶인(`istio.io/use-waypoint`) 서비스라면 웨이포인트가 DR을 적용한다. 다만 `workloadSelector`가 있는 DR과 `exportTo`로 웨이포인트의 네임스페이스에 보이지 않는 DR은 적용하지 않고(`warning`), `tls.mode: ISTIO_MUTUAL`은 무시한다. 메시 안이라면 HBONE이 이미 상호 TLS라 상관없지만(`info`), `MESH_EXTERNAL` ServiceEntry라면 이그레스 게이트웨이로 가는 상호 TLS를 기대한 설정이 평문으로 나간다(`warning`). 웨이포인트에서 오리지네이션하려면 `SIMPLE`이나 `MUTUAL`을, L7 정책이 필요한 서비스에는 웨이포인트를 붙이자.',
    en: 'ztunnel, the ambient data plane, does not read DestinationRules: only sidecars, gateways and waypoints apply them. So a DestinationRule for a service in an ambient namespace that is not bound to a waypoint (load balancing, connection pool, TLS origination) does not apply to traffic from ambient clients (`info`). For a service bound to a waypoint (`istio.io/use-waypoint`), the waypoint applies the DR, except a DR with a `workloadSelector` or one whose `exportTo` does not reach the waypoint\'s namespace (`warning`), and it ignores `tls.mode: ISTIO_MUTUAL`: inside the mesh that is harmless, HBONE already is mutual TLS (`info`); for a `MESH_EXTERNAL` ServiceEntry, a setting meant as mutual TLS to an egress gateway leaves as plain text (`warning`). Use `SIMPLE` or `MUTUAL` to originate at the waypoint, and attach a waypoint to services that need L7 policy.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    const ambient = ambientNamespaces(ctx.resources);
    if (!ambient.size && !ctx.resources.some((r) => 'istio.io/use-waypoint' in ((isObj(r.obj.metadata) && isObj(r.obj.metadata.labels)) ? r.obj.metadata.labels : {}))) return;
    for (const dr of ctx.index.drs) {
      const t = target(dr, ctx.resources);
      if (!t) continue;
      const waypoint = useWaypoint(t, ctx.resources);
      const what = `${t.kind} \`${t.name}\``;
      if (waypoint) {
        const wp = `${waypoint.ns}/${waypoint.name}`;
        if (isObj(dr.spec.workloadSelector)) {
          ctx.report({ rule: ID, at: dr, path: ['spec', 'workloadSelector'], msg: {
            ko: `${what}는 웨이포인트 \`${wp}\`에 묶여 있다. 웨이포인트는 \`workloadSelector\`가 있는 DestinationRule을 적용하지 않으므로(사이드카의 아웃바운드에만 쓰인다) 이 규칙은 웨이포인트를 지나는 트래픽에 효과가 없다. 웨이포인트에 적용하려면 \`workloadSelector\`를 빼자.`,
            en: `${what} is bound to waypoint \`${wp}\`. A waypoint does not apply DestinationRules with a \`workloadSelector\` (they serve sidecars' outbound traffic only), so this rule has no effect on traffic through the waypoint. Drop \`workloadSelector\` for the waypoint to apply it.` } });
          continue;
        }
        if (!visibleFrom(dr, waypoint.ns)) {
          ctx.report({ rule: ID, at: dr, path: ['spec', 'exportTo'], msg: {
            ko: `${what}는 \`${waypoint.ns}\` 네임스페이스의 웨이포인트 \`${wp}\`에 묶여 있는데 이 DestinationRule은 \`exportTo\`로 그 네임스페이스에 보이지 않는다. 웨이포인트가 이 규칙을 적용하지 않는다. \`exportTo\`에 \`${waypoint.ns}\`를 더하자.`,
            en: `${what} is bound to waypoint \`${wp}\` in namespace \`${waypoint.ns}\`, but this DestinationRule's \`exportTo\` does not reach that namespace, so the waypoint does not apply it. Add \`${waypoint.ns}\` to \`exportTo\`.` } });
          continue;
        }
        for (const { tp, path } of drPolicies(dr)) {
          if (!isObj(tp.tls) || str(tp.tls.mode) !== 'ISTIO_MUTUAL') continue;
          const external = t.kind === 'ServiceEntry' && str(t.spec.location) === 'MESH_EXTERNAL';
          ctx.report({ rule: ID, at: dr, path: [...path, 'tls', 'mode'], on: 'value', severity: external ? 'warning' : 'info', msg: external ? {
            ko: `${what}는 웨이포인트 \`${wp}\`에 묶여 있고 웨이포인트는 \`tls.mode: ISTIO_MUTUAL\`을 무시한다. 이 \`MESH_EXTERNAL\` 호스트로 가는 트래픽은 의도한 상호 TLS 없이 웨이포인트를 나간다(애플리케이션이 직접 암호화하지 않았다면 평문이다). 웨이포인트에서 TLS를 오리지네이션하려면 \`SIMPLE\`(상대가 클라이언트 인증서를 요구하면 \`MUTUAL\`과 \`credentialName\`)을 쓰자.`,
            en: `${what} is bound to waypoint \`${wp}\`, and a waypoint ignores \`tls.mode: ISTIO_MUTUAL\`: traffic to this \`MESH_EXTERNAL\` host leaves the waypoint without the mutual TLS you meant (in plain text, unless the application encrypts it itself). To originate TLS at the waypoint, use \`SIMPLE\` (or \`MUTUAL\` with \`credentialName\` if the partner asks for a client certificate).` } : {
            ko: `${what}는 웨이포인트 \`${wp}\`에 묶여 있고 웨이포인트는 \`tls.mode: ISTIO_MUTUAL\`을 무시한다. 메시 안의 구간은 이미 HBONE(상호 TLS)이라 이 설정은 효과가 없다. 빼도 된다.`,
            en: `${what} is bound to waypoint \`${wp}\`, and a waypoint ignores \`tls.mode: ISTIO_MUTUAL\`. Inside the mesh the hop already is HBONE (mutual TLS), so the setting has no effect and can go.` } });
        }
        continue;
      }
      if (!ambient.has(t.ns) || !drPolicies(dr).length) continue;
      ctx.report({ rule: ID, at: dr, path: ['spec', 'host'], on: 'value', severity: 'info', msg: {
        ko: `${what}는 앰비언트 모드 네임스페이스 \`${t.ns}\`에 있고 웨이포인트에 묶여 있지 않다. ztunnel은 DestinationRule을 읽지 않으므로 이 \`trafficPolicy\`는 앰비언트 모드 클라이언트의 트래픽에 적용되지 않고, 사이드카와 게이트웨이에서 오는 트래픽에만 적용된다. 모든 클라이언트에 적용하려면 웨이포인트를 배포하고 \`istio.io/use-waypoint\` 레이블로 묶자.`,
        en: `${what} is in ambient namespace \`${t.ns}\` and not bound to a waypoint. ztunnel does not read DestinationRules, so this \`trafficPolicy\` does not apply to traffic from ambient clients, only to traffic from sidecars and gateways. To apply it to every client, deploy a waypoint and bind the service with the \`istio.io/use-waypoint\` label.` } });
    }
  },
};
