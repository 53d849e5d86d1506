// Finds Envoy configuration among the parsed documents: a bootstrap, a `static_resources`-like
// fragment, a lone listener or cluster, or an xDS-style `resources:` list.
import type { Ctx, ParsedDoc, Path } from '../types.ts';
import { arr, isObj, str } from '../util.ts';

export type EnvoyForm = 'bootstrap' | 'static' | 'listener' | 'cluster' | 'xds';
export const ROOT_TYPE: Record<Exclude<EnvoyForm, 'xds'>, string> = {
  bootstrap: 'envoy.config.bootstrap.v3.Bootstrap',
  static: 'envoy.config.bootstrap.v3.Bootstrap.StaticResources',
  listener: 'envoy.config.listener.v3.Listener',
  cluster: 'envoy.config.cluster.v3.Cluster',
};
const BOOTSTRAP_KEYS = ['static_resources', 'staticResources', 'dynamic_resources', 'dynamicResources', 'admin', 'layered_runtime', 'overload_manager'];

export function envoyForm(v: unknown): EnvoyForm | undefined {
  if (!isObj(v) || 'kind' in v || 'apiVersion' in v) return undefined;
  if (BOOTSTRAP_KEYS.some((k) => k in v)) return 'bootstrap';
  if (Array.isArray(v.resources) && v.resources.some((r) => isObj(r) && typeof r['@type'] === 'string')) return 'xds';
  if (Array.isArray(v.listeners) || Array.isArray(v.clusters)) return 'static';
  if ('filter_chains' in v || 'filterChains' in v || 'listener_filters' in v) return 'listener';
  if ('load_assignment' in v || 'loadAssignment' in v || 'connect_timeout' in v || ('lb_policy' in v && 'name' in v)) return 'cluster';
  return undefined;
}

export interface Located { path: Path; value: Record<string, unknown> }
export interface EnvoyDoc {
  src: ParsedDoc;
  form: EnvoyForm;
  listeners: Located[];
  clusters: Located[];
  /** Clusters may come from CDS: do not call a name unknown. */
  dynamicClusters: boolean;
}

const get = (o: Record<string, unknown>, snake: string) => {
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return o[snake] ?? o[camel];
};
export { get as field };

const cache = new WeakMap<ParsedDoc[], EnvoyDoc[]>();

export function envoyDocs(ctx: Ctx): EnvoyDoc[] {
  const hit = cache.get(ctx.docs);
  if (hit) return hit;
  const out: EnvoyDoc[] = [];
  for (const src of ctx.docs) {
    const v = src.value;
    const form = envoyForm(v);
    if (!form || !isObj(v)) continue;
    const d: EnvoyDoc = { src, form, listeners: [], clusters: [], dynamicClusters: false };
    const take = (list: unknown, base: Path, into: Located[]) =>
      arr(list).forEach((x, i) => { if (isObj(x)) into.push({ path: [...base, i], value: x }); });
    if (form === 'bootstrap') {
      const sr = get(v, 'static_resources');
      const key = 'static_resources' in v ? 'static_resources' : 'staticResources';
      if (isObj(sr)) {
        take(get(sr, 'listeners'), [key, 'listeners'], d.listeners);
        take(get(sr, 'clusters'), [key, 'clusters'], d.clusters);
      }
      const dr = get(v, 'dynamic_resources');
      d.dynamicClusters = isObj(dr) && !!get(dr, 'cds_config');
    } else if (form === 'static') {
      take(v.listeners, ['listeners'], d.listeners);
      take(v.clusters, ['clusters'], d.clusters);
    } else if (form === 'listener') d.listeners.push({ path: [], value: v });
    else if (form === 'cluster') d.clusters.push({ path: [], value: v });
    else {
      arr(v.resources).forEach((r, i) => {
        if (!isObj(r)) return;
        const t = str(r['@type']) ?? '';
        if (t.endsWith('.Listener')) d.listeners.push({ path: ['resources', i], value: r });
        if (t.endsWith('.Cluster')) d.clusters.push({ path: ['resources', i], value: r });
      });
    }
    out.push(d);
  }
  cache.set(ctx.docs, out);
  return out;
}

export const TLS_UPSTREAM = 'envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext';
export const TLS_DOWNSTREAM = 'envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext';

/** The typed_config of a transport socket if it is the given TLS context type. */
export function tlsContext(ts: unknown, type: string): Record<string, unknown> | undefined {
  if (!isObj(ts)) return undefined;
  const tc = get(ts, 'typed_config');
  if (!isObj(tc)) return undefined;
  return str(tc['@type'])?.endsWith(type) ? tc : undefined;
}

/** Every filter chain of a listener (including the default one), with its path. */
export function filterChains(l: Located): Located[] {
  const out: Located[] = [];
  const key = 'filter_chains' in l.value ? 'filter_chains' : 'filterChains';
  arr(get(l.value, 'filter_chains')).forEach((fc, i) => { if (isObj(fc)) out.push({ path: [...l.path, key, i], value: fc }); });
  const dfc = get(l.value, 'default_filter_chain');
  if (isObj(dfc)) out.push({ path: [...l.path, 'default_filter_chain'in l.value ? 'default_filter_chain' : 'defaultFilterChain'], value: dfc });
  return out;
}
