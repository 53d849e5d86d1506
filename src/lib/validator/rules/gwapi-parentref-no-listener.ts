// A route's parentRef `sectionName`/`port` that no listener of the Gateway has. istio 1.30.3
// pilot/pkg/config/kube/gateway/conversion.go referenceAllowed checks port, then sectionName,
// against each listener and reports NoMatchingParent ("port N not found", "sectionName X not
// found"); the route is not attached (Accepted=False). gateway-api v1.5.1 conformance/tests/
// httproute-invalid-parentref-not-matching-section-name.yaml and ...-listener-port.yaml expect
// the same. A Gateway that is not in the paste is not checked.
import type { Rule } from '../types.ts';
import { attachment, gatewayParentRefs, routes } from './_gwapi.ts';

const ID = 'gwapi-parentref-no-listener';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '라우트의 `parentRefs`가 없는 리스너를 가리킨다', en: 'Route `parentRefs` point at a listener that does not exist' },
  summary: {
    ko: '라우트의 `parentRefs`에 `sectionName`이나 `port`를 쓰면 그 이름(또는 포트)을 가진 Gateway 리스너에만 붙는다. 붙여 넣은 Gateway에 그런 리스너가 없으면 라우트 연결이 되지 않아 라우트가 `Accepted=False`(`NoMatchingParent`)가 되고 트래픽을 받지 않는다. 리스너의 `name`과 `port`를 확인해 맞추거나, 모든 리스너에 붙이려면 둘 다 빼자.',
    en: 'With `sectionName` or `port` in a route\'s `parentRefs`, the route attaches only to the Gateway listener with that name (or port). If the Gateway in the paste has no such listener, the route does not attach: it gets `Accepted=False` (`NoMatchingParent`) and serves no traffic. Match the listener\'s `name` and `port`, or drop both to attach to every listener that takes the route.',
  },
  docs: 'patterns/passthrough/',
  check(ctx) {
    for (const route of routes(ctx.resources)) {
      for (const pr of gatewayParentRefs(route, ctx.resources)) {
        const a = attachment(pr, ctx.resources);
        if (!a || a.bySection.length || (!pr.sectionName && pr.port === undefined)) continue;
        const names = a.all.map((l) => `${l.name}(${l.port})`).join(', ') || '-';
        const what = [pr.sectionName !== undefined ? `sectionName: ${pr.sectionName}` : '', pr.port !== undefined ? `port: ${pr.port}` : ''].filter(Boolean).join(', ');
        // Both given and the name exists: the port is what is wrong.
        const key = pr.sectionName === undefined || (pr.port !== undefined && a.all.some((l) => l.name === pr.sectionName)) ? 'port' : 'sectionName';
        ctx.report({ rule: ID, at: route, path: [...pr.path, key], on: 'value', msg: {
          ko: `\`parentRefs\`의 \`${what}\`에 맞는 리스너가 Gateway \`${pr.ns}/${pr.name}\`에 없다(리스너: ${names}). 라우트가 \`NoMatchingParent\`로 연결되지 않아 트래픽을 받지 않는다. 리스너의 \`name\`·\`port\`에 맞추자.`,
          en: `Gateway \`${pr.ns}/${pr.name}\` has no listener matching \`${what}\` in \`parentRefs\` (listeners: ${names}). The route does not attach (\`NoMatchingParent\`) and serves no traffic. Match a listener's \`name\` and \`port\`.` } });
      }
    }
  },
};
