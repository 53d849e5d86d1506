// Helpers for the Kubernetes Gateway API and ambient rules (not a rule itself). What Istio does
// with these resources is read from istio 1.30.3 pilot/pkg/config/kube/gateway/ (conversion.go,
// conditions.go); the API's own rules from kubernetes-sigs/gateway-api v1.5.1 apis/v1/.
import type { Path, Resource } from '../types.ts';
import { arr, isObj, str, strs } from '../util.ts';

export const GW_GROUP = 'gateway.networking.k8s.io';
export const isGwApi = (r: Resource, kind: string) => r.group === GW_GROUP && r.kind === kind;
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** Labels of a resource's metadata. */
export function labels(r: Resource): Record<string, string> {
  const meta = isObj(r.obj.metadata) ? r.obj.metadata : {};
  const out: Record<string, string> = {};
  if (isObj(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

export interface Listener {
  gw: Resource; index: number; l: Record<string, unknown>; name: string; port?: number;
  protocol: string; hostname?: string; tls?: Record<string, unknown>;
  /** `tls.mode`, defaulting to Terminate as the API server does when `tls` is set (gateway-api
   * v1.5.1 apis/v1/gateway_types.go ListenerTLSConfig.Mode: +kubebuilder:default=Terminate). */
  mode?: string; path: Path;
  /** The Gateway is Istio's (see isIstioGateway). */
  istio: boolean;
}

export function listeners(gw: Resource, rs: Resource[]): Listener[] {
  const istio = isIstioGateway(gw, rs);
  return arr(gw.spec.listeners).flatMap((l, index) => {
    if (!isObj(l)) return [];
    const tls = isObj(l.tls) ? l.tls : undefined;
    return [{ gw, index, l, name: str(l.name) ?? '', port: typeof l.port === 'number' ? l.port : undefined,
      protocol: str(l.protocol) ?? '', hostname: str(l.hostname) || undefined, tls,
      mode: tls ? str(tls.mode) ?? 'Terminate' : undefined, path: ['spec', 'listeners', index], istio }];
  });
}

/**
 * The controller a Gateway's class names: Istio's built-in classes (pkg/config/constants:
 * istio, istio-waypoint, istio-east-west, istio-remote), or a GatewayClass in the paste.
 */
export function gatewayController(gw: Resource, rs: Resource[]): string | undefined {
  const cls = str(gw.spec.gatewayClassName);
  const own = gatewayClasses(rs).get(cls ?? '');
  if (own) return str(own.spec.controllerName);
  return ({ 'istio': 'istio.io/gateway-controller', 'istio-waypoint': 'istio.io/mesh-controller',
    'istio-east-west': 'istio.io/eastwest-controller', 'istio-remote': 'istio.io/unmanaged-gateway' } as Record<string, string>)[cls ?? ''];
}
/** Is this Gateway Istio's? Limits that are Istio's own, not the API's, apply only then. */
export const isIstioGateway = (gw: Resource, rs: Resource[]) => gatewayController(gw, rs)?.startsWith('istio.io/') ?? false;

/** Computed once per paste (rules call these inside loops over routes: a big paste stays linear). */
function memo<T>(make: (rs: Resource[]) => T): (rs: Resource[]) => T {
  const m = new WeakMap<Resource[], T>();
  return (rs) => {
    let v = m.get(rs);
    if (v === undefined) { v = make(rs); m.set(rs, v); }
    return v;
  };
}

/** The Gateway API Gateways of the paste. */
export const k8sGateways = memo((rs) => rs.filter((r) => isGwApi(r, 'Gateway')));
const gatewayClasses = memo((rs) => new Map(rs.filter((r) => isGwApi(r, 'GatewayClass')).map((r) => [r.name, r])));
const gatewaysByKey = memo((rs) => new Map(k8sGateways(rs).map((g) => [`${g.ns}/${g.name}`, g])));

/**
 * Route kinds Istio 1.30 lets a listener take (conditions.go generateSupportedKinds): HTTP and
 * HTTPS take HTTPRoute and GRPCRoute; TCP takes TCPRoute; TLS takes TLSRoute, and with
 * `mode: Terminate` TCPRoute too (TLSRoute on a Terminate listener is new in 1.30: up to 1.29.x a
 * TLS listener took TLSRoute only in Passthrough). `allowedRoutes.kinds` narrows the list.
 */
export function protocolKinds(l: Listener): string[] {
  switch (l.protocol) {
    case 'HTTP': case 'HTTPS': return ['HTTPRoute', 'GRPCRoute'];
    case 'TCP': return ['TCPRoute'];
    case 'TLS': return l.mode === 'Terminate' ? ['TLSRoute', 'TCPRoute'] : ['TLSRoute'];
    // Istio has no UDP listener (listenerProtocolToIstio); other implementations take UDPRoute.
    case 'UDP': return l.istio ? [] : ['UDPRoute'];
    default: return [];
  }
}
/** `allowedRoutes.kinds` entries as `Kind` (group gateway.networking.k8s.io) or `group/Kind`. */
export function allowedKinds(l: Listener): { kind: string; group: string; path: Path }[] | undefined {
  const ar = isObj(l.l.allowedRoutes) ? l.l.allowedRoutes : undefined;
  const list = ar ? arr(ar.kinds) : [];
  if (!list.length) return undefined;
  return list.flatMap((k, i) => (isObj(k) && str(k.kind) ? [{ kind: str(k.kind)!, group: str(k.group) ?? GW_GROUP, path: [...l.path, 'allowedRoutes', 'kinds', i] }] : []));
}
export function supportedKinds(l: Listener): string[] {
  const base = protocolKinds(l);
  const allowed = allowedKinds(l);
  return allowed ? base.filter((k) => allowed.some((a) => a.kind === k && a.group === GW_GROUP)) : base;
}

/**
 * Do a route hostname and a listener hostname intersect? Either side may be a `*.` wildcard,
 * which covers one or more labels (gateway-api v1.5.1 apis/v1 httproute_types.go Hostnames;
 * istio 1.30.3 pkg/config/host/name.go Matches, which referenceAllowed uses). No hostname = any.
 */
export function hostnamesIntersect(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === '*' || b === '*' || a === b) return true;
  const wa = a.startsWith('*.'), wb = b.startsWith('*.');
  if (wa && wb) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (wa) return b.endsWith(a.slice(1));
  if (wb) return a.endsWith(b.slice(1));
  return false;
}

/** Namespace objects of the paste, by name. */
export const namespaces = memo((rs) => new Map(rs.filter((r) => r.group === '' && r.kind === 'Namespace').map((r) => [r.name, r])));

/** matchLabels and matchExpressions of a LabelSelector against a label set. */
export function selectorMatches(sel: Record<string, unknown>, lbls: Record<string, string>): boolean {
  if (isObj(sel.matchLabels) && !Object.entries(sel.matchLabels).every(([k, v]) => lbls[k] === v)) return false;
  for (const e of arr(sel.matchExpressions)) {
    if (!isObj(e)) continue;
    const key = str(e.key) ?? '', values = strs(e.values), has = key in lbls;
    switch (str(e.operator)) {
      case 'In': if (!has || !values.includes(lbls[key]!)) return false; break;
      case 'NotIn': if (has && values.includes(lbls[key]!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

/**
 * Does a listener take routes from `routeNs`? `Same` (the default: gateway-api v1.5.1 apis/v1/
 * gateway_types.go AllowedRoutes and RouteNamespaces.From) and `All` decide alone; a
 * `Selector` needs the route's Namespace object (Kubernetes sets `kubernetes.io/metadata.name`
 * on each). Undefined when the paste cannot tell. `None` is left undecided: the API says no
 * routes, while Istio 1.30.3 namespacesFromSelector has no case for it.
 */
export function listenerAllowsNamespace(l: Listener, routeNs: string, rs: Resource[]): boolean | undefined {
  const ar = isObj(l.l.allowedRoutes) ? l.l.allowedRoutes : undefined;
  const ns = ar && isObj(ar.namespaces) ? ar.namespaces : undefined;
  const from = (ns && str(ns.from)) ?? 'Same';
  if (from === 'Same') return routeNs === l.gw.ns;
  if (from === 'All') return true;
  if (from === 'Selector' && ns && isObj(ns.selector)) {
    const obj = namespaces(rs).get(routeNs);
    if (!obj) return undefined;
    return selectorMatches(ns.selector, { ...labels(obj), 'kubernetes.io/metadata.name': routeNs });
  }
  return undefined;
}

export interface ParentRef { route: Resource; index: number; ref: Record<string, unknown>; ns: string; name: string;
  sectionName?: string; port?: number; path: Path; gw?: Resource }

/** The `parentRefs` of a route that name a Gateway (group and kind default to
 * gateway.networking.k8s.io and Gateway: gateway-api v1.5.1 apis/v1/shared_types.go ParentReference). */
export function gatewayParentRefs(route: Resource, rs: Resource[]): ParentRef[] {
  return arr(route.spec.parentRefs).flatMap((ref, index) => {
    if (!isObj(ref)) return [];
    if ((str(ref.group) ?? GW_GROUP) !== GW_GROUP || (str(ref.kind) ?? 'Gateway') !== 'Gateway') return [];
    const name = str(ref.name);
    if (!name) return [];
    const ns = str(ref.namespace) ?? route.ns;
    const gw = gatewaysByKey(rs).get(`${ns}/${name}`);
    return [{ route, index, ref, ns, name, sectionName: str(ref.sectionName) || undefined,
      port: typeof ref.port === 'number' ? ref.port : undefined, path: ['spec', 'parentRefs', index], gw }];
  });
}

export const routes = memo((rs) => rs.filter((r) => r.group === GW_GROUP && ROUTE_KINDS.includes(r.kind)));

/**
 * How far a parentRef gets through Istio's checks (conversion.go referenceAllowed, in its
 * order): listeners by `sectionName`/`port`, then those whose protocol and `allowedRoutes.kinds`
 * take the route's kind, then those whose `allowedRoutes.namespaces` take its namespace, then
 * those whose hostname intersects one of the route's. Each rule reports the first stage that
 * leaves nothing, so one mistake is reported once.
 */
export interface Attachment { pr: ParentRef; all: Listener[]; bySection: Listener[]; byKind: Listener[];
  byNs: Listener[]; nsUnknown: Listener[]; byHost: Listener[] }
export function attachment(pr: ParentRef, rs: Resource[]): Attachment | undefined {
  if (!pr.gw) return undefined;
  const all = listeners(pr.gw, rs);
  const bySection = all.filter((l) => (pr.sectionName === undefined || l.name === pr.sectionName) && (pr.port === undefined || l.port === pr.port));
  const byKind = bySection.filter((l) => supportedKinds(l).includes(pr.route.kind));
  const byNs = byKind.filter((l) => listenerAllowsNamespace(l, pr.route.ns, rs) === true);
  const nsUnknown = byKind.filter((l) => listenerAllowsNamespace(l, pr.route.ns, rs) === undefined);
  const hosts = strs(pr.route.spec.hostnames);
  const byHost = byNs.filter((l) => !hosts.length || hosts.some((h) => hostnamesIntersect(h, l.hostname)));
  return { pr, all, bySection, byKind, byNs, nsUnknown, byHost };
}

const grantsByNs = memo((rs) => {
  const m = new Map<string, Resource[]>();
  for (const g of rs) if (isGwApi(g, 'ReferenceGrant')) m.set(g.ns, [...(m.get(g.ns) ?? []), g]);
  return m;
});

/**
 * Does a ReferenceGrant in `toNs` let a `fromKind` in `fromNs` refer to `toKind` `toName`?
 * 'unknown' when the paste has no ReferenceGrant in `toNs` at all (one may exist in the cluster).
 */
export function grantAllows(rs: Resource[], from: { group: string; kind: string; ns: string }, to: { group: string; kind: string; ns: string; name: string }): 'yes' | 'no' | 'unknown' {
  const grants = grantsByNs(rs).get(to.ns) ?? [];
  if (!grants.length) return 'unknown';
  const ok = grants.some((g) => arr(g.spec.from).some((f) => isObj(f) && (str(f.group) ?? '') === from.group && str(f.kind) === from.kind && str(f.namespace) === from.ns)
    && arr(g.spec.to).some((t) => isObj(t) && (str(t.group) ?? '') === to.group && str(t.kind) === to.kind && (!str(t.name) || str(t.name) === to.name)));
  return ok ? 'yes' : 'no';
}

/** Where the paste says a namespace is in ambient mode (`istio.io/dataplane-mode: ambient`). */
export const ambientNamespaces = memo((rs) => {
  const out = new Set<string>();
  for (const [name, ns] of namespaces(rs)) if (labels(ns)['istio.io/dataplane-mode'] === 'ambient') out.add(name);
  return out;
});

/**
 * The waypoint a Service or ServiceEntry uses, as `{name, ns}`: its own `istio.io/use-waypoint`
 * label, else its namespace's; `istio.io/use-waypoint-namespace` beside it moves the waypoint to
 * another namespace; `none` opts out (istio 1.30.3 pilot/pkg/serviceregistry/ambient/waypoints.go
 * getUseWaypoint). Undefined when neither says.
 */
export function useWaypoint(r: Resource, rs: Resource[]): { name: string; ns: string } | undefined {
  const read = (l: Record<string, string>, ns: string) => {
    const name = l['istio.io/use-waypoint'];
    if (name === undefined) return undefined;
    return name === 'none' ? null : { name, ns: l['istio.io/use-waypoint-namespace'] ?? ns };
  };
  const own = read(labels(r), r.ns);
  if (own !== undefined) return own ?? undefined;
  const nsObj = namespaces(rs).get(r.ns);
  return (nsObj ? read(labels(nsObj), r.ns) : undefined) ?? undefined;
}

/** `Kind/name` of a reference, for messages. */
export const refText = (ref: Record<string, unknown>) => `${str(ref.kind) ?? '?'}/${str(ref.name) ?? '?'}`;
