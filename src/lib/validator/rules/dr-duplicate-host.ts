import type { Resource, Rule } from '../types.ts';
import { arr, exportScope, isObj, str } from '../util.ts';

type Scope = Set<string> | '*';
const overlap = (sa: Scope, sb: Scope) => sa === '*' || sb === '*' || [...sa].some((n) => sb.has(n));
const scopeKey = (s: Scope) => (s === '*' ? '*' : [...s].sort().join(','));

/** The first DR seen, and the first seen in another namespace than that one. */
class FirstTwo {
  a?: Resource;
  b?: Resource;
  add(d: Resource) {
    if (!this.a) this.a = d;
    else if (!this.b && d.ns !== this.a.ns) this.b = d;
  }
  /** The first DR outside namespace `ns`, if any. */
  outside(ns: string): Resource | undefined { return this.a && this.a.ns !== ns ? this.a : this.b; }
}

/** Earlier DRs of one host, one namespace and one export scope: what a merge keeps from them. */
interface Group { scope: Scope; policy?: Resource; subsets: Map<string, Resource> }
const hasPolicy = (d: Resource) => isObj(d.spec.trafficPolicy) && Object.keys(d.spec.trafficPolicy).length > 0;
const subsetNames = (d: Resource) => arr(d.spec.subsets).flatMap((s, i) => (isObj(s) && str(s.name) ? [{ name: str(s.name)!, i }] : []));

