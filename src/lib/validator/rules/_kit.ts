// Small helpers shared by the rules (not a rule itself).
import type { Resource } from '../types.ts';
import { arr, byKind, fqdn, gwHost, gwRef, isObj, str, strs } from '../util.ts';

export const TLS_ORIGINATING = ['SIMPLE', 'MUTUAL'];

export interface Server { gw: Resource; index: number; server: Record<string, unknown>; port?: number; protocol: string;
  /** Hosts without their `namespace/` prefix. */
  hosts: string[];
  /** Hosts as written, with any `namespace/` prefix (`shop/api.example.com`, `./api.example.com`). */
  rawHosts: string[];
  mode?: string }

export function gatewayServers(rs: Resource[]): Server[] {
  const out: Server[] = [];
  for (const gw of byKind(rs, 'Gateway')) {
    arr(gw.spec.servers).forEach((s, index) => {
      if (!isObj(s)) return;
      const port = isObj(s.port) && typeof s.port.number === 'number' ? s.port.number : undefined;
      const protocol = (isObj(s.port) ? str(s.port.protocol) : undefined)?.toUpperCase() ?? '';
      out.push({ gw, index, server: s, port, protocol, hosts: strs(s.hosts).map(gwHost), rawHosts: strs(s.hosts), mode: isObj(s.tls) ? str(s.tls.mode) : undefined });
    });
  }
  return out;
}

export const gwKey = (g: Resource) => `${g.ns}/${g.name}`;

/** Gateways (in the bundle) a VS binds, as `ns/name` keys. */
export const vsGateways = (vs: Resource) => strs(vs.spec.gateways).filter((g) => g !== 'mesh').map((g) => gwRef(g, vs.ns));
export const vsBindsMesh = (vs: Resource) => { const g = strs(vs.spec.gateways); return g.length === 0 || g.includes('mesh'); };

export type RouteKind = 'http' | 'tls' | 'tcp';
export interface Route { vs: Resource; kind: RouteKind; index: number; route: Record<string, unknown>;
  /** The gateways a route applies to: its match gateways, else the VS's. 'mesh' included. */
  gateways: string[]; ports: (number | undefined)[] }

export function vsRoutes(vs: Resource): Route[] {
  const out: Route[] = [];
  const all = strs(vs.spec.gateways);
  const vsGws = all.length ? all : ['mesh'];
  for (const kind of ['http', 'tls', 'tcp'] as const) {
    arr(vs.spec[kind]).forEach((route, index) => {
      if (!isObj(route)) return;
      const matches = arr(route.match).filter(isObj);
      const mg = matches.flatMap((m) => strs(m.gateways));
      const gateways = (mg.length ? mg : vsGws).map((g) => (g === 'mesh' ? g : gwRef(g, vs.ns)));
      const ports = matches.length ? matches.map((m) => (typeof m.port === 'number' ? m.port : undefined)) : [undefined];
      out.push({ vs, kind, index, route, gateways: [...new Set(gateways)], ports });
    });
  }
  return out;
}

/** The destinations of a route, with their paths relative to the VS. */
export function destinations(r: Route): { host: string; subset?: string; port?: number; path: (string | number)[] }[] {
  return arr(r.route.route).flatMap((d, i) => {
    if (!isObj(d) || !isObj(d.destination)) return [];
    const dest = d.destination;
    const host = str(dest.host);
    if (!host) return [];
    return [{ host: fqdn(host, r.vs.ns), subset: str(dest.subset),
      port: isObj(dest.port) && typeof dest.port.number === 'number' ? dest.port.number : undefined,
      path: ['spec', r.kind, r.index, 'route', i, 'destination'] }];
  });
}

export const drHost = (dr: Resource) => fqdn(str(dr.spec.host) ?? '', dr.ns);

/** Hosts of ServiceEntries in the bundle. */
export const seHosts = (rs: Resource[]) => byKind(rs, 'ServiceEntry').flatMap((se) => strs(se.spec.hosts));

