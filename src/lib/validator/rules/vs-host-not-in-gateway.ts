// IST0132 as istioctl decides it (istio 1.30.3 pkg/config/analysis/analyzers/virtualservice/gateways.go
// vsHostInGateway): for each gateway a VirtualService binds, some VS host must overlap some host
// that Gateway offers to the VS's namespace (`ns/host` only to `ns`, `./host` to the Gateway's own,
// host.NamesForNamespace); otherwise nothing of the VS attaches to that gateway.
import type { Ctx, Resource, Rule } from '../types.ts';
import { gwRef, hostMatches, strs } from '../util.ts';
import { isInternalGatewayRef } from './_kit.ts';

const ID = 'vs-host-not-in-gateway';
/** Two host patterns overlap: one covers the other (`*.example.com` and `api.example.com`). */
const overlaps = (a: string, b: string) => hostMatches(a, b) || hostMatches(b, a);

/** Hosts a Gateway offers to VirtualServices of `vsNs`, and those it offers to other namespaces only. */
function offers(ctx: Ctx, key: string, gwNs: string, vsNs: string) {
  const offered: string[] = [];
  const elsewhere: { host: string; ns: string }[] = [];
  for (const raw of (ctx.index.serversByGw.get(key) ?? []).flatMap((s) => s.rawHosts)) {
    const slash = raw.indexOf('/');
    const ns = slash < 0 ? '*' : raw.slice(0, slash);
    const host = raw.slice(slash + 1);
    if (ns === '*' || (ns === '.' ? gwNs === vsNs : ns === vsNs)) offered.push(host);
    else elsewhere.push({ host, ns: ns === '.' ? gwNs : ns });
  }
  return { offered, elsewhere };
}

function checkVs(ctx: Ctx, vs: Resource) {
  const hosts = strs(vs.spec.hosts);
  const refs = strs(vs.spec.gateways);
  const served = new Set<string>();
  let decided = true;
  refs.forEach((ref, gi) => {
    if (ref === 'mesh') return;
    // istioctl skips generated internal Gateways here (IST0165 covers them).
    if (isInternalGatewayRef(ref)) { decided = false; return; }
    const key = gwRef(ref, vs.ns);
    const gw = ctx.index.gatewaysByKey.get(key);
    if (!gw) {
      decided = false;
      // istioctl reports IST0132 for a Gateway that does not exist too; only a whole-cluster paste can say so.
      if (ctx.complete) ctx.report({ rule: ID, at: vs, path: ['spec', 'gateways', gi], on: 'value', msg: {
        ko: `바인딩한 Gateway \`${key}\`가 없으니 이 VS의 호스트(${hosts.join(', ')})는 어느 게이트웨이 서버에도 붙지 않는다.`,
        en: `The bound Gateway \`${key}\` does not exist, so none of this VS's hosts (${hosts.join(', ')}) attach to a gateway server.` } });
      return;
    }
    const { offered, elsewhere } = offers(ctx, key, gw.ns, vs.ns);
    const mine = hosts.filter((h) => offered.some((o) => overlaps(o, h)));
    mine.forEach((h) => served.add(h));
    if (mine.length) return;
    const list = (ctx.index.serversByGw.get(key) ?? []).flatMap((s) => s.rawHosts).join(', ') || '-';
    const other = elsewhere.find((o) => hosts.some((h) => overlaps(o.host, h)));
    ctx.report({ rule: ID, at: vs, path: ['spec', 'gateways', gi], on: 'value', msg: other ? {
      ko: `Gateway \`${key}\`는 \`${other.host}\`를 네임스페이스 \`${other.ns}\`의 VirtualService에만 내준다(\`hosts\`: ${list}). 이 VS는 \`${vs.ns}\`에 있어 호스트(${hosts.join(', ')})의 라우트가 이 게이트웨이에 붙지 않고 요청은 \`404\`(\`NR\`)로 끝난다. VS를 \`${other.ns}\`로 옮기거나 Gateway 호스트에 \`${vs.ns}/${other.host}\`를 더하자.`,
      en: `Gateway \`${key}\` offers \`${other.host}\` only to VirtualServices in namespace \`${other.ns}\` (\`hosts\`: ${list}). This VS is in \`${vs.ns}\`, so routes for its hosts (${hosts.join(', ')}) never attach to this gateway and requests end in \`404\` (\`NR\`). Move the VS to \`${other.ns}\` or add \`${vs.ns}/${other.host}\` to the Gateway hosts.` } : {
      ko: `이 VS의 호스트(${hosts.join(', ')}) 중 어느 것도 바인딩한 Gateway \`${key}\`의 서버 \`hosts\`(${list})와 겹치지 않는다. 이 게이트웨이에는 VS의 라우트가 하나도 생기지 않고 요청은 \`404\`(\`NR\`)로 끝난다. Gateway 서버 \`hosts\`에 VS 호스트를 더하거나 VS 호스트를 고치자.`,
      en: `None of this VS's hosts (${hosts.join(', ')}) overlaps the server \`hosts\` of its Gateway \`${key}\` (${list}). None of the VS's routes is created on that gateway and requests end in \`404\` (\`NR\`). Add the VS hosts to the Gateway server \`hosts\`, or fix them.` } });
  });
  // A host that no bound gateway serves, while the gateways serve others: istioctl is silent, but
  // that host gets no route at any gateway. Only when the VS does not also serve the mesh.
  if (!decided || !served.size || refs.includes('mesh') || !refs.length) return;
  hosts.forEach((h, i) => {
    if (served.has(h)) return;
    ctx.report({ rule: ID, at: vs, path: ['spec', 'hosts', i], on: 'value', istioctl: '', msg: {
      ko: `VirtualService 호스트 \`${h}\`는 바인딩한 어느 Gateway의 서버 \`hosts\`와도 겹치지 않는다. 이 호스트의 라우트는 게이트웨이에 생기지 않고 요청은 \`404\`(\`NR\`)로 끝난다(istioctl은 다른 호스트가 맞으면 알리지 않는다). Gateway 서버 \`hosts\`에 \`${h}\`를 더하거나 VS 호스트를 고치자.`,
      en: `VirtualService host \`${h}\` overlaps the server \`hosts\` of none of its Gateways. No route for it is created on a gateway and requests end in \`404\` (\`NR\`) (istioctl stays silent when another host matches). Add \`${h}\` to the Gateway server \`hosts\` or fix the VS host.` } });
  });
}