export const rule: Rule = {
  id: 'dr-duplicate-host',
  severity: 'warning',
  title: { ko: '한 호스트에 DestinationRule이 둘 이상', en: 'More than one DestinationRule for a host' },
  summary: {
    ko: '같은 네임스페이스에 같은 `host`의 DestinationRule이 둘 이상 있으면 Istio는 오류 없이 합친다. 서브셋은 합쳐지지만 최상위 `trafficPolicy`는 가장 먼저 만든 DR의 것 하나만 쓰이고, 이름이 같은 서브셋도 먼저 만든 쪽만 남는다. 두 DR이 모두 최상위 `trafficPolicy`를 두거나 같은 이름의 서브셋을 두면 한쪽 설정이 조용히 무시되므로 경고한다. "내 tls 설정이 안 먹는다"의 흔한 원인이다. 한 DR은 서브셋만, 다른 DR만 `trafficPolicy`를 두는 식으로 겹치는 것이 없으면 그대로 합쳐지므로 알리지 않는다. 그래도 호스트당 DR은 하나가 읽기 쉽다. 이중 mTLS에서는 홉 1 DR의 host를 게이트웨이 Service FQDN으로, 홉 2 DR의 host를 외부 호스트로 두면 겹치지 않는다. 다른 네임스페이스에 있는 DR끼리는 합쳐지지 않고 클라이언트 네임스페이스의 DR이 우선하므로 `info`로만 알린다.',
    en: 'Two or more DestinationRules for the same `host` in one namespace are merged without an error: subsets are combined, but only the oldest rule\'s top-level `trafficPolicy` is used, and of two subsets with one name only the oldest is kept. When both DRs set a top-level `trafficPolicy`, or define a subset of the same name, one set of settings is silently ignored, and that is a warning. It is a common reason why "my tls settings do nothing". When nothing overlaps (one DR has only subsets, the other the `trafficPolicy`), the merge works and nothing is reported; one DR per host is still easier to read. In double-mTLS egress, hop 1\'s DR has the gateway Service FQDN as host and hop 2\'s the external host, so they never collide. DRs in different namespaces are not merged (the client namespace\'s rule wins), so that case is only an `info`.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    // DRs grouped by host, each compared with what the earlier ones of its host left behind:
    // per namespace and export scope, the first top-level policy and the first of each subset
    // name; across namespaces, the first DR of another namespace. Linear in the DRs of a host.
    const order = new Map<Resource, number>();
    const first = (list: (Resource | undefined)[]) => list.filter((x): x is Resource => !!x).sort((x, y) => order.get(x)! - order.get(y)!)[0];
    for (const [host, all] of ctx.index.drsByHost) {
      const drs = all.filter((d) => !d.spec.workloadSelector && str(d.spec.host));
      if (drs.length < 2) continue;
      drs.forEach((d, i) => order.set(d, i));
      const groups = new Map<string, Map<string, Group>>(); // ns -> scope key -> group
      const anyScope = new FirstTwo(); // every earlier DR (each overlaps a DR exported everywhere)
      const starScope = new FirstTwo(); // earlier DRs exported everywhere (overlap every DR)
      const byExport = new Map<string, FirstTwo>(); // earlier DRs exported to a namespace
      for (const b of drs) {
        const scope = exportScope(b);
        const mine = subsetNames(b);
        // Same namespace: merged. What the merge drops is b's top-level policy if an earlier DR
        // already has one, and b's subsets whose names an earlier DR already defines.
        const nsGroups = groups.get(b.ns) ?? new Map<string, Group>();
        groups.set(b.ns, nsGroups);
        const overlapping = [...nsGroups.values()].filter((g) => overlap(g.scope, scope));
        const policyFrom = hasPolicy(b) ? first(overlapping.map((g) => g.policy)) : undefined;
        const subsetFrom = new Map<string, Resource>();
        for (const s of mine) {
          const a = first(overlapping.map((g) => g.subsets.get(s.name)));
          if (a && !subsetFrom.has(s.name)) subsetFrom.set(s.name, a);
        }
        // Another namespace: not merged, but shadowed per caller.
        const otherNs = scope === '*' ? anyScope.outside(b.ns)
          : first([starScope.outside(b.ns), ...[...scope].map((n) => byExport.get(n)?.outside(b.ns))]);
        // Remember b for the DRs after it.
        const key = scopeKey(scope);
        const g: Group = nsGroups.get(key) ?? { scope, subsets: new Map() };
        nsGroups.set(key, g);
        if (!g.policy && hasPolicy(b)) g.policy = b;
        for (const s of mine) if (!g.subsets.has(s.name)) g.subsets.set(s.name, b);
        anyScope.add(b);
        if (scope === '*') starScope.add(b);
        else for (const n of scope) { const f = byExport.get(n) ?? new FirstTwo(); f.add(b); byExport.set(n, f); }
        if (policyFrom) ctx.report({ rule: 'dr-duplicate-host', at: b, path: ['spec', 'host'], on: 'value', msg: {
          ko: `\`${host}\`에 대한 DestinationRule이 이미 있다(\`${policyFrom.name}\`). 같은 네임스페이스의 두 DR은 오류 없이 합쳐지고 최상위 \`trafficPolicy\`는 먼저 만든 쪽만 쓰이므로, 이 DR의 \`trafficPolicy\`는 조용히 무시된다. 두 DR을 하나로 합치자.`,
          en: `A DestinationRule for \`${host}\` already exists (\`${policyFrom.name}\`). Two DRs in one namespace are merged silently and only the older one's top-level \`trafficPolicy\` is used, so this DR's \`trafficPolicy\` is ignored. Merge them into one DR.` } });
        for (const s of mine) {
          const a = subsetFrom.get(s.name);
          if (!a) continue;
          ctx.report({ rule: 'dr-duplicate-host', at: b, path: ['spec', 'subsets', s.i, 'name'], on: 'value', msg: {
            ko: `서브셋 \`${s.name}\`는 같은 \`${host}\`의 DestinationRule \`${a.name}\`에도 있다. 같은 네임스페이스의 DR은 합쳐지고 이름이 같은 서브셋은 먼저 만든 쪽만 남으므로, 이 서브셋 정의는 조용히 무시된다. 한 DR로 합치거나 서브셋 이름을 나누자.`,
            en: `Subset \`${s.name}\` is also defined in DestinationRule \`${a.name}\` for the same \`${host}\`. DRs of one namespace are merged and of two subsets with one name only the older is kept, so this definition is ignored. Merge the DRs or rename the subset.` } });
          subsetFrom.delete(s.name);
        }
        if (otherNs) ctx.report({ rule: 'dr-duplicate-host', at: b, path: ['spec', 'host'], on: 'value', severity: 'info', msg: {
          ko: `\`${host}\`에 대한 DestinationRule이 \`${otherNs.ns}/${otherNs.name}\`에도 있다. 네임스페이스가 달라 합쳐지지는 않지만, 프록시마다 자기 네임스페이스의 DR을 먼저 고르므로 호출하는 쪽에 따라 다른 정책이 적용된다. 의도한 것인지 확인하자.`,
          en: `A DestinationRule for \`${host}\` also exists in \`${otherNs.ns}/${otherNs.name}\`. Being in different namespaces they are not merged, but each proxy prefers the rule in its own namespace, so callers get different policies. Make sure that is intended.` } });
      }
    }
  },
};
