// istioctl's virtualservice.DestinationHostAnalyzer (istio 1.30.3 pkg/config/analysis/analyzers/
// virtualservice/destinationhosts.go): each destination host of a VirtualService (routes, `mirror`,
// `mirrors`) must be a Service or ServiceEntry host visible to the VS (`exportTo`), and a
// destination `port` must be one of that entry's ports; otherwise IST0101.
import type { Ctx, Resource, Rule } from '../types.ts';
import { arr, fqdn, isObj, str } from '../util.ts';
import { destinations, lookupHost, registryIndex } from './_kit.ts';

const ID = 'vs-destination-missing';
interface Dest { host: string; port?: number; path: (string | number)[] }

function mirrorDests(vs: Resource): Dest[] {
  const out: Dest[] = [];
  const add = (d: unknown, path: (string | number)[]) => {
    if (!isObj(d) || !str(d.host)) return;
    out.push({ host: str(d.host)!, port: isObj(d.port) && typeof d.port.number === 'number' ? d.port.number : undefined, path });
  };
  arr(vs.spec.http).forEach((r, i) => {
    if (!isObj(r)) return;
    add(r.mirror, ['spec', 'http', i, 'mirror']);
    arr(r.mirrors).forEach((m, j) => { if (isObj(m)) add(m.destination, ['spec', 'http', i, 'mirrors', j, 'destination']); });
  });
  return out;
}

function check(ctx: Ctx, vs: Resource, d: Dest) {
  const hit = lookupHost(ctx.resources, d.host, vs);
  const h = fqdn(d.host, vs.ns);
  if (!hit) {
    // A ServiceEntry for the host exists in the paste but is not exported to this VS: the paste decides.
    const hidden = (registryIndex(ctx.resources).byHost.get(h) ?? []).find((e) => e.r.kind === 'ServiceEntry');
    if (hidden) {
      ctx.report({ rule: ID, at: vs, path: [...d.path, 'host'], on: 'value', severity: 'warning', msg: {
        ko: `\`${d.host}\`는 ServiceEntry \`${hidden.r.ns}/${hidden.r.name}\`에 있지만 그 \`exportTo\`에 이 VS의 네임스페이스 \`${vs.ns}\`가 없어 이 VS에서는 보이지 않는다. 이 라우트의 요청은 레지스트리에 없는 호스트로 간다. ServiceEntry의 \`exportTo\`에 \`${vs.ns}\`를 더하자.`,
        en: `\`${d.host}\` is in ServiceEntry \`${hidden.r.ns}/${hidden.r.name}\`, but its \`exportTo\` does not include this VS's namespace \`${vs.ns}\`, so the VS does not see it. Requests on this route go to a host outside the registry. Add \`${vs.ns}\` to the ServiceEntry's \`exportTo\`.` } });
      return;
    }
    // Otherwise the Service may live in the cluster; only a whole-cluster paste says it does not.
    if (!ctx.complete) return;
    ctx.report({ rule: ID, at: vs, path: [...d.path, 'host'], on: 'value', msg: {
      ko: `목적지 호스트 \`${d.host}\`는 이 VS에서 보이는 Service나 ServiceEntry에 없다. 이 라우트의 요청은 \`503\`(\`NR\` 또는 클러스터 없음)으로 끝난다. 호스트 이름을 고치거나 ServiceEntry를 만들자.`,
      en: `Destination host \`${d.host}\` is no Service or ServiceEntry visible to this VS. Requests on this route end in \`503\` (\`NR\`, no cluster). Fix the host name or create a ServiceEntry.` } });
    return;
  }
  if (d.port === undefined || !hit.ports.length || hit.ports.includes(d.port)) return;
  ctx.report({ rule: ID, at: vs, path: [...d.path, 'port', 'number'], on: 'value', msg: {
    ko: `\`${d.host}\`의 ${hit.r.kind} \`${hit.r.ns}/${hit.r.name}\`에는 포트 ${d.port}가 없다(있는 포트: ${hit.ports.join(', ')}). 이 포트의 클러스터가 없어 요청은 \`503\`으로 끝난다. 포트 번호를 맞추자.`,
    en: `${hit.r.kind} \`${hit.r.ns}/${hit.r.name}\` for \`${d.host}\` has no port ${d.port} (ports: ${hit.ports.join(', ')}). There is no cluster for that port and requests end in \`503\`. Use one of its ports.` } });
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0101',
  title: { ko: 'VirtualService 목적지 호스트나 포트가 레지스트리에 없다', en: 'VirtualService destination host or port not in the registry' },
  summary: {
    ko: 'VirtualService의 목적지 호스트(라우트, `mirror`, `mirrors`)는 그 VS에서 보이는 Kubernetes Service나 ServiceEntry 호스트여야 하고, `port`를 쓰면 그 포트가 있어야 한다(istioctl IST0101). 아니면 이 라우트의 요청은 `503`으로 끝난다. ServiceEntry의 `exportTo`가 VS의 네임스페이스를 빼면 그 호스트는 이 VS에서 보이지 않는다. 붙여 넣은 내용에 있는 Service·ServiceEntry의 포트와 `exportTo`로 판단하고, 목적지가 붙여 넣은 내용에 아예 없으면 클러스터에 있을 수 있어 알리지 않는다(붙여 넣은 내용을 클러스터 전체로 읽을 때는 오류다).',
    en: 'A VirtualService destination host (routes, `mirror`, `mirrors`) must be a Kubernetes Service or ServiceEntry host visible to the VS, and a destination `port` must be one of its ports (istioctl IST0101). Otherwise requests on the route end in `503`. A ServiceEntry whose `exportTo` leaves out the VS\'s namespace is invisible to it. The rule decides from the ports and `exportTo` of Services and ServiceEntries in the paste; a destination entirely absent from the paste may live in the cluster and is not reported (reading the paste as the whole cluster, it is an error).',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    for (const vs of ctx.index.vss) {
      for (const r of ctx.index.routes(vs)) for (const d of destinations(r)) check(ctx, vs, { host: hostAt(vs, d.path) ?? d.host, port: d.port, path: d.path });
      for (const m of mirrorDests(vs)) check(ctx, vs, m);
    }
  },
};

/** The destination host as written (destinations() expands short names; lookup does it itself). */
function hostAt(vs: Resource, path: (string | number)[]): string | undefined {
  let v: unknown = vs.obj;
  for (const k of path) v = isObj(v) ? v[k as string] : Array.isArray(v) ? v[k as number] : undefined;
  return isObj(v) ? str(v.host) : undefined;
}
