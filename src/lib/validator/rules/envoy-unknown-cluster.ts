import type { Path, Rule } from '../types.ts';
import { envoyDocs, field, filterChains } from '../envoy/model.ts';
import { arr, didYouMean, isObj, str } from '../util.ts';

export const rule: Rule = {
  id: 'envoy-unknown-cluster',
  severity: 'error',
  title: { ko: '정의되지 않은 클러스터로 보내는 라우트', en: 'Route to an undefined cluster' },
  summary: {
    ko: '`route.cluster`, `weighted_clusters`, `tcp_proxy.cluster`의 이름은 `clusters`에 정의된 클러스터 이름과 정확히 같아야 한다. 정적 설정에서 없는 이름을 가리키면 Envoy가 설정을 거부하거나, 요청이 `503`(`NR`, `no cluster match`)으로 끝난다. 클러스터 이름의 오타를 고치거나 클러스터를 정의하자. CDS로 클러스터를 받는 부트스트랩은 검사하지 않는다.',
    en: 'The names in `route.cluster`, `weighted_clusters` and `tcp_proxy.cluster` must equal a cluster name defined under `clusters`. In a static config an unknown name makes Envoy reject the config, or requests end in `503` (`NR`, no cluster match). Fix the typo or define the cluster. Bootstraps that receive clusters over CDS are not checked.',
  },
  docs: 'envoy/envoy-in-20-minutes/',
  check(ctx) {
    const docs = envoyDocs(ctx);
    if (docs.some((d) => d.dynamicClusters)) return;
    const names = new Set(docs.flatMap((d) => d.clusters.map((c) => str(c.value.name) ?? '')));
    if (!names.size) return; // a lone listener: its clusters are elsewhere
    for (const d of docs) {
      const refs: { name: string; path: Path }[] = [];
      const visit = (v: unknown, path: Path, depth: number) => {
        if (depth > 40) return;
        if (Array.isArray(v)) { v.forEach((x, i) => visit(x, [...path, i], depth + 1)); return; }
        if (!isObj(v)) return;
        const type = str(v['@type']) ?? '';
        if (type.endsWith('.TcpProxy') && typeof v.cluster === 'string') refs.push({ name: v.cluster, path: [...path, 'cluster'] });
        for (const [k, x] of Object.entries(v)) {
          if (k === 'route' && isObj(x) && typeof x.cluster === 'string') refs.push({ name: x.cluster, path: [...path, k, 'cluster'] });
          if ((k === 'weighted_clusters' || k === 'weightedClusters') && isObj(x)) {
            arr(x.clusters).forEach((c, i) => { if (isObj(c) && typeof c.name === 'string') refs.push({ name: c.name, path: [...path, k, 'clusters', i, 'name'] }); });
          }
          visit(x, [...path, k], depth + 1);
        }
      };
      for (const l of d.listeners) for (const fc of filterChains(l)) visit(field(fc.value, 'filters'), [...fc.path, 'filters'], 0);
      for (const r of refs) {
        if (names.has(r.name)) continue;
        const hint = didYouMean(r.name, names);
        ctx.report({ rule: 'envoy-unknown-cluster', at: d.src, path: r.path, on: 'value', msg: {
          ko: `클러스터 \`${r.name}\`가 정의되어 있지 않다. 이 라우트는 갈 곳이 없어 Envoy가 설정을 거부하거나 \`503\`이 난다.${hint ? ` \`${hint}\`를 뜻했나?` : ` 정의된 클러스터: ${[...names].join(', ')}.`}`,
          en: `Cluster \`${r.name}\` is not defined. The route has nowhere to go: Envoy rejects the config or answers \`503\`.${hint ? ` Did you mean \`${hint}\`?` : ` Defined clusters: ${[...names].join(', ')}.`}` } });
      }
    }
  },
};
