import type { Resource, Rule } from '../types.ts';
import { didYouMean, isMeshInternal, strs } from '../util.ts';
import { destinations, hostRegistry, lookupHost, vsBindsMesh } from './_kit.ts';

/** Typo hints compare a host with every registry host: this many comparisons per run, then no hints. */
const HINT_BUDGET = 20_000;

export const rule: Rule = {
  id: 'align-host-registry',
  severity: 'warning',
  title: { ko: 'ServiceEntry에 없는 외부 호스트', en: 'External host not in any ServiceEntry' },
  summary: {
    ko: 'DestinationRule `host`와 VirtualService의 외부 호스트는 서비스 레지스트리의 이름과 문자 그대로 맞아야 한다. 외부 호스트는 ServiceEntry로 등록된다. 오타나 다른 이름이면 DR은 오류 없이 무시되고(`proxy-config cluster`에 DR이 붙지 않는다), `REGISTRY_ONLY`에서는 요청이 `502`(`BlackHoleCluster`)로 끝난다. ServiceEntry `hosts`와 같은 문자열을 쓰자. 번들에 ServiceEntry가 하나도 없으면 일부만 붙여 넣은 것으로 보고 조용히 넘어간다.',
    en: 'A DestinationRule `host` and a VirtualService\'s external hosts must match registry names exactly; external hosts are registered by ServiceEntries. With a typo or another name the DR is ignored without an error (no DR attaches in `proxy-config cluster`) and under `REGISTRY_ONLY` requests end in `502` (`BlackHoleCluster`). Use the same string as the ServiceEntry `hosts`. When the bundle has no ServiceEntry at all it is treated as a partial paste and the rule stays quiet.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    const registry = ctx.index.registry;
    const known = registry.all;
    if (!known.length) return;
    const covered = registry.covers;
    let budget = HINT_BUDGET;
    const external = (h: string) => !isMeshInternal(h) && !h.startsWith('*');
    const flag = (r: Resource, path: (string | number)[], host: string) => {
      const hint = (budget -= known.length) >= 0 ? didYouMean(host, known) : undefined;
      ctx.report({ rule: 'align-host-registry', at: r, path, on: 'value', msg: {
        ko: `\`${host}\`는 번들의 어느 ServiceEntry \`hosts\`에도 없다. 레지스트리에 없는 호스트라 이 설정은 조용히 무시되거나 \`REGISTRY_ONLY\`에서 \`502\`로 끝난다.${hint ? ` \`${hint}\`를 뜻했나?` : ' ServiceEntry를 더하자.'}`,
        en: `\`${host}\` is in no ServiceEntry \`hosts\` of the bundle. Not being a registry name, this config is silently ignored, or requests end in \`502\` under \`REGISTRY_ONLY\`.${hint ? ` Did you mean \`${hint}\`?` : ' Add a ServiceEntry.'}` } });
    };
    for (const dr of ctx.index.drs) {
      const h = ctx.index.drHost(dr);
      if (external(h) && !covered(h)) flag(dr, ['spec', 'host'], h);
    }
    for (const vs of ctx.index.vss) {
      // Hosts of an ingress-only VS are names clients use, not registry names: only mesh VSs count.
      if (vsBindsMesh(vs)) strs(vs.spec.hosts).forEach((h, i) => {
        if (!external(h)) return;
        if (!covered(h)) { flag(vs, ['spec', 'hosts', i], h); return; }
        // In the registry, but maybe not for this namespace: a ServiceEntry's exportTo decides what
        // its sidecars see (istio 1.30.3 pkg/config/analysis/analyzers/util/service_lookup.go).
        if (lookupHost(ctx.resources, h, vs)) return;
        const se = hostRegistry(ctx.resources).find((e) => e.r.kind === 'ServiceEntry' && (e.host === h || (e.host.startsWith('*') && h.endsWith(e.host.slice(1)))));
        if (!se) return;
        ctx.report({ rule: 'align-host-registry', at: vs, path: ['spec', 'hosts', i], on: 'value', msg: {
          ko: `\`${h}\`는 ServiceEntry \`${se.r.ns}/${se.r.name}\`에 있지만 그 \`exportTo\`에 이 VS의 네임스페이스 \`${vs.ns}\`가 없다. 이 네임스페이스의 사이드카에게 이 호스트는 레지스트리에 없는 이름이라 VS가 적용되지 않거나 \`REGISTRY_ONLY\`에서 \`502\`로 끝난다. ServiceEntry의 \`exportTo\`에 \`${vs.ns}\`를 더하자.`,
          en: `\`${h}\` is in ServiceEntry \`${se.r.ns}/${se.r.name}\`, but its \`exportTo\` does not include this VS's namespace \`${vs.ns}\`. To sidecars of this namespace the host is not a registry name, so the VS does not apply, or requests end in \`502\` under \`REGISTRY_ONLY\`. Add \`${vs.ns}\` to the ServiceEntry's \`exportTo\`.` } });
      });
      for (const r of ctx.index.routes(vs)) for (const d of destinations(r)) {
        if (external(d.host) && !covered(d.host)) flag(vs, [...d.path, 'host'], d.host);
      }
    }
  },
};
