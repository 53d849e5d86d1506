import type { Resource, Rule } from '../types.ts';
import { exportScope, str } from '../util.ts';

const overlap = (a: Resource, b: Resource) => {
  const sa = exportScope(a), sb = exportScope(b);
  if (sa === '*' || sb === '*') return true;
  return [...sa].some((n) => sb.has(n));
};

export const rule: Rule = {
  id: 'dr-duplicate-host',
  severity: 'warning',
  title: { ko: '한 호스트에 DestinationRule이 둘 이상', en: 'More than one DestinationRule for a host' },
  summary: {
    ko: '같은 네임스페이스에 같은 `host`의 DestinationRule이 둘 이상 있으면 Istio는 에러 없이 합친다. subset은 합쳐지지만 `trafficPolicy`는 가장 먼저 만든 DR 하나만 쓰이고 나머지는 무시된다. "내 tls 설정이 안 먹는다"의 흔한 원인이다. 호스트당 DR은 하나로 합치자. 이중 mTLS에서는 홉 1 DR의 host를 게이트웨이 Service FQDN으로, 홉 2 DR의 host를 외부 호스트로 두면 겹치지 않는다. 다른 네임스페이스에 있는 DR끼리는 합쳐지지 않고 클라이언트 네임스페이스의 DR이 우선하므로 `info`로만 알린다.',
    en: 'Two or more DestinationRules for the same `host` in one namespace are merged without an error: subsets are combined, but only the oldest rule\'s `trafficPolicy` is used and the others are ignored. It is a common reason why "my tls settings do nothing". Keep one DR per host. In double-mTLS egress, hop 1\'s DR has the gateway Service FQDN as host and hop 2\'s the external host, so they never collide. DRs in different namespaces are not merged (the client namespace\'s rule wins), so that case is only an `info`.',
  },
  docs: 'egress/double-mtls/',
  check(ctx) {
    // DRs grouped by host: only DRs of one host are compared, each with the earlier ones, and a DR
    // is reported at most once per kind of clash (same namespace: merged; other namespace: shadowed).
    for (const [host, all] of ctx.index.drsByHost) {
      const drs = all.filter((d) => !d.spec.workloadSelector && str(d.spec.host));
      for (let i = 1; i < drs.length; i++) {
        const b = drs[i]!;
        let sameNs: Resource | undefined, otherNs: Resource | undefined;
        for (let j = 0; j < i && !(sameNs && otherNs); j++) {
          const a = drs[j]!;
          if (a.ns === b.ns ? sameNs : otherNs) continue;
          if (!overlap(a, b)) continue;
          if (a.ns === b.ns) sameNs = a;
          else otherNs = a;
        }
        if (sameNs) ctx.report({ rule: 'dr-duplicate-host', at: b, path: ['spec', 'host'], on: 'value', msg: {
          ko: `\`${host}\`에 대한 DestinationRule이 이미 있다(\`${sameNs.name}\`). 같은 네임스페이스의 두 DR은 에러 없이 합쳐지고 \`trafficPolicy\`는 먼저 만든 쪽만 쓰이므로, 한쪽 설정이 조용히 무시된다. 두 DR을 하나로 합치자.`,
          en: `A DestinationRule for \`${host}\` already exists (\`${sameNs.name}\`). Two DRs in one namespace are merged silently and only the older one's \`trafficPolicy\` is used, so one set of settings is ignored. Merge them into one DR.` } });
        if (otherNs) ctx.report({ rule: 'dr-duplicate-host', at: b, path: ['spec', 'host'], on: 'value', severity: 'info', msg: {
          ko: `\`${host}\`에 대한 DestinationRule이 \`${otherNs.ns}/${otherNs.name}\`에도 있다. 네임스페이스가 달라 합쳐지지는 않지만, 프록시마다 자기 네임스페이스의 DR을 먼저 고르므로 호출하는 쪽에 따라 다른 정책이 적용된다. 의도한 것인지 확인하자.`,
          en: `A DestinationRule for \`${host}\` also exists in \`${otherNs.ns}/${otherNs.name}\`. Being in different namespaces they are not merged, but each proxy prefers the rule in its own namespace, so callers get different policies. Make sure that is intended.` } });
      }
    }
  },
};
