// The state built while inputs are read: one ProxyInfo per input and the rows of the map. Each
// resource arrives on its own (from the streaming parser or a walk of a parsed document) with
// the dump section it came from, and is reduced to its row at once, so a 200 MB dump never sits
// in memory as objects.
import { arr, g, gp, str, snake, type J } from './fields.ts';
import { clusterRow, countEndpoints, countMtlsEndpoints, listenerRow, pendingSecret, routeRow, type PendingSecret } from './model.ts';
import type { ClusterRow, InputForm, ListenerRow, ProxyInfo, RouteRow, WorkloadRow } from './types.ts';

export class Collector {
  proxies: ProxyInfo[] = [];
  clusters: ClusterRow[] = [];
  listeners: ListenerRow[] = [];
  routes: RouteRow[] = [];
  secrets: PendingSecret[] = [];
  workloads: WorkloadRow[] = [];
  /** proxy → cluster name → endpoint counts (from EDS sections). */
  endpoints = new Map<number, Map<string, { total: number; mtls: number }>>();
  /** Proxies whose input had a secrets section (so a missing SDS name is really missing). */
  sawSecrets = new Set<number>();

  addProxy(file: string): number {
    const id = this.proxies.length;
    this.proxies.push({ id, file, form: 'unknown', kind: 'unknown', bytes: 0 });
    return id;
  }

  private setForm(proxy: number, form: InputForm): void {
    const p = this.proxies[proxy]!;
    if (p.form === 'unknown') p.form = form;
  }

  /**
   * One entry of a dump section. `section` is the snake-case key of the array it was in
   * (`dynamic_active_clusters`, `dynamic_listeners`, `dynamic_warming_secrets`, the ztunnel
   * dump's `workloads` …), `item` for an element of a bare top-level array, `node` for the
   * bootstrap's node.
   */
  entry(proxy: number, section: string, item: J, fromConfigDump: boolean): void {
    if (fromConfigDump) this.setForm(proxy, 'config-dump');
    switch (section) {
      case 'static_clusters':
      case 'dynamic_active_clusters':
      case 'dynamic_warming_clusters': {
        const c = g(item, 'cluster');
        if (c) this.clusters.push(clusterRow(c, proxy, section === 'static_clusters' ? 'static' : section === 'dynamic_active_clusters' ? 'active' : 'warming'));
        return;
      }
      case 'static_listeners': {
        const l = g(item, 'listener');
        if (l) this.listeners.push(listenerRow(l, proxy, 'static'));
        return;
      }
      case 'dynamic_listeners': {
        // DynamicListener: a listener may be in several states at once (active + warming during
        // an update); each state is its own row.
        for (const [k, state] of [['active_state', 'active'], ['warming_state', 'warming'], ['draining_state', 'draining']] as const) {
          const l = gp(item, k, 'listener');
          if (l) this.listeners.push(listenerRow(l, proxy, state));
        }
        return;
      }
      case 'static_route_configs':
      case 'dynamic_route_configs': {
        const rc = g(item, 'route_config');
        if (rc) this.routes.push(routeRow(rc, proxy));
        return;
      }
      case 'static_secrets':
      case 'dynamic_active_secrets':
      case 'dynamic_warming_secrets': {
        this.sawSecrets.add(proxy);
        if (!fromConfigDump) this.setForm(proxy, 'secrets'); // istioctl proxy-config secret
        const s = g(item, 'secret');
        const state = section === 'static_secrets' ? 'static' : section === 'dynamic_active_secrets' ? 'active' : 'warming';
        this.secrets.push(pendingSecret(s ?? {}, proxy, state, str(g(item, 'name')), str(g(item, 'last_updated'))));
        return;
      }
      case 'static_endpoint_configs':
      case 'dynamic_endpoint_configs': {
        const cla = g(item, 'endpoint_config');
        const name = str(g(cla, 'cluster_name'));
        if (name) {
          let m = this.endpoints.get(proxy);
          if (!m) this.endpoints.set(proxy, (m = new Map()));
          m.set(name, { total: countEndpoints(cla), mtls: countMtlsEndpoints(cla) });
        }
        return;
      }
      case 'node':
        this.node(proxy, item);
        return;
      case 'workloads':
        this.setForm(proxy, 'ztunnel');
        this.workload(proxy, item);
        return;
      case 'certificates':
        this.setForm(proxy, 'ztunnel');
        this.ztunnelCert(proxy, item);
        return;
      case 'services':
      case 'policies':
        this.setForm(proxy, 'ztunnel');
        return;
      case 'item':
        this.bare(proxy, item);
        return;
      default:
    }
  }

  /** An element of a bare top-level list: istioctl proxy-config cluster|listener|route -o json,
   * and istioctl ztunnel-config certificate|workload -o json (lists of the ztunnel dump's
   * entries: istio 1.30.3 istioctl/pkg/writer/ztunnel/configdump certificates.go, workload.go). */
  private bare(proxy: number, item: J): void {
    if (!item || typeof item !== 'object') return;
    if (item.identity !== undefined && (item.certChain !== undefined || item.rootCerts !== undefined)) {
      this.setForm(proxy, 'ztunnel');
      this.ztunnelCert(proxy, item);
    } else if (item.workloadIps !== undefined || (item.uid !== undefined && item.protocol !== undefined)) {
      this.setForm(proxy, 'ztunnel');
      this.workload(proxy, item);
    } else if (g(item, 'virtual_hosts') !== undefined) {
      this.setForm(proxy, 'routes');
      this.routes.push(routeRow(item, proxy));
    } else if (g(item, 'filter_chains') !== undefined || g(item, 'listener_filters') !== undefined || g(item, 'default_filter_chain') !== undefined || (g(item, 'address') !== undefined && g(item, 'connect_timeout') === undefined)) {
      this.setForm(proxy, 'listeners');
      this.listeners.push(listenerRow(item, proxy, 'active'));
    } else if (g(item, 'tls_certificate') !== undefined || g(item, 'validation_context') !== undefined) {
      this.setForm(proxy, 'secrets');
      this.sawSecrets.add(proxy);
      this.secrets.push(pendingSecret(item, proxy, 'active'));
    } else if (str(g(item, 'name')) !== undefined) {
      this.setForm(proxy, 'clusters');
      this.clusters.push(clusterRow(item, proxy, 'active'));
    }
  }

