import type { Rule } from '../types.ts';
import { arr, isObj, str } from '../util.ts';

const REPLACED = ['connectionPool', 'outlierDetection', 'loadBalancer', 'tls'] as const;

export const rule: Rule = {
  id: 'dr-port-level-replaces',
  severity: 'warning',
  title: { ko: '포트별 설정은 상위 설정을 통째로 대체한다', en: 'Port-level settings replace, not inherit' },
  summary: {
    ko: '`portLevelSettings` 항목은 상위 `trafficPolicy`를 상속하지 않고 대체한다. 항목에 `tls`만 쓰면 그 포트에서는 상위의 `connectionPool`, `outlierDetection`, `loadBalancer`가 사라지고 기본값으로 돌아간다. 서브셋의 `connectionPool`도 상위 `connectionPool`을 통째로 바꾼다(`tcp`만 있던 설정에 `http`만 쓰면 `tcp` 한도가 사라진다). 트래픽이 실제로 타는 포트 항목에 필요한 필드를 모두 다시 쓰자.',
    en: 'A `portLevelSettings` entry does not inherit from the enclosing `trafficPolicy`: it replaces it. An entry with only `tls` drops the top-level `connectionPool`, `outlierDetection` and `loadBalancer` on that port, which fall back to defaults. A subset\'s `connectionPool` likewise replaces the top-level one as a whole (writing only `http` loses the `tcp` limits). Repeat every field you need in the port entry the traffic actually uses.',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    for (const dr of ctx.index.kind('DestinationRule')) {
      const top = isObj(dr.spec.trafficPolicy) ? dr.spec.trafficPolicy : {};
      const policies: { p: Record<string, unknown>; path: (string | number)[]; inherited: Record<string, unknown> }[] = [
        { p: top, path: ['spec', 'trafficPolicy'], inherited: top },
      ];
      arr(dr.spec.subsets).forEach((s, i) => {
        if (!isObj(s) || !isObj(s.trafficPolicy)) return;
        const sp = s.trafficPolicy;
        const path = ['spec', 'subsets', i, 'trafficPolicy'];
        policies.push({ p: sp, path, inherited: { ...top, ...Object.fromEntries(REPLACED.filter((f) => f in sp).map((f) => [f, sp[f]])) } });
        // A subset's connectionPool replaces the top-level one whole: a missing half (tcp/http) is lost.
        if (isObj(sp.connectionPool) && isObj(top.connectionPool)) {
          const lost = Object.keys(top.connectionPool).filter((k) => !(k in (sp.connectionPool as object)));
          if (lost.length) {
            ctx.report({ rule: 'dr-port-level-replaces', at: dr, path: [...path, 'connectionPool'], msg: {
              ko: `서브셋 \`${str(s.name) ?? i}\`의 \`connectionPool\`이 상위 \`connectionPool\`을 통째로 대체해, 상위의 \`${lost.join('`, `')}\` 설정이 이 서브셋에서는 사라진다(기본값으로 돌아간다). 필요한 값을 이 서브셋에도 다시 쓰자.`,
              en: `Subset \`${str(s.name) ?? i}\` sets \`connectionPool\`, which replaces the top-level one as a whole: the top-level \`${lost.join('`, `')}\` settings are lost for this subset (back to defaults). Repeat the values you need in the subset.` } });
          }
        }
      });
      for (const { p, path, inherited } of policies) {
        arr(p.portLevelSettings).forEach((entry, i) => {
          if (!isObj(entry)) return;
          const port = isObj(entry.port) ? entry.port.number : undefined;
          const dropped = REPLACED.filter((f) => f in inherited && inherited[f] != null && !(f in entry));
          if (!dropped.length) return;
          // Losing only a load-balancing algorithm rarely breaks traffic: say so quietly.
          const severity = dropped.every((f) => f === 'loadBalancer') ? 'info' : 'warning';
          ctx.report({ rule: 'dr-port-level-replaces', at: dr, path: [...path, 'portLevelSettings', i], severity, msg: {
            ko: `포트 ${String(port ?? '?')}의 \`portLevelSettings\` 항목에 \`${dropped.join('`, `')}\`가 없다. 포트별 설정은 상위 값을 상속하지 않고 대체하므로, 이 포트에서는 상위에 쓴 \`${dropped.join('`, `')}\`가 적용되지 않고 기본값이 쓰인다. 이 항목 안에 같은 값을 다시 쓰자.`,
            en: `The \`portLevelSettings\` entry for port ${String(port ?? '?')} has no \`${dropped.join('`, `')}\`. Port-level settings replace the enclosing policy instead of inheriting it, so on this port the \`${dropped.join('`, `')}\` written above is not applied and defaults are used. Repeat those values inside this entry.` } });
        });
      }
    }
  },
};
