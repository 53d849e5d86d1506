// istioctl's virtualservice.DestinationRuleAnalyzer (istio 1.30.3 pkg/config/analysis/analyzers/
// virtualservice/destinationrules.go): every `subset` a VirtualService names, in http/tcp/tls route
// destinations and in http `mirror` / `mirrors`, must be a subset of a DestinationRule for that
// host; otherwise IST0101 (ReferencedResourceNotFound).
import type { Ctx, Resource, Rule } from '../types.ts';
import { arr, fqdn, isObj, str } from '../util.ts';
import { destinations } from './_kit.ts';

const ID = 'vs-subset-missing';

/** `mirror` and `mirrors[].destination` of a VS's http routes, with their paths. */
function mirrors(vs: Resource): { host: string; subset?: string; path: (string | number)[] }[] {
  const out: { host: string; subset?: string; path: (string | number)[] }[] = [];
  const add = (d: unknown, path: (string | number)[]) => {
    if (isObj(d) && str(d.host)) out.push({ host: fqdn(str(d.host)!, vs.ns), subset: str(d.subset), path });
  };
  arr(vs.spec.http).forEach((r, i) => {
    if (!isObj(r)) return;
    add(r.mirror, ['spec', 'http', i, 'mirror']);
    arr(r.mirrors).forEach((m, j) => { if (isObj(m)) add(m.destination, ['spec', 'http', i, 'mirrors', j, 'destination']); });
  });
  return out;
}

function check(ctx: Ctx, vs: Resource, d: { host: string; subset?: string; path: (string | number)[] }, mirror: boolean) {
  if (!d.subset) return;
  const forHost = ctx.index.drsByHost.get(d.host);
  const what = mirror ? { ko: '미러링 대상의 ', en: 'mirror ' } : { ko: '', en: '' };
  const fails = mirror ? { ko: '미러링된 요청은 어디로도 가지 않는다', en: 'mirrored requests go nowhere' } : { ko: '이 라우트의 요청은 `503`으로 실패한다', en: 'requests on this route fail with `503`' };
  if (!forHost) {
    // The DR may live in the cluster; a paste read as the whole cluster has none.
    if (!ctx.complete) return;
    ctx.report({ rule: ID, at: vs, path: [...d.path, 'subset'], on: 'value', msg: {
      ko: `${what.ko}서브셋 \`${d.subset}\`를 정의하는 \`${d.host}\`의 DestinationRule이 없다. ${fails.ko}. 이 호스트의 DR에 서브셋을 정의하자.`,
      en: `There is no DestinationRule for \`${d.host}\` defining the ${what.en}subset \`${d.subset}\`: ${fails.en}. Define the subset in a DR for this host.` } });
    return;
  }
  const names = forHost.flatMap((x) => arr(x.spec.subsets).filter(isObj).map((s) => str(s.name) ?? ''));
  if (names.includes(d.subset)) return;
  ctx.report({ rule: ID, at: vs, path: [...d.path, 'subset'], on: 'value', msg: {
    ko: `${what.ko}서브셋 \`${d.subset}\`가 \`${d.host}\`의 DestinationRule에 없다(있는 것: ${names.length ? names.join(', ') : '없음'}). ${fails.ko}. DR에 이 서브셋을 더하거나 이름을 맞추자.`,
    en: `The ${what.en}subset \`${d.subset}\` is not defined in the DestinationRule for \`${d.host}\` (defined: ${names.length ? names.join(', ') : 'none'}): ${fails.en}. Add the subset to the DR or fix the name.` } });
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0101',
  title: { ko: 'DestinationRule에 없는 서브셋', en: 'Subset not defined in any DestinationRule' },
  summary: {
    ko: 'VirtualService의 `destination.subset`은 라우트(`http`, `tcp`, `tls`)에서든 `mirror`·`mirrors`에서든 같은 호스트의 DestinationRule `subsets[].name`에 있어야 한다(istioctl IST0101). 없으면 그 라우트로 가는 요청은 `503`(`NR` 또는 `no healthy upstream`)으로 실패하고, 미러링은 조용히 사라진다. DR에 서브셋을 더하거나 VS의 서브셋 이름을 DR과 맞추자. 붙여 넣은 내용에 그 호스트의 DR이 아예 없으면 클러스터에 있을 수 있어 알리지 않는다(붙여 넣은 내용을 클러스터 전체로 읽을 때는 오류다).',
    en: 'A VirtualService `destination.subset`, in a route (`http`, `tcp`, `tls`) or in `mirror` / `mirrors`, must exist among `subsets[].name` of a DestinationRule for the same host (istioctl IST0101). Otherwise requests on that route fail with `503` (`NR` or `no healthy upstream`), and mirroring silently goes nowhere. Add the subset to the DR, or match the VS subset name to it. When the paste has no DR for that host at all it may live in the cluster, so the rule stays quiet (reading the paste as the whole cluster, it is an error).',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      for (const route of ctx.index.routes(vs)) for (const d of destinations(route)) check(ctx, vs, d, false);
      for (const m of mirrors(vs)) check(ctx, vs, m, true);
    }
  },
};
