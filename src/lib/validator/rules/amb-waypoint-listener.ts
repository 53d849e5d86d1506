// Listeners of a waypoint. istio 1.30.3 pilot/pkg/config/kube/gateway/conversion.go buildListener:
// for the mesh controller (gatewayClassName istio-waypoint, pkg/config/constants WaypointGatewayClassName,
// controller istio.io/mesh-controller) a listener that is not port 15008 with protocol HBONE gets
// Accepted=False (UnsupportedProtocol, `Expected a single listener on port 15008 with protocol
// "HBONE"`); listenerProtocolToIstio rejects protocol HBONE on any other controller ("only supported
// for waypoint proxies") except the east-west one.
import type { Rule } from '../types.ts';
import { str } from '../util.ts';
import { gatewayController, k8sGateways, listeners } from './_gwapi.ts';

const ID = 'amb-waypoint-listener';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '웨이포인트 Gateway의 리스너가 HBONE 15008이 아니다', en: 'Waypoint Gateway listener is not HBONE on 15008' },
  summary: {
    ko: '웨이포인트는 `gatewayClassName: istio-waypoint`인 Gateway이고, ztunnel이 HBONE으로 보내는 트래픽을 포트 15008에서 받는다. Istio는 웨이포인트의 리스너가 `port: 15008`, `protocol: HBONE` 하나이기를 기대하고, 다른 리스너는 `Accepted=False`(`UnsupportedProtocol`)로 표시한다. 반대로 `protocol: HBONE`은 웨이포인트(와 east-west 게이트웨이)에서만 받으므로 일반 `istio` Gateway에 쓰면 리스너가 거부된다. 웨이포인트에는 `name: mesh`, `port: 15008`, `protocol: HBONE` 리스너 하나만 두자(`istioctl waypoint generate`가 만드는 모양이다).',
    en: 'A waypoint is a Gateway with `gatewayClassName: istio-waypoint`; it takes the HBONE traffic ztunnel sends on port 15008. Istio expects its listener to be exactly `port: 15008`, `protocol: HBONE`, and marks any other listener `Accepted=False` (`UnsupportedProtocol`). The other way round, `protocol: HBONE` is accepted only on waypoints (and east-west gateways): on a plain `istio` Gateway the listener is rejected. Give a waypoint one listener, `name: mesh`, `port: 15008`, `protocol: HBONE` (what `istioctl waypoint generate` writes).',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      const c = gatewayController(gw, ctx.resources);
      for (const l of listeners(gw, ctx.resources)) {
        if (c === 'istio.io/mesh-controller' && (l.port !== 15008 || l.protocol !== 'HBONE')) {
          ctx.report({ rule: ID, at: gw, path: [...l.path, l.port !== 15008 ? 'port' : 'protocol'], on: 'value', msg: {
            ko: `웨이포인트 Gateway의 리스너 \`${l.name}\`(${l.port}/${l.protocol})는 Istio가 기대하는 \`port: 15008\`, \`protocol: HBONE\`이 아니어서 \`Accepted=False\`(\`UnsupportedProtocol\`)가 된다. 웨이포인트는 ztunnel의 HBONE 트래픽을 15008에서 받는다. 리스너를 \`port: 15008\`, \`protocol: HBONE\` 하나로 두자.`,
            en: `Listener \`${l.name}\` (${l.port}/${l.protocol}) of this waypoint Gateway is not the \`port: 15008\`, \`protocol: HBONE\` Istio expects, so it gets \`Accepted=False\` (\`UnsupportedProtocol\`). A waypoint takes ztunnel's HBONE traffic on 15008. Keep a single listener with \`port: 15008\` and \`protocol: HBONE\`.` } });
        } else if (c === 'istio.io/gateway-controller' && l.protocol === 'HBONE') {
          ctx.report({ rule: ID, at: gw, path: [...l.path, 'protocol'], on: 'value', msg: {
            ko: `\`protocol: HBONE\`은 웨이포인트에서만 받으므로 \`gatewayClassName: ${str(gw.spec.gatewayClassName)}\`인 이 Gateway의 리스너 \`${l.name}\`는 거부된다(\`UnsupportedProtocol\`). 웨이포인트를 만들려면 \`gatewayClassName: istio-waypoint\`를 쓰자.`,
            en: `\`protocol: HBONE\` is only accepted on waypoints, so listener \`${l.name}\` of this \`gatewayClassName: ${str(gw.spec.gatewayClassName)}\` Gateway is rejected (\`UnsupportedProtocol\`). For a waypoint, use \`gatewayClassName: istio-waypoint\`.` } });
        }
      }
    }
  },
};
