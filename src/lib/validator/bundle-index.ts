// Lookups over the resources of one validation, built once and shared by every rule (`ctx.index`):
// resources by kind, DestinationRules and ServiceEntries by host, Gateway servers and VirtualService
// routes by gateway, secrets and Services by name. Cross-resource rules use these maps instead of
// scanning the bundle inside their loops, so a bundle of thousands of resources stays linear.
// Each table is computed on first use: a run with a few rules pays only for what they read.
import type { Resource } from './types.ts';
import { credentialRefs } from './rules/_credentials.ts';
import type { CredRef } from './rules/_credentials.ts';
import { drHost, gatewayNamespaces, gatewayServers, gwKey, vsRoutes } from './rules/_kit.ts';
import type { Route, Server } from './rules/_kit.ts';
import { hostMatches, secrets, strs } from './util.ts';

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** Host names of a registry (ServiceEntry hosts), exact and wildcard, for fast "is it covered". */
export interface HostSet { all: string[]; exact: Set<string>; wildcards: string[]; covers(host: string): boolean }

export function hostSet(hosts: Iterable<string>): HostSet {
  const all = [...new Set(hosts)];
  const exact = new Set(all);
  const wildcards = all.filter((h) => h.startsWith('*'));
  return { all, exact, wildcards, covers: (h) => exact.has(h) || wildcards.some((w) => hostMatches(w, h)) };
}

export class BundleIndex {
  readonly resources: Resource[];
  private readonly memo = new Map<string, unknown>();

  constructor(resources: Resource[]) {
    this.resources = resources;
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** `networking.istio.io` resources of one kind, in bundle order. */
  kind(kind: string): Resource[] {
    const all = this.once('kinds', () => {
      const m = new Map<string, Resource[]>();
      for (const r of this.resources) if (r.group === 'networking.istio.io') push(m, r.kind, r);
      return m;
    });
    return all.get(kind) ?? [];
  }

  get drs(): Resource[] { return this.kind('DestinationRule'); }
  get vss(): Resource[] { return this.kind('VirtualService'); }
  get gateways(): Resource[] { return this.kind('Gateway'); }
  get serviceEntries(): Resource[] { return this.kind('ServiceEntry'); }

  /** Host a DR applies to (short names expanded with its namespace), computed once per DR. */
  drHost(dr: Resource): string {
    return this.once('drHost', () => new Map(this.drs.map((d) => [d, drHost(d)]))).get(dr) ?? drHost(dr);
  }

  /** DestinationRules by the host they apply to. */
  get drsByHost(): Map<string, Resource[]> {
    return this.once('drsByHost', () => {
      const m = new Map<string, Resource[]>();
      for (const d of this.drs) push(m, this.drHost(d), d);
      return m;
    });
  }

  /** ServiceEntries by each host they list, as written. */
  get seByHost(): Map<string, Resource[]> {
    return this.once('seByHost', () => {
      const m = new Map<string, Resource[]>();
      for (const se of this.serviceEntries) for (const h of new Set(strs(se.spec.hosts))) push(m, h, se);
      return m;
    });
  }

  /** Every host of the bundle's ServiceEntries. */
  get registry(): HostSet {
    return this.once('registry', () => hostSet(this.serviceEntries.flatMap((se) => strs(se.spec.hosts))));
  }

  get servers(): Server[] { return this.once('servers', () => gatewayServers(this.resources)); }

  /** Servers of each Gateway, by `namespace/name`. */
  get serversByGw(): Map<string, Server[]> {
    return this.once('serversByGw', () => {
      const m = new Map<string, Server[]>();
      for (const s of this.servers) push(m, gwKey(s.gw), s);
      return m;
    });
  }

  /** Gateways by `namespace/name` (the first one, should a bundle repeat a name). */
  get gatewaysByKey(): Map<string, Resource> {
    return this.once('gatewaysByKey', () => {
      const m = new Map<string, Resource>();
      for (const g of this.gateways) if (!m.has(gwKey(g))) m.set(gwKey(g), g);
      return m;
    });
  }

  /** Gateways by bare name, across namespaces. */
  get gatewaysByName(): Map<string, Resource[]> {
    return this.once('gatewaysByName', () => {
      const m = new Map<string, Resource[]>();
      for (const g of this.gateways) push(m, g.name, g);
      return m;
    });
  }

  /** The routes of a VirtualService (see `vsRoutes`), computed once per VS. */
  routes(vs: Resource): Route[] {
    const m = this.once('routes', () => new Map<Resource, Route[]>());
    let r = m.get(vs);
    if (!r) { r = vsRoutes(vs); m.set(vs, r); }
    return r;
  }

  get allRoutes(): Route[] { return this.once('allRoutes', () => this.vss.flatMap((vs) => this.routes(vs))); }

  /** Routes by each gateway they apply to (`namespace/name`, or `mesh`). */
  get routesByGateway(): Map<string, Route[]> {
    return this.once('routesByGateway', () => {
      const m = new Map<string, Route[]>();
      for (const r of this.allRoutes) for (const g of r.gateways) push(m, g, r);
      return m;
    });
  }

  /** Kubernetes Secrets by name, across namespaces. */
  get secretsByName(): Map<string, Resource[]> {
    return this.once('secretsByName', () => {
      const m = new Map<string, Resource[]>();
      for (const s of secrets(this.resources)) push(m, s.name, s);
      return m;
    });
  }

  /** Core `Service` resources by name, across namespaces. */
  get servicesByName(): Map<string, Resource[]> {
    return this.once('servicesByName', () => {
      const m = new Map<string, Resource[]>();
      for (const s of this.resources) if (s.group === '' && s.kind === 'Service') push(m, s.name, s);
      return m;
    });
  }

  get gatewayNamespaces(): Set<string> { return this.once('gatewayNamespaces', () => gatewayNamespaces(this.resources)); }

  get credentialRefs(): CredRef[] { return this.once('credentialRefs', () => credentialRefs(this.resources)); }
}