/** Namespaces that hold a gateway workload, as far as the bundle tells: Gateway resources' and istio-system. */
export function gatewayNamespaces(rs: Resource[]): Set<string> {
  const out = new Set(['istio-system', ...byKind(rs, 'Gateway').map((g) => g.ns)]);
  // Namespaces named for gateways (istio-egress, egress-gateways...) hold gateway pods by convention.
  for (const r of rs) if (/egress|ingress|gateway/.test(r.ns)) out.add(r.ns);
  return out;
}

/** Every traffic policy of a DR (top, subsets, and their port-level entries), with paths. */
export function drPolicies(dr: Resource): { tp: Record<string, unknown>; path: (string | number)[] }[] {
  const out: { tp: Record<string, unknown>; path: (string | number)[] }[] = [];
  const visit = (tp: unknown, path: (string | number)[]) => {
    if (!isObj(tp)) return;
    out.push({ tp, path });
    arr(tp.portLevelSettings).forEach((p, i) => visit(p, [...path, 'portLevelSettings', i]));
  };
  visit(dr.spec.trafficPolicy, ['spec', 'trafficPolicy']);
  arr(dr.spec.subsets).forEach((s, i) => { if (isObj(s)) visit(s.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy']); });
  return out;
}

/** Seconds in a Go-style duration string (`1h30m`, `300s`), or undefined. */
export function seconds(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(v)) return undefined;
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : m[2] === 'h' ? n * 3600 : n;
  }
  return total;
}

/** Pods and pod controllers of the paste, with the labels their pods carry. */
export interface Workload { r: Resource; ns: string; labels: Record<string, string> }
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const workloadMemo = new WeakMap<Resource[], Workload[]>();
export function workloads(rs: Resource[]): Workload[] {
  let out = workloadMemo.get(rs);
  if (out) return out;
  out = [];
  for (const r of rs) {
    if (!WORKLOAD_KINDS.has(r.kind) || (r.group !== '' && r.group !== 'apps')) continue;
    const meta = r.kind === 'Pod' ? r.obj.metadata : isObj(r.spec.template) ? r.spec.template.metadata : undefined;
    const labels: Record<string, string> = {};
    if (isObj(meta) && isObj(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) if (typeof v === 'string') labels[k] = v;
    out.push({ r, ns: r.ns, labels });
  }
  workloadMemo.set(rs, out);
  return out;
}

/** A label selector (`matchLabels` form) picks a label set when every pair is present. */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObj(selector)) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * The namespace of the gateway workload a Gateway's `selector` picks. istiod reads a server's
 * `credentialName` secret from the namespace of that proxy, not the Gateway's (istio 1.30.3
 * pilot/pkg/model/credentials/resource.go ParseResourceName; pilot/pkg/xds/sds.go
 * filterAuthorizedResources requires the same namespace). A workload in the paste wins; else the
 * default install's `istio: ingressgateway` / `istio: egressgateway` run in istio-system
 * (istioctl analyze assumes the ingress one too: pkg/config/analysis/local/defaults.go).
 */
export interface WorkloadNs { ns: string; from: 'paste' | 'default'; workload?: Resource }
export const DEFAULT_GATEWAYS: Record<string, string> = { ingressgateway: 'istio-system', egressgateway: 'istio-system' };
export function gatewayWorkloadNs(gw: Resource, rs: Resource[], opts: { complete?: boolean } = {}): WorkloadNs | undefined {
  const sel = gw.spec.selector;
  const hit = workloads(rs).find((w) => isObj(sel) && Object.keys(sel).length > 0 && selects(sel, w.labels));
  if (hit) return { ns: hit.ns, from: 'paste', workload: hit.r };
  if (!isObj(sel)) return undefined;
  const keys = Object.keys(sel);
  const def = keys.length === 1 && keys[0] === 'istio' ? DEFAULT_GATEWAYS[String(sel.istio)] : undefined;
  // Treating the paste as the whole cluster, only the ingress gateway istioctl assumes is there.
  if (def && (!opts.complete || sel.istio === 'ingressgateway')) return { ns: def, from: 'default' };
  return undefined;
}

/**
 * A `gateways` entry naming the Istio Gateway that istiod generates from a Kubernetes Gateway
 * (`ns/name~istio-autogenerated-k8s-gateway~listener`): istio 1.30.3 pkg/config/gateway/kube/
 * gatewayapi.go IsInternalGatewayReference. istioctl reports IST0165 for it.
 */
