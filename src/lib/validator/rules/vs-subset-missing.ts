import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';
import { destinations } from './_kit.ts';

export const rule: Rule = {
  id: 'vs-subset-missing',
  severity: 'error',
  title: { ko: 'DestinationRule에 없는 subset', en: 'Subset not defined in any DestinationRule' },
  summary: {
    ko: 'VirtualService의 `destination.subset`은 같은 호스트의 DestinationRule `subsets[].name`에 있어야 한다. 없으면 그 라우트로 가는 요청은 `503`(`NR` 또는 `no healthy upstream`)으로 실패한다. DR에 subset을 더하거나 VS의 subset 이름을 DR과 맞추자. 번들에 그 호스트의 DR이 아예 없으면 다른 곳에 있을 수 있어 조용히 넘어간다.',
    en: 'A VirtualService `destination.subset` must exist among `subsets[].name` of a DestinationRule for the same host. Otherwise requests on that route fail with `503` (`NR` or `no healthy upstream`). Add the subset to the DR, or match the VS subset name to it. When the bundle has no DR for that host at all, it may live elsewhere, so the rule stays quiet.',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      for (const route of ctx.index.routes(vs)) {
        for (const d of destinations(route)) {
          if (!d.subset) continue;
          const forHost = ctx.index.drsByHost.get(d.host);
          if (!forHost) continue;
          const names = forHost.flatMap((x) => arr(x.spec.subsets).filter(isObj).map((s) => str(s.name) ?? ''));
          if (names.includes(d.subset)) continue;
          ctx.report({ rule: 'vs-subset-missing', at: vs, path: [...d.path, 'subset'], on: 'value', msg: {
            ko: `subset \`${d.subset}\`가 \`${d.host}\`의 DestinationRule에 없다(있는 것: ${names.length ? names.join(', ') : '없음'}). 이 라우트의 요청은 \`503\`으로 실패한다. DR에 이 subset을 더하거나 이름을 맞추자.`,
            en: `Subset \`${d.subset}\` is not defined in the DestinationRule for \`${d.host}\` (defined: ${names.length ? names.join(', ') : 'none'}). Requests on this route fail with \`503\`. Add the subset to the DR or fix the name.` } });
        }
      }
    }
  },
};
