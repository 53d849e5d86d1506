// A route whose kind the listeners it names cannot take. istio 1.30.3 pilot/pkg/config/kube/
// gateway/conditions.go generateSupportedKinds: HTTP/HTTPS take HTTPRoute and GRPCRoute, TCP takes
// TCPRoute, TLS takes TLSRoute (and TCPRoute when Terminate); `allowedRoutes.kinds` narrows that,
// and a listed kind the protocol cannot take sets the listener's ResolvedRefs=False
// (InvalidRouteKinds). referenceAllowed rejects a route of another kind with NotAllowedByListeners.
// TLSRoute on a TLS Terminate listener is accepted from Istio 1.30; 1.29.x conditions.go gave a
// Terminate listener TCPRoute only. gateway-api v1.5.1 conformance/tests/gateway-invalid-route-
// kind.yaml, tlsroute-listener-terminate-supported-kinds.yaml cover the same ground.
import type { Rule } from '../types.ts';
import { allowedKinds, attachment, gatewayParentRefs, GW_GROUP, k8sGateways, listeners, protocolKinds, routes } from './_gwapi.ts';

const ID = 'gwapi-route-kind';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '리스너가 받지 않는 종류의 라우트를 붙였다', en: 'Route of a kind the listener does not take' },
  summary: {
    ko: 'Istio에서 Gateway API 리스너가 받는 라우트 종류는 프로토콜이 정한다. `HTTP`·`HTTPS`는 HTTPRoute와 GRPCRoute, `TLS`는 TLSRoute(`mode: Terminate`면 TCPRoute도), `TCP`는 TCPRoute를 받고, `allowedRoutes.kinds`가 이를 더 좁힌다. 그래서 HTTPS 리스너의 TLSRoute나 Passthrough 리스너의 HTTPRoute는 `NotAllowedByListeners`로 붙지 않고, 리스너의 `attachedRoutes`도 0이다. 프로토콜이 받을 수 없는 종류를 `allowedRoutes.kinds`에 적으면 리스너가 `InvalidRouteKinds`가 된다. TLS Terminate 리스너의 TLSRoute는 Istio 1.30부터 받아들여지므로 `info`로 버전을 알린다. 패스스루는 `protocol: TLS`, `mode: Passthrough`에 TLSRoute를, 종료는 `HTTPS`에 HTTPRoute를 붙이자.',
    en: 'In Istio the protocol of a Gateway API listener decides which routes it takes: `HTTP` and `HTTPS` take HTTPRoute and GRPCRoute, `TLS` takes TLSRoute (and TCPRoute with `mode: Terminate`), `TCP` takes TCPRoute; `allowedRoutes.kinds` narrows that further. A TLSRoute on an HTTPS listener or an HTTPRoute on a Passthrough listener is not attached (`NotAllowedByListeners`) and the listener\'s `attachedRoutes` stays 0. A kind in `allowedRoutes.kinds` that the protocol cannot take sets the listener to `InvalidRouteKinds`. A TLSRoute on a TLS Terminate listener is accepted from Istio 1.30 on: an `info` notes the version. For passthrough attach a TLSRoute to `protocol: TLS`, `mode: Passthrough`; for termination an HTTPRoute to `HTTPS`.',
  },
  docs: 'patterns/passthrough/',
  check(ctx) {
    for (const gw of k8sGateways(ctx.resources)) {
      for (const l of listeners(gw, ctx.resources)) {
        for (const k of allowedKinds(l) ?? []) {
          if (k.group === GW_GROUP && protocolKinds(l).includes(k.kind)) continue;
          ctx.report({ rule: ID, at: gw, path: [...k.path, 'kind'], on: 'value', msg: {
            ko: `리스너 \`${l.name}\`(\`${l.protocol}\`${l.mode ? `, ${l.mode}` : ''})는 \`${k.kind}\`를 받을 수 없어 리스너가 \`ResolvedRefs=False\`(\`InvalidRouteKinds\`)가 된다. 이 리스너가 받는 종류: ${protocolKinds(l).join(', ') || '없음'}.`,
            en: `Listener \`${l.name}\` (\`${l.protocol}\`${l.mode ? `, ${l.mode}` : ''}) cannot take \`${k.kind}\`, so it gets \`ResolvedRefs=False\` (\`InvalidRouteKinds\`). Kinds it takes: ${protocolKinds(l).join(', ') || 'none'}.` } });
        }
      }
    }
    for (const route of routes(ctx.resources)) {
      for (const pr of gatewayParentRefs(route, ctx.resources)) {
        const a = attachment(pr, ctx.resources);
        if (!a || !a.bySection.length) continue;
        const desc = a.bySection.map((l) => `${l.name}(${l.protocol}${l.mode ? `/${l.mode}` : ''})`).join(', ');
        if (!a.byKind.length) {
          const hint = route.kind === 'TLSRoute'
            ? { ko: 'TLSRoute는 `protocol: TLS` 리스너(`mode: Passthrough`, Istio 1.30부터는 `Terminate`도)에 붙이자.', en: 'Attach a TLSRoute to a `protocol: TLS` listener (`mode: Passthrough`, or `Terminate` from Istio 1.30).' }
            : route.kind === 'HTTPRoute' || route.kind === 'GRPCRoute'
              ? { ko: `${route.kind}는 \`HTTP\`나 \`HTTPS\` 리스너에 붙이자. TLS를 그대로 넘기는 리스너에는 TLSRoute를 쓴다.`, en: `Attach an ${route.kind} to an \`HTTP\` or \`HTTPS\` listener; a pass-through listener takes TLSRoutes.` }
              : { ko: '리스너의 프로토콜과 `allowedRoutes.kinds`를 확인하자.', en: 'Check the listener\'s protocol and `allowedRoutes.kinds`.' };
          ctx.report({ rule: ID, at: route, path: ['kind'], on: 'value', msg: {
            ko: `Gateway \`${pr.ns}/${pr.name}\`의 리스너(${desc})는 \`${route.kind}\`를 받지 않아 라우트가 \`NotAllowedByListeners\`로 연결되지 않는다. ${hint.ko}`,
            en: `The listeners of Gateway \`${pr.ns}/${pr.name}\` (${desc}) do not take a \`${route.kind}\`, so the route is not attached (\`NotAllowedByListeners\`). ${hint.en}` } });
        } else if (route.kind === 'TLSRoute' && a.byKind[0]!.istio && a.byKind.every((l) => l.mode === 'Terminate')) {
          ctx.report({ rule: ID, at: route, path: ['kind'], on: 'value', severity: 'info', msg: {
            ko: `이 TLSRoute는 TLS를 종료(Terminate)하는 리스너에 붙는다. Istio 1.30부터 받아들여지고, 1.29 이하에서는 \`NotAllowedByListeners\`로 붙지 않는다. 클러스터의 Istio 버전과 Gateway API 1.5 CRD가 설치됐는지 확인하자.`,
            en: `This TLSRoute attaches to a listener that terminates TLS. Istio accepts that from 1.30 on; up to 1.29 the route is not attached (\`NotAllowedByListeners\`). Check the cluster's Istio version and that the Gateway API 1.5 CRDs are installed.` } });
        }
      }
    }
  },
};
