// Conflicting Gateway servers, by istiod's rules and by istioctl's.
// istiod (istio 1.30.3 pilot/pkg/model/gateway.go mergeGateways) merges the servers of every
// Gateway that selects one gateway workload, in order, per port and bind, and drops ("skipping
// server") a server that:
//   - has `tls` and repeats a host of an earlier `tls` server (CheckDuplicates: one SNI filter chain per host);
//   - is plaintext and cannot merge with the port's first plaintext server (canMergeProtocols: both
//     must be HTTP; TCP+HTTP and two TCP servers never merge).
// istioctl IST0145 (pkg/config/analysis/analyzers/gateway/conflictinggateway.go) reports, on each
// Gateway, a server whose port number and one exact host (with the same bind) also appear in another
// Gateway with the same selector, whatever the protocol. HTTP servers that istiod merges are then
// a warning: their VirtualService routes for the host are appended into one virtual host
// (pilot/pkg/networking/core/gateway.go), so the first Gateway's routes shadow the other's.
import type { Rule } from '../types.ts';
import { isObj, str } from '../util.ts';
import { gwKey, pushTo, selects, workloads } from './_kit.ts';
import type { Server } from './_kit.ts';

const ID = 'gw-duplicate-server';
const HTTP = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB']);
const selectorKey = (s: unknown) => (isObj(s) ? JSON.stringify(Object.entries(s).sort()) : '');
const bind = (s: Server) => str(s.server.bind) ?? '';
/** Hosts as istiod compares them: `./h` becomes `<gateway namespace>/h`. */
const hostsOf = (s: Server) => s.rawHosts.map((h) => (h.startsWith('./') ? `${s.gw.ns}/${h.slice(2)}` : h));
const hasTls = (s: Server) => isObj(s.server.tls);
/** istiod's IsTLSServer: `tls` on a port that is not plain HTTP (an HTTPS redirect is not one). */
const tlsServer = (s: Server) => hasTls(s) && !HTTP.has(s.protocol);
const sameServer = (a: Server, b: Server) => a.protocol === b.protocol
  && JSON.stringify([...a.hosts].sort()) === JSON.stringify([...b.hosts].sort())
  && JSON.stringify(a.server.tls ?? null) === JSON.stringify(b.server.tls ?? null);

interface Drop { s: Server; by: Server; host?: string; hi?: number }

/** Replays istiod's merge over the servers of one workload; returns the servers it drops. */
function merge(servers: Server[]): Drop[] {
  const drops: Drop[] = [];
  const tlsHosts = new Map<string, Map<string, Server>>();
  const plain = new Map<string, Server>();
  for (const s of servers) {
    const port = `${s.port}|${bind(s)}`;
    if (hasTls(s)) {
      const known = tlsHosts.get(port) ?? new Map<string, Server>();
      tlsHosts.set(port, known);
      const hosts = hostsOf(s);
      const hi = hosts.findIndex((h) => known.has(h));
      if (hi >= 0) { drops.push({ s, by: known.get(hosts[hi]!)!, host: hosts[hi], hi }); continue; }
      for (const h of hosts) known.set(h, s);
    }
    if (tlsServer(s)) continue;
    const first = plain.get(port);
    if (!first) { plain.set(port, s); continue; }
    if (!(HTTP.has(s.protocol) && HTTP.has(first.protocol))) drops.push({ s, by: first });
  }
  return drops;
}

