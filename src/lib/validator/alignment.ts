// The "alignment map" of a double-mTLS egress bundle: the strings that must be equal across
// ServiceEntry, Gateway, VirtualService and the two DestinationRules, each link marked.
import { BundleIndex } from './bundle-index.ts';
import { parseFile, position, toResources } from './parse.ts';
import type { InputFile } from './engine.ts';
import type { Path, Resource, Text } from './types.ts';
import { arr, drTlsBlocks, hostMatches, isObj, resId, str, strs } from './util.ts';
import type { TlsAt } from './util.ts';
import { destinations, drHost, gwKey } from './rules/_kit.ts';
import type { Server } from './rules/_kit.ts';

export interface End { resource: string; file: string; path: string; value: string; line: number; column: number }
export interface AlignmentLink {
  id: string;
  label: Text;
  a?: End;
  b?: End;
  status: 'match' | 'mismatch' | 'missing';
}
/** The links of one double-mTLS bundle (one VirtualService bound to an ISTIO_MUTUAL server). */
export interface BundleMap { externalHost: string; vs: string; links: AlignmentLink[] }
/**
 * `externalHost` and `links` are the first bundle's (most pastes hold one); `bundles` has every
 * bundle found, up to `MAX_BUNDLES`, in the order of their VirtualServices.
 */
export interface AlignmentMap { externalHost?: string; links: AlignmentLink[]; bundles: BundleMap[] }

/** A paste with more bundles than this maps only the first ones (the findings cover all). */
export const MAX_BUNDLES = 50;

const end = (r: Resource, path: Path, value: unknown): End => {
  const p = position(r.src, path, 'value');
  return { resource: resId(r), file: r.src.file, path: path.join('.'), value: Array.isArray(value) ? value.join(', ') : String(value ?? ''), line: p.line, column: p.column };
};

export interface Bundle {
  vs: Resource;
  /** The ISTIO_MUTUAL server the VS's external host goes through, and all ISTIO_MUTUAL servers of that Gateway. */
  server: Server; servers: Server[]; externalHost: string;
  mesh?: { host: string; subset?: string; port?: number; path: Path };
  gwRoute?: { host: string; port?: number; path: Path; matchPort?: number; matchPath?: Path };
  dr1?: Resource; dr1Tls?: TlsAt; dr2?: Resource; dr2Tls?: TlsAt;
}

/** The double-mTLS shape in a set of resources (first match), if any. */
export function findBundle(rs: Resource[], index = new BundleIndex(rs)): Bundle | undefined {
  return findBundles(rs, index, 1)[0];
}

/** Every double-mTLS bundle: each VirtualService bound to a Gateway with an ISTIO_MUTUAL server. */
export function findBundles(rs: Resource[], index = new BundleIndex(rs), limit = Infinity): Bundle[] {
  const out: Bundle[] = [];
  for (const vs of index.vss) {
    if (out.length >= limit) break;
    const routes = index.routes(vs);
    const bound = new Set(routes.flatMap((r) => r.gateways));
    const servers = [...bound].flatMap((g) => index.serversByGw.get(g) ?? []).filter((s) => s.mode === 'ISTIO_MUTUAL');
    if (!servers.length) continue;
    const hosts = strs(vs.spec.hosts);
    // A gateway often has one ISTIO_MUTUAL server per external host: take the one for this VS.
    const server = servers.find((s) => s.hosts.some((g) => hosts.some((h) => hostMatches(g, h)))) ?? servers[0]!;
    const externalHost = hosts.find((h) => server.hosts.some((g) => hostMatches(g, h))) ?? hosts[0] ?? '';
    const b: Bundle = { vs, server, servers: servers.filter((s) => s.gw === server.gw), externalHost };
    const meshRoute = routes.find((r) => r.gateways.includes('mesh'));
    const meshDest = meshRoute && destinations(meshRoute)[0];
    if (meshDest) b.mesh = meshDest;
    const gwRoute = routes.find((r) => r.gateways.includes(gwKey(server.gw)) && !r.gateways.includes('mesh'));
    const gwDest = gwRoute && destinations(gwRoute)[0];
    if (gwRoute && gwDest) {
      const mi = gwRoute.ports.findIndex((p) => p !== undefined);
      b.gwRoute = { ...gwDest, matchPort: mi >= 0 ? gwRoute.ports[mi] : undefined, matchPath: mi >= 0 ? ['spec', gwRoute.kind, gwRoute.index, 'match', mi, 'port'] : undefined };
    }
    const pick = (dr: Resource, mode: string, port?: number, subset?: string) => {
      const blocks = drTlsBlocks(dr).filter((t) => str(t.tls.mode) === mode);
      return blocks.find((t) => t.subset === subset && t.port === port) ?? blocks.find((t) => t.port === port) ?? blocks[0];
    };
    if (b.mesh) {
      // Several DRs may share the gateway Service host (merged by Istio): take the one that
      // defines the VS's subset, else one with ISTIO_MUTUAL.
      const subset = b.mesh.subset;
      const candidates = index.drsByHost.get(b.mesh.host) ?? [];
      b.dr1 = (subset ? candidates.find((d) => arr(d.spec.subsets).some((x) => isObj(x) && x.name === subset)) : undefined)
        ?? candidates.find((d) => drTlsBlocks(d).some((t) => str(t.tls.mode) === 'ISTIO_MUTUAL')) ?? candidates[0];
      if (b.dr1) b.dr1Tls = pick(b.dr1, 'ISTIO_MUTUAL', b.mesh.port, b.mesh.subset);
    }
    if (b.gwRoute) {
      b.dr2 = index.drsByHost.get(b.gwRoute.host)?.[0];
      if (b.dr2) b.dr2Tls = pick(b.dr2, 'MUTUAL', b.gwRoute.port);
    }
    out.push(b);
  }
  return out;
}

