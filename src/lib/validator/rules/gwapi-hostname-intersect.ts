// Route hostnames that intersect no listener hostname. gateway-api v1.5.1 apis/v1/httproute_types.go
// (Hostnames: a listener `*.example.com` takes `test.example.com` and `foo.test.example.com`, not
// `example.com`; a route with none takes any) and tlsroute_types.go. istio 1.30.3 pilot/pkg/config/
// kube/gateway/conversion.go referenceAllowed matches them with host.Name.Matches (bi-directional
// wildcard) and rejects the route with NoMatchingListenerHostname. conformance/tests/
// httproute-hostname-intersection.yaml, tlsroute-invalid-no-matching-listener-hostname.yaml.
import type { Rule } from '../types.ts';
import { strs } from '../util.ts';
import { attachment, gatewayParentRefs, routes } from './_gwapi.ts';

const ID = 'gwapi-hostname-intersect';

export const rule: Rule = {
  id: ID,
  severity: 'error',
  title: { ko: '라우트와 리스너의 호스트 이름이 겹치지 않는다', en: 'Route and listener hostnames do not intersect' },
  summary: {
    ko: '라우트의 `hostnames` 중 하나 이상이 리스너의 `hostname`과 겹쳐야 라우트 연결이 된다. `*.example.com`은 `api.example.com`과 `a.b.example.com`과 겹치지만 `example.com`과는 겹치지 않는다. 어느 쪽이든 비어 있으면 모두와 겹친다. 라우트가 가리키는 모든 리스너와 겹치지 않으면 `NoMatchingListenerHostname`으로 연결되지 않는다. TLSRoute라면 클라이언트가 보내는 SNI가 두 쪽 모두에 맞아야 한다. 호스트 이름을 맞추거나 리스너의 `hostname`을 넓히자.',
    en: 'A route attaches only if one of its `hostnames` intersects the listener\'s `hostname`. `*.example.com` intersects `api.example.com` and `a.b.example.com` but not `example.com`; an empty side intersects everything. If no listener the route names intersects, the route is not attached (`NoMatchingListenerHostname`). For a TLSRoute the client\'s SNI must fit both. Align the host names or widen the listener\'s `hostname`.',
  },
  docs: 'patterns/passthrough/',
  check(ctx) {
    for (const route of routes(ctx.resources)) {
      const hosts = strs(route.spec.hostnames);
      if (!hosts.length) continue;
      for (const pr of gatewayParentRefs(route, ctx.resources)) {
        const a = attachment(pr, ctx.resources);
        if (!a || !a.byNs.length || a.byHost.length) continue;
        const ls = a.byNs.map((l) => `${l.name}: ${l.hostname}`).join(', ');
        ctx.report({ rule: ID, at: route, path: ['spec', 'hostnames'], msg: {
          ko: `라우트의 \`hostnames\`(${hosts.join(', ')})가 Gateway \`${pr.ns}/${pr.name}\`의 리스너 호스트 이름(${ls})과 겹치지 않아 \`NoMatchingListenerHostname\`으로 연결되지 않는다. 리스너의 \`hostname\`에 맞는 이름을 쓰자(\`*.example.com\`은 \`example.com\` 자체와 겹치지 않는다).`,
          en: `The route's \`hostnames\` (${hosts.join(', ')}) intersect no listener hostname of Gateway \`${pr.ns}/${pr.name}\` (${ls}), so it is not attached (\`NoMatchingListenerHostname\`). Use a name the listener's \`hostname\` covers (\`*.example.com\` does not cover \`example.com\` itself).` } });
      }
    }
  },
};
