import type { Rule } from '../types.ts';
import { gwRef, hostMatches, strs } from '../util.ts';

/** Two host patterns overlap: one covers the other (`*.example.com` and `api.example.com`). */
const overlaps = (a: string, b: string) => hostMatches(a, b) || hostMatches(b, a);

export const rule: Rule = {
  id: 'vs-host-not-in-gateway',
  severity: 'warning',
  title: { ko: 'VirtualService 호스트가 바인딩한 Gateway의 hosts에 없다', en: 'VirtualService host not among the hosts of its Gateway' },
  summary: {
    ko: 'Gateway에 바인딩한 VirtualService의 라우트는 그 Gateway 서버의 `hosts`와 겹치는 호스트에만 붙는다. VS의 `hosts`가 Gateway의 어느 서버 `hosts`와도 겹치지 않으면 라우트가 게이트웨이에 생기지 않고 요청은 `404`(`NR`)로 끝난다(istioctl IST0132). 와일드카드(`*`, `*.example.com`)는 서로 덮는 범위로 비교하고, Gateway 호스트의 `네임스페이스/` 접두사(`shop/api.example.com`, `./api.example.com`)는 그 네임스페이스의 VS에만 호스트를 내준다는 뜻으로 읽는다. VS의 호스트를 Gateway 서버 `hosts`에 더하거나 VS 호스트를 고치자. 바인딩한 Gateway가 붙여 넣은 내용에 없으면 판단하지 않고, 이중 mTLS 이그레스(`ISTIO_MUTUAL` 서버)는 `align-sni`가 본다.',
    en: 'A VirtualService bound to a Gateway attaches its routes only for hosts that overlap the `hosts` of that Gateway\'s servers. If a VS host overlaps no server host, no route is created on the gateway and requests end in `404` (`NR`) (istioctl IST0132). Wildcards (`*`, `*.example.com`) are compared by what they cover, and a `namespace/` prefix on a Gateway host (`shop/api.example.com`, `./api.example.com`) is read as offering the host to VirtualServices of that namespace only. Add the VS host to the Gateway server `hosts`, or fix the VS host. When the bound Gateway is not in the paste the rule says nothing; double-mTLS egress (`ISTIO_MUTUAL` servers) is checked by `align-sni`.',
  },
  docs: 'tools/validator-rules/#vs-host-not-in-gateway',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      const hosts = strs(vs.spec.hosts);
      for (const ref of new Set(strs(vs.spec.gateways))) {
        if (ref === 'mesh') continue;
        const key = gwRef(ref, vs.ns);
        const gw = ctx.index.gatewaysByKey.get(key);
        const servers = ctx.index.serversByGw.get(key) ?? [];
        if (!gw || !servers.length || servers.some((s) => s.mode === 'ISTIO_MUTUAL')) continue;
        // Hosts the gateway offers to this VS's namespace, and those it offers to others only.
        const offered: string[] = [];
        const elsewhere: { host: string; ns: string }[] = [];
        for (const raw of servers.flatMap((s) => s.rawHosts)) {
          const slash = raw.indexOf('/');
          const ns = slash < 0 ? '*' : raw.slice(0, slash);
          const host = raw.slice(slash + 1);
          if (ns === '*' || (ns === '.' ? gw.ns === vs.ns : ns === vs.ns)) offered.push(host);
          else elsewhere.push({ host, ns: ns === '.' ? gw.ns : ns });
        }
        hosts.forEach((h, i) => {
          if (offered.some((o) => overlaps(o, h))) return;
          const other = elsewhere.find((o) => overlaps(o.host, h));
          const list = servers.flatMap((s) => s.rawHosts).join(', ');
          ctx.report({ rule: 'vs-host-not-in-gateway', at: vs, path: ['spec', 'hosts', i], on: 'value', msg: other ? {
            ko: `Gateway \`${key}\`는 \`${other.host}\`를 네임스페이스 \`${other.ns}\`의 VirtualService에만 내준다(\`hosts\`: ${list}). 이 VS는 \`${vs.ns}\`에 있어 \`${h}\`의 라우트가 게이트웨이에 붙지 않고 요청은 \`404\`로 끝난다. VS를 \`${other.ns}\`로 옮기거나 Gateway 호스트에 \`${vs.ns}/${other.host}\`를 더하자.`,
            en: `Gateway \`${key}\` offers \`${other.host}\` only to VirtualServices in namespace \`${other.ns}\` (\`hosts\`: ${list}). This VS is in \`${vs.ns}\`, so routes for \`${h}\` never attach to the gateway and requests end in \`404\`. Move the VS to \`${other.ns}\` or add \`${vs.ns}/${other.host}\` to the Gateway hosts.` } : {
            ko: `VirtualService 호스트 \`${h}\`가 바인딩한 Gateway \`${key}\`의 어느 서버 \`hosts\`(${list})와도 겹치지 않는다. 이 호스트의 라우트는 게이트웨이에 생기지 않고 요청은 \`404\`(\`NR\`)로 끝난다. Gateway 서버 \`hosts\`에 \`${h}\`를 더하거나 VS 호스트를 고치자.`,
            en: `VirtualService host \`${h}\` overlaps none of the server \`hosts\` of its Gateway \`${key}\` (${list}). No route for it is created on the gateway and requests end in \`404\` (\`NR\`). Add \`${h}\` to the Gateway server \`hosts\` or fix the VS host.` } });
        });
      }
    }
  },
};
