// A route in a namespace the listener's `allowedRoutes.namespaces` does not admit. gateway-api
// v1.5.1 apis/v1/gateway_types.go RouteNamespaces: `from` defaults to Same; All; Selector against
// the route's Namespace labels. istio 1.30.3 pilot/pkg/config/kube/gateway/conversion.go
// namespacesFromSelector and referenceAllowed reject the route with NotAllowedByListeners.
// conformance/tests/httproute-invalid-cross-namespace-parent-ref.yaml is the common case: a
// route in another namespace than a Gateway whose listeners keep the default (Same).
import type { Rule } from '../types.ts';
import { isObj, str } from '../util.ts';
import { attachment, gatewayParentRefs, routes } from './_gwapi.ts';

const ID = 'gwapi-allowed-namespaces';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '리스너의 `allowedRoutes.namespaces`가 라우트의 네임스페이스를 받지 않는다', en: 'Listener `allowedRoutes.namespaces` does not admit the route\'s namespace' },
  summary: {
    ko: 'Gateway API 리스너는 기본(`allowedRoutes.namespaces.from: Same`)으로 Gateway와 같은 네임스페이스의 라우트만 받는다. 애플리케이션 네임스페이스의 HTTPRoute가 `istio-ingress`의 Gateway를 가리키는 흔한 구성은 리스너에 `from: All`이나 `from: Selector`가 없으면 `NotAllowedByListeners`로 연결되지 않고 `attachedRoutes`가 0이다. `Selector`라면 라우트 네임스페이스의 레이블을 붙여 넣은 Namespace에서 읽고, Namespace가 없으면 확인할 점을 `info`로 알린다. 리스너에 `allowedRoutes.namespaces.from: All`(또는 레이블로 고르는 `Selector`)을 쓰자.',
    en: 'By default (`allowedRoutes.namespaces.from: Same`) a Gateway API listener takes only routes from the Gateway\'s own namespace. The common setup of an HTTPRoute in an application namespace pointing at a Gateway in `istio-ingress` is not attached (`NotAllowedByListeners`, `attachedRoutes: 0`) unless the listener says `from: All` or `from: Selector`. For `Selector`, the route namespace\'s labels come from a Namespace in the paste; without it an `info` says what to check. Set `allowedRoutes.namespaces.from: All` (or a `Selector` on labels) on the listener.',
  },
  docs: 'patterns/termination/',
  check(ctx) {
    for (const route of routes(ctx.resources)) {
      for (const pr of gatewayParentRefs(route, ctx.resources)) {
        const a = attachment(pr, ctx.resources);
        if (!a || !a.byKind.length || a.byNs.length) continue;
        const l = a.byKind[0]!;
        const ar = isObj(l.l.allowedRoutes) && isObj(l.l.allowedRoutes.namespaces) ? l.l.allowedRoutes.namespaces : undefined;
        const from = (ar && str(ar.from)) ?? 'Same';
        if (a.nsUnknown.length) {
          if (from !== 'Selector') continue; // None: the API and Istio 1.30 disagree, stay quiet
          ctx.report({ rule: ID, at: route, path: [...pr.path, 'name'], on: 'value', severity: 'info', msg: {
            ko: `Gateway \`${pr.ns}/${pr.name}\`의 리스너 \`${l.name}\`는 \`allowedRoutes.namespaces.from: Selector\`로 네임스페이스를 레이블로 고른다. 붙여 넣은 내용에 Namespace \`${route.ns}\`가 없어 판단할 수 없다. \`kubectl get ns ${route.ns} --show-labels\`로 레이블이 셀렉터에 맞는지 확인하자. 맞지 않으면 \`NotAllowedByListeners\`로 연결되지 않는다.`,
            en: `Listener \`${l.name}\` of Gateway \`${pr.ns}/${pr.name}\` picks namespaces by label (\`allowedRoutes.namespaces.from: Selector\`). The paste has no Namespace \`${route.ns}\`, so this cannot be decided. Check with \`kubectl get ns ${route.ns} --show-labels\` that its labels match the selector; if not, the route is not attached (\`NotAllowedByListeners\`).` } });
          continue;
        }
        ctx.report({ rule: ID, at: route, path: [...pr.path, 'name'], on: 'value', msg: {
          ko: `Gateway \`${pr.ns}/${pr.name}\`의 리스너 \`${l.name}\`는 \`allowedRoutes.namespaces.from: ${from}\`${from === 'Same' ? '(기본값)' : ''}라서 \`${route.ns}\` 네임스페이스의 라우트를 받지 않는다. 라우트가 \`NotAllowedByListeners\`로 연결되지 않아 \`attachedRoutes\`가 0이다. 리스너에 \`allowedRoutes.namespaces.from: All\`이나 \`${route.ns}\`를 고르는 \`Selector\`를 쓰자.`,
          en: `Listener \`${l.name}\` of Gateway \`${pr.ns}/${pr.name}\` has \`allowedRoutes.namespaces.from: ${from}\`${from === 'Same' ? ' (the default)' : ''}, so it does not take routes from namespace \`${route.ns}\`. The route is not attached (\`NotAllowedByListeners\`, \`attachedRoutes: 0\`). Set \`allowedRoutes.namespaces.from: All\` on the listener, or a \`Selector\` that picks \`${route.ns}\`.` } });
      }
    }
  },
};