export const isInternalGatewayRef = (ref: string) => ref.slice(ref.indexOf('/') + 1).includes('~istio-autogenerated-k8s-gateway~');

/**
 * The host registry as istioctl's analyzers see it (istio 1.30.3 pkg/config/analysis/analyzers/util/
 * service_lookup.go InitServiceEntryHostMap): ServiceEntry hosts per `exportTo` scope, and
 * Kubernetes Services (`networking.istio.io/exportTo` annotation) as `<name>.<ns>.svc.cluster.local`.
 */
export interface RegistryEntry { host: string; scope: '*' | Set<string>; ports: number[]; r: Resource }
const registryMemo = new WeakMap<Resource[], RegistryEntry[]>();
export function hostRegistry(rs: Resource[]): RegistryEntry[] {
  let out = registryMemo.get(rs);
  if (out) return out;
  out = [];
  for (const r of rs) {
    if (r.group === 'networking.istio.io' && r.kind === 'ServiceEntry') {
      const list = strs(r.spec.exportTo);
      const scope = !list.length || list.includes('*') ? '*' as const : new Set(list.map((n) => (n === '.' ? r.ns : n)));
      const ports = arr(r.spec.ports).flatMap((p) => (isObj(p) && typeof p.number === 'number' ? [p.number] : []));
      for (const h of strs(r.spec.hosts)) out.push({ host: fqdn(h, r.ns), scope, ports, r });
    } else if (r.group === '' && r.kind === 'Service') {
      const meta = isObj(r.obj.metadata) ? r.obj.metadata : {};
      const anno = isObj(meta.annotations) ? str(meta.annotations['networking.istio.io/exportTo']) : undefined;
      const list = anno ? anno.split(',').map((n) => n.trim()).filter(Boolean) : [];
      const scope = !list.length || list.includes('*') ? '*' as const : new Set(list.map((n) => (n === '.' ? r.ns : n)));
      const ports = arr(r.spec.ports).flatMap((p) => (isObj(p) && typeof p.port === 'number' ? [p.port] : []));
      out.push({ host: `${r.name}.${r.ns}.svc.cluster.local`, scope, ports, r });
    }
  }
  registryMemo.set(rs, out);
  return out;
}

/**
 * The registry entry a destination host resolves to from a VirtualService (util.GetDestinationHost):
 * an entry exported to all, else to the namespaces the VS is exported to (its own when `exportTo`
 * is empty), else a wildcard ServiceEntry host exported to all or to the VS's namespace.
 */
export function lookupHost(rs: Resource[], host: string, vs: Resource): RegistryEntry | undefined {
  const { byHost, wildcards } = registryIndex(rs);
  const h = fqdn(host, vs.ns);
  const exact = byHost.get(h) ?? [];
  const all = exact.find((e) => e.scope === '*');
  if (all) return all;
  const vsScopes = strs(vs.spec.exportTo).map((n) => (n === '.' ? vs.ns : n));
  for (const ns of vsScopes.length ? vsScopes : [vs.ns]) {
    const hit = exact.find((e) => e.scope !== '*' && e.scope.has(ns));
    if (hit) return hit;
  }
  const bare = h.replace(/^\*/, '');
  return wildcards.find((e) => (e.scope === '*' || e.scope.has(vs.ns)) && bare.endsWith(e.host.slice(1)));
}

const indexMemo = new WeakMap<Resource[], { byHost: Map<string, RegistryEntry[]>; wildcards: RegistryEntry[] }>();
/** Registry entries by host, and the wildcard ones (built once per paste). */
export function registryIndex(rs: Resource[]) {
  let idx = indexMemo.get(rs);
  if (idx) return idx;
  const byHost = new Map<string, RegistryEntry[]>();
  const wildcards: RegistryEntry[] = [];
  for (const e of hostRegistry(rs)) {
    pushTo(byHost, e.host, e);
    if (e.host.startsWith('*')) wildcards.push(e);
  }
  idx = { byHost, wildcards };
  indexMemo.set(rs, idx);
  return idx;
}

/** Append to the list under `k` (lists grow in place: a big paste stays linear). */
export function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