export const rule: Rule = {
  id: ID,
  severity: 'error',
  istioctl: 'IST0145',
  title: { ko: '같은 포트에서 충돌하는 Gateway 서버', en: 'Conflicting Gateway servers on one port' },
  summary: {
    ko: 'istiod는 한 게이트웨이 워크로드(`selector`)를 고르는 모든 Gateway의 서버를 포트별로 합치는데, 합칠 수 없는 서버는 버린다. `tls`가 있는 서버의 호스트가 같은 포트의 앞선 `tls` 서버에도 있거나(SNI 하나에 필터 체인은 하나다), 평문 서버 둘이 모두 HTTP는 아니면(TCP와 HTTP, TCP 둘) 뒤의 서버가 버려진다. 이 서버의 트래픽은 다른 서버의 설정을 타거나 연결이 거부되고, 어느 쪽이 남을지는 생성 순서에 달려 있다. 오류로 알린다. istioctl IST0145는 프로토콜과 상관없이 서로 다른 Gateway가 `selector`, 포트, 호스트까지 같으면 양쪽 모두에 알린다. istiod가 합쳐 주는 HTTP 서버끼리라면 경고다. 두 Gateway의 VirtualService 라우트가 한 가상 호스트에 이어 붙어 앞의 것이 뒤의 것을 가린다. 한 서버로 합치거나 호스트나 포트를 나누자. 한 Gateway 안에 똑같은 HTTP 서버를 되풀이한 경우는 `info`다.',
    en: 'istiod merges, port by port, the servers of every Gateway that selects one gateway workload (`selector`), and drops a server it cannot merge: a server with `tls` that repeats a host of an earlier `tls` server on the port (one SNI filter chain per host), or a plaintext server when the two are not both HTTP (TCP and HTTP, or two TCP). That server\'s traffic then gets the other server\'s settings or is refused, and which one survives depends on creation order: an error. istioctl\'s IST0145 flags, whatever the protocol, different Gateways with the same `selector`, port and an identical host; for HTTP servers that istiod does merge this is a warning: the VirtualService routes of both Gateways are appended into one virtual host, and the first shadows the second. Merge them into one server, or split hosts or ports. An identical HTTP server repeated inside one Gateway is an `info`.',
  },
  docs: 'egress/gateway-basics/',
  check(ctx) {
    const servers = ctx.index.servers.filter((s) => s.port !== undefined);
    // Group servers by gateway workload: equal selectors, joined by any pasted workload that two
    // selectors both pick (keyed by selector, so a big paste stays linear).
    const bySelector = new Map<string, Server[]>();
    const selectorOf = new Map<string, unknown>();
    for (const s of servers) {
      const k = selectorKey(s.gw.spec.selector);
      pushTo(bySelector, k, s);
      selectorOf.set(k, s.gw.spec.selector);
    }
    const parent = new Map([...bySelector.keys()].map((k) => [k, k]));
    const root = (k: string): string => (parent.get(k) === k ? k : root(parent.get(k)!));
    for (const w of workloads(ctx.resources)) {
      const picked = [...selectorOf].filter(([, sel]) => selects(sel, w.labels)).map(([k]) => root(k));
      for (const k of picked.slice(1)) parent.set(k, picked[0]!);
    }
    const merged = new Map<string, Server[]>();
    for (const s of servers) {
      const r = root(selectorKey(s.gw.spec.selector));
      pushTo(merged, r, s);
    }
    const groups = [...merged.values()];
    const dropped = new Set<Server>();
    for (const g of groups) {
      for (const d of merge(g)) {
        dropped.add(d.s);
        const other = d.by.gw === d.s.gw ? { ko: `이 Gateway의 ${d.by.index + 1}번째 서버`, en: `server ${d.by.index + 1} of this Gateway` } : { ko: `Gateway \`${gwKey(d.by.gw)}\`의 서버`, en: `a server of Gateway \`${gwKey(d.by.gw)}\`` };
        const shared = d.by.gw !== d.s.gw && hostsOf(d.s).some((h) => hostsOf(d.by).includes(h));
        const why = d.host !== undefined
          ? { ko: `포트 ${d.s.port}의 \`${d.host}\`는 ${other.ko}에도 있다. SNI 하나에 필터 체인은 하나뿐이라 istiod는 뒤의 이 서버를 버린다.`,
              en: `\`${d.host}\` on port ${d.s.port} is also served by ${other.en}. There is one filter chain per SNI, so istiod drops this later server.` }
          : { ko: `포트 ${d.s.port}에는 ${other.ko}(${d.by.protocol})가 먼저 있다. 평문 서버는 둘 다 HTTP일 때만 합쳐지므로 istiod는 이 ${d.s.protocol} 서버를 버린다.`,
              en: `${other.en[0]!.toUpperCase()}${other.en.slice(1)} (${d.by.protocol}) comes first on port ${d.s.port}. Plaintext servers merge only when both are HTTP, so istiod drops this ${d.s.protocol} server.` };
        ctx.report({ rule: ID, at: d.s.gw, path: d.hi !== undefined ? ['spec', 'servers', d.s.index, 'hosts', d.hi] : ['spec', 'servers', d.s.index, 'port'], on: d.hi !== undefined ? 'value' : 'key',
          istioctl: shared ? undefined : '', msg: {
            ko: `${why.ko} 어느 서버가 남을지는 생성 순서에 달려 있다. 한 서버로 합치거나 호스트나 포트를 나누자.`,
            en: `${why.en} Which one survives depends on creation order. Merge them into one server, or split hosts or ports.` } });
      }
    }
    // istioctl's IST0145: other Gateways of the workload with the same port, bind and an identical host.
    for (const g of groups) {
      const byHost = new Map<string, Server[]>();
      for (const s of g) for (const h of new Set(hostsOf(s))) {
        const k = `${s.port}|${bind(s)}|${h}`;
        pushTo(byHost, k, s);
      }
      for (const s of g) {
        if (dropped.has(s)) continue;
        let clash: Server | undefined;
        let hi = -1;
        hostsOf(s).some((h, i) => {
          clash = byHost.get(`${s.port}|${bind(s)}|${h}`)!.find((o) => o.gw !== s.gw);
          hi = i;
          return clash !== undefined;
        });
        if (!clash) continue;
        const host = hostsOf(s)[hi]!;
        const bothHttp = HTTP.has(s.protocol) && HTTP.has(clash.protocol) && !hasTls(s) && !hasTls(clash);
        const dropsOther = dropped.has(clash);
        ctx.report({ rule: ID, at: s.gw, path: ['spec', 'servers', s.index, 'hosts', hi], on: 'value', severity: bothHttp ? 'warning' : 'error', msg: bothHttp ? {
          ko: `포트 ${s.port}의 \`${host}\`는 같은 워크로드를 고르는 Gateway \`${gwKey(clash.gw)}\`에도 있다(istioctl IST0145). istiod는 두 HTTP 서버를 합치지만 두 Gateway의 VirtualService 라우트가 한 가상 호스트에 이어 붙어, 앞의 Gateway 라우트가 뒤의 것을 가린다. 한 Gateway로 모으거나 호스트를 나누자.`,
          en: `\`${host}\` on port ${s.port} is also in Gateway \`${gwKey(clash.gw)}\`, which selects the same workload (istioctl IST0145). istiod merges the two HTTP servers, but the VirtualService routes of both Gateways are appended into one virtual host and the first Gateway's routes shadow the other's. Keep the host in one Gateway, or split the hosts.` } : {
          ko: `포트 ${s.port}의 \`${host}\`는 같은 워크로드를 고르는 Gateway \`${gwKey(clash.gw)}\`에도 있다(istioctl IST0145). ${dropsOther ? 'istiod는 그쪽 서버를 버린다.' : '두 서버는 한 포트에서 합쳐지지 않는다.'} 한 서버로 합치거나 호스트나 포트를 나누자.`,
          en: `\`${host}\` on port ${s.port} is also in Gateway \`${gwKey(clash.gw)}\`, which selects the same workload (istioctl IST0145). ${dropsOther ? 'istiod drops that server.' : 'The two servers do not merge on one port.'} Merge them into one server, or split hosts or ports.` } });
      }
    }
    // An identical plaintext HTTP server repeated inside one Gateway: harmless, redundant.
    for (const g of ctx.index.serversByGw.values()) {
      g.forEach((s, i) => {
        if (s.port === undefined || hasTls(s) || !HTTP.has(s.protocol) || dropped.has(s)) return;
        const twin = g.slice(0, i).find((p) => p.port === s.port && sameServer(p, s));
        if (!twin) return;
        ctx.report({ rule: ID, at: s.gw, path: ['spec', 'servers', s.index, 'hosts', 0], on: 'value', severity: 'info', istioctl: '', msg: {
          ko: `이 서버는 같은 Gateway의 ${twin.index + 1}번째 서버와 똑같다(포트 ${s.port}). 평문 HTTP 서버는 합쳐지므로 동작에는 문제가 없지만 하나는 필요 없다.`,
          en: `This server repeats server ${twin.index + 1} of the same Gateway (port ${s.port}). Plaintext HTTP servers are merged, so it does no harm, but one of them is redundant.` } });
      });
    }
  },
};