export const rule: Rule = {
  id: ID,
  severity: 'warning',
  istioctl: 'IST0132',
  title: { ko: 'VirtualService 호스트가 바인딩한 Gateway의 hosts에 없다', en: 'VirtualService host not among the hosts of its Gateway' },
  summary: {
    ko: 'Gateway에 바인딩한 VirtualService의 라우트는 그 Gateway 서버의 `hosts`와 겹치는 호스트에만 붙는다. 바인딩한 Gateway 하나가 VS의 어느 호스트와도 겹치지 않으면 그 게이트웨이에는 라우트가 하나도 생기지 않고 요청은 `404`(`NR`)로 끝난다(istioctl IST0132, `gateways` 항목에 표시). 여러 Gateway에 바인딩한 VS에서 호스트마다 맡는 Gateway가 달라도 괜찮다. 어느 Gateway도 맡지 않는 호스트는 istioctl은 알리지 않지만 이 규칙은 경고한다(VS가 `mesh`에도 바인딩하면 그 호스트는 메시 라우트용일 수 있어 알리지 않는다). 와일드카드(`*`, `*.example.com`)는 서로 덮는 범위로 비교하고, Gateway 호스트의 `네임스페이스/` 접두사(`shop/api.example.com`, `./api.example.com`)는 그 네임스페이스의 VS에만 호스트를 내준다는 뜻으로 읽는다. 바인딩한 Gateway가 붙여 넣은 내용에 없으면 판단하지 않는다.',
    en: 'A VirtualService bound to a Gateway attaches its routes only for hosts that overlap the `hosts` of that Gateway\'s servers. When a bound Gateway overlaps none of the VS hosts, no route of the VS is created on that gateway and requests end in `404` (`NR`) (istioctl IST0132, shown on the `gateways` entry). A VS bound to several Gateways may have each host served by a different one. A host that no bound Gateway serves is not reported by istioctl, but this rule warns about it (unless the VS is also bound to `mesh`, where the host may be meant for mesh routing). Wildcards (`*`, `*.example.com`) are compared by what they cover, and a `namespace/` prefix on a Gateway host (`shop/api.example.com`, `./api.example.com`) is read as offering the host to VirtualServices of that namespace only. When the bound Gateway is not in the paste the rule says nothing.',
  },
  docs: 'tools/validator-rules/#vs-host-not-in-gateway',
  check(ctx) {
    for (const vs of ctx.index.vss) checkVs(ctx, vs);
  },
};