export function alignmentFromResources(rs: Resource[], index = new BundleIndex(rs)): AlignmentMap {
  const bundles = findBundles(rs, index, MAX_BUNDLES).map((b) => ({ externalHost: b.externalHost, vs: resId(b.vs), links: bundleLinks(index, b) }));
  return { externalHost: bundles[0]?.externalHost, links: bundles[0]?.links ?? [], bundles };
}

function bundleLinks(index: BundleIndex, b: Bundle): AlignmentLink[] {
  const links: AlignmentLink[] = [];
  const link = (id: string, label: Text, a: End | undefined, bb: End | undefined, ok: boolean) =>
    links.push({ id, label, a, b: bb, status: !a || !bb ? 'missing' : ok ? 'match' : 'mismatch' });
  const host = b.externalHost;
  const vsHost = end(b.vs, ['spec', 'hosts', Math.max(0, strs(b.vs.spec.hosts).indexOf(host))], host);
  const sIdx = ['spec', 'servers', b.server.index];

  const ses = index.serviceEntries;
  const se = index.seByHost.get(host)?.[0] ?? ses.find((s) => strs(s.spec.hosts).some((h) => hostMatches(h, host))) ?? ses[0];
  const seI = se ? Math.max(0, strs(se.spec.hosts).findIndex((h) => hostMatches(h, host))) : 0;
  link('se-hosts', { ko: 'ServiceEntry hosts = VirtualService hosts', en: 'ServiceEntry hosts = VirtualService hosts' },
    se ? end(se, ['spec', 'hosts', seI], strs(se.spec.hosts)[seI]) : undefined, vsHost, !!se && strs(se.spec.hosts).some((h) => hostMatches(h, host)));

  const gi = Math.max(0, b.server.hosts.findIndex((h) => hostMatches(h, host)));
  link('gw-hosts', { ko: 'Gateway 서버 hosts = VirtualService hosts', en: 'Gateway server hosts = VirtualService hosts' },
    end(b.server.gw, [...sIdx, 'hosts', gi], b.server.hosts[gi]), vsHost, b.server.hosts.some((h) => hostMatches(h, host)));

  const gwRefIdx = strs(b.vs.spec.gateways).findIndex((g) => g !== 'mesh');
  link('vs-gateways', { ko: 'VirtualService gateways = Gateway 이름', en: 'VirtualService gateways = Gateway name' },
    gwRefIdx >= 0 ? end(b.vs, ['spec', 'gateways', gwRefIdx], strs(b.vs.spec.gateways)[gwRefIdx]) : undefined,
    end(b.server.gw, ['metadata', 'name'], gwKey(b.server.gw)), true);

  link('gw-port', { ko: 'VirtualService 게이트웨이 매치 port = Gateway 서버 port', en: 'VirtualService gateway match port = Gateway server port' },
    b.gwRoute?.matchPath ? end(b.vs, b.gwRoute.matchPath, b.gwRoute.matchPort) : undefined,
    end(b.server.gw, [...sIdx, 'port', 'number'], b.server.port), b.gwRoute?.matchPort === b.server.port);

  link('dr1-host', { ko: 'VirtualService 메시 목적지 host = 홉 1 DR host(게이트웨이 Service FQDN)', en: 'VirtualService mesh destination host = hop-1 DR host (gateway Service FQDN)' },
    b.mesh ? end(b.vs, [...b.mesh.path, 'host'], b.mesh.host) : undefined,
    b.dr1 ? end(b.dr1, ['spec', 'host'], drHost(b.dr1)) : undefined, !!b.dr1);

  if (b.mesh?.subset) {
    const names = b.dr1 ? arr(b.dr1.spec.subsets).filter(isObj).map((s) => str(s.name) ?? '') : [];
    const si = names.indexOf(b.mesh.subset);
    link('dr1-subset', { ko: 'VirtualService 메시 목적지 서브셋 = 홉 1 DR 서브셋', en: 'VirtualService mesh destination subset = hop-1 DR subset' },
      end(b.vs, [...b.mesh.path, 'subset'], b.mesh.subset), b.dr1 ? end(b.dr1, ['spec', 'subsets', Math.max(0, si), 'name'], names[Math.max(0, si)]) : undefined, si >= 0);
  }

  const sni1 = b.dr1Tls ? str(b.dr1Tls.tls.sni) : undefined;
  link('dr1-sni', { ko: '홉 1 DR sni(ISTIO_MUTUAL) = Gateway 서버 hosts', en: 'hop-1 DR sni (ISTIO_MUTUAL) = Gateway server hosts' },
    b.dr1 && b.dr1Tls ? end(b.dr1, sni1 ? [...b.dr1Tls.path, 'sni'] : b.dr1Tls.path, sni1 ?? '') : undefined,
    end(b.server.gw, [...sIdx, 'hosts', gi], b.server.hosts[gi]), !!sni1 && b.server.hosts.some((h) => hostMatches(h, sni1)));

  link('dr2-host', { ko: 'VirtualService 게이트웨이 목적지 host = 홉 2 DR host', en: 'VirtualService gateway destination host = hop-2 DR host' },
    b.gwRoute ? end(b.vs, [...b.gwRoute.path, 'host'], b.gwRoute.host) : undefined,
    b.dr2 ? end(b.dr2, ['spec', 'host'], drHost(b.dr2)) : undefined, !!b.dr2);

  const t2 = b.dr2Tls?.tls;
  const sni2 = t2 ? str(t2.sni) : undefined;
  link('dr2-sni', { ko: '홉 2 DR sni = 외부 호스트', en: 'hop-2 DR sni = external host' },
    b.dr2 && b.dr2Tls && sni2 ? end(b.dr2, [...b.dr2Tls.path, 'sni'], sni2) : undefined, vsHost, sni2 === host);
  const sans = t2 ? strs(t2.subjectAltNames) : [];
  link('dr2-san', { ko: '홉 2 DR subjectAltNames ∋ 외부 호스트', en: 'hop-2 DR subjectAltNames include the external host' },
    b.dr2 && b.dr2Tls && sans.length ? end(b.dr2, [...b.dr2Tls.path, 'subjectAltNames'], sans) : undefined, vsHost, sans.some((s) => hostMatches(s, host)));
  const cred = t2 ? str(t2.credentialName) : undefined;
  const named = cred ? index.secretsByName.get(cred) ?? [] : [];
  const secret = named.find((x) => x.ns === b.dr2?.ns) ?? named[0];
  link('dr2-secret', { ko: '홉 2 DR credentialName = 게이트웨이 네임스페이스의 Secret', en: 'hop-2 DR credentialName = Secret in the gateway namespace' },
    b.dr2 && b.dr2Tls && cred ? end(b.dr2, [...b.dr2Tls.path, 'credentialName'], cred) : undefined,
    secret ? end(secret, ['metadata', 'name'], `${secret.ns}/${secret.name}`) : undefined, !!secret && !!b.dr2 && secret.ns === b.dr2.ns);
  return links;
}

/** The alignment map of pasted text (for the widget). Never throws. */
export function alignmentMap(files: InputFile[]): AlignmentMap {
  try {
    const docs = files.flatMap((f) => parseFile(f.name, f.text).docs);
    return alignmentFromResources(toResources(docs));
  } catch {
    return { links: [], bundles: [] };
  }
}