  /** Bootstrap node: `TYPE~IP~POD.NS~NS.svc.cluster.local` (istio 1.30.3 pilot/pkg/model/context.go
   * ParseServiceNodeWithMetadata; types from pkg/model/proxy.go: sidecar, router, waypoint, ztunnel). */
  node(proxy: number, node: J): void {
    const p = this.proxies[proxy]!;
    const id = str(g(node, 'id'));
    const meta = g(node, 'metadata') ?? {};
    if (id) {
      p.nodeId = id;
      const parts = id.split('~');
      if (parts.length === 4) {
        if (parts[0] === 'sidecar' || parts[0] === 'router' || parts[0] === 'waypoint' || parts[0] === 'ztunnel') p.kind = parts[0];
        const [pod, ns] = parts[2]!.split('.');
        if (pod) p.workload = pod;
        if (ns) p.namespace = ns;
      }
    }
    const ns = str(meta.NAMESPACE);
    if (ns) p.namespace = ns;
    const name = str(meta.NAME);
    if (name) p.workload = name;
    const v = str(meta.ISTIO_VERSION);
    if (v) p.istioVersion = v;
  }

  private workload(proxy: number, w: J): void {
    const row: WorkloadRow = {
      proxy,
      name: str(w?.name) ?? '',
      namespace: str(w?.namespace) ?? '',
      protocol: str(w?.protocol) ?? 'TCP',
      ips: arr(w?.workloadIps).filter((x) => typeof x === 'string'),
    };
    const sa = str(w?.serviceAccount);
    if (sa) row.serviceAccount = sa;
    const wp = str(w?.waypoint?.destination);
    if (wp) row.waypoint = wp;
    const node = str(w?.node);
    if (node) row.node = node;
    this.workloads.push(row);
    this.proxies[proxy]!.kind = 'ztunnel';
  }

  /** ztunnel `certificates[]`: {identity, state, certChain[{pem,…}], rootCerts[…]} (istio 1.30.3
   * istioctl/pkg/writer/ztunnel/configdump/api.go CertsDump, the shape ztunnel serves). */
  private ztunnelCert(proxy: number, c: J): void {
    this.sawSecrets.add(proxy);
    this.proxies[proxy]!.kind = 'ztunnel';
    const identity = str(c?.identity) ?? '';
    const state = /^available$/i.test(str(c?.state) ?? 'Available') ? 'active' : 'warming';
    const chain = arr(c?.certChain).map((x) => str(x?.pem)).filter(Boolean).join('\n');
    const roots = arr(c?.rootCerts).map((x) => str(x?.pem)).filter(Boolean).join('\n');
    this.secrets.push({ proxy, name: identity, kind: 'certificate', state, ...(chain ? { pem: { text: chain, base64: false } } : {}) });
    if (roots) this.secrets.push({ proxy, name: `${identity} (roots)`, kind: 'validation-context', state, pem: { text: roots, base64: false } });
  }

  /** Walks a fully parsed document (JSON.parse or YAML) and feeds entry(). */
  walk(proxy: number, doc: J): boolean {
    if (Array.isArray(doc)) {
      for (const item of doc) this.entry(proxy, 'item', item, false);
      return true;
    }
    if (!doc || typeof doc !== 'object') return false;
    const configs = doc.configs;
    if (Array.isArray(configs)) {
      this.setForm(proxy, 'config-dump');
      for (const cfg of configs) {
        for (const [key, value] of Object.entries(cfg ?? {})) {
          const k = snake(key);
          if (k === 'bootstrap') {
            const node = g(value, 'node');
            if (node) this.entry(proxy, 'node', node, true);
          } else if (Array.isArray(value)) for (const item of value) this.entry(proxy, k, item, true);
        }
      }
      return true;
    }
    let known = false;
    for (const [key, value] of Object.entries(doc)) {
      const k = snake(key);
      if (!Array.isArray(value) || !TOP_SECTIONS.has(k)) continue;
      known = true;
      for (const item of value) this.entry(proxy, k, item, false);
    }
    if (known) return true;
    // A single resource (a Cluster or Listener copied out of a dump).
    if (g(doc, 'bootstrap')) {
      this.setForm(proxy, 'config-dump');
      const node = gp(doc, 'bootstrap', 'node');
      if (node) this.entry(proxy, 'node', node, true);
      return true;
    }
    if (str(g(doc, 'name')) !== undefined) {
      this.entry(proxy, 'item', doc, false);
      return true;
    }
    return false;
  }
}

/** Top-level arrays outside `configs[]`: a SecretsConfigDump (istioctl proxy-config secret) and
 * the ztunnel dump's lists. */
export const TOP_SECTIONS = new Set(['static_secrets', 'dynamic_active_secrets', 'dynamic_warming_secrets', 'workloads', 'services', 'policies', 'certificates']);

