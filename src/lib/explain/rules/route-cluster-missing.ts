// A route sends to a cluster the proxy does not have. Envoy answers with response flag NC (no
// cluster found) without sending anything: 503 by default, or the route's
// cluster_not_found_response_code, which Istio sets to 500 on Gateway API routes (see model.ts). In Istio this is a route to a subset that no
// DestinationRule defines (or one whose host did not match, so its subsets vanished with it:
// double-mTLS pitfalls, pitfall 2). Checked only when the same dump holds routes and clusters.
import { text, type Hit, type Rule } from './rule.ts';

const TEXT = {
  en: 'Route {route} (virtual host {vhost}) sends to cluster {cluster}, which this proxy does not have: requests get {code} with flag NC.{subset}',
  ko: '{route} 라우트(가상 호스트 {vhost})는 이 프록시에 없는 {cluster} 클러스터로 요청을 보낸다. 그 요청은 NC 플래그가 붙은 {code} 응답을 받는다.{subset_ko}',
};

export const rule: Rule = {
  meta: {
    id: 'route-cluster-missing',
    severity: 'error',
    title: { en: 'Route to a cluster that does not exist', ko: '없는 클러스터로 가는 라우트' },
    docs: 'egress/double-mtls-pitfalls/',
    catalog: 'envoy-response-flags',
    field: 'DestinationRule.spec.subsets',
  },
  check(ctx) {
    const hits: Hit[] = [];
    const names = new Map<number, Set<string>>();
    for (const c of ctx.map.clusters) {
      let s = names.get(c.proxy);
      if (!s) names.set(c.proxy, (s = new Set()));
      s.add(c.name);
    }
    for (const r of ctx.map.routes) {
      const have = names.get(r.proxy);
      if (!have || ctx.proxy(r.proxy).form !== 'config-dump') continue;
      for (const vh of r.virtualHosts) {
        for (const cl of vh.clusters) {
          if (have.has(cl)) continue;
          const subset = cl.split('|')[2];
          hits.push({
            target: { kind: 'proxy', proxy: r.proxy, name: `${r.name}/${vh.name}` },
            text: text(TEXT, {
              route: r.name, vhost: vh.name, cluster: cl, code: String(vh.notFoundCode?.[cl] ?? 503),
              subset: subset ? ` No DestinationRule defines subset "${subset}" for this host (check its host string and namespace).` : '',
              subset_ko: subset ? ` 이 호스트의 "${subset}" 서브셋을 정의한 DestinationRule이 없다(DestinationRule의 host 문자열과 네임스페이스를 확인한다).` : '',
            }),
            field: subset ? 'DestinationRule.spec.subsets' : 'VirtualService.spec.http[].route[].destination.host',
          });
        }
      }
    }
    return hits;
  },
};
