// Which clusters HTTP routes send to, per proxy (a cluster reached from an HTTP route gets the
// application's requests as HTTP, so its transport socket decides whether TLS is spoken).
import type { ClusterRow } from '../types.ts';
import type { Context } from './rule.ts';

const cache = new WeakMap<object, Map<number, Set<string>>>();

function routed(ctx: Context): Map<number, Set<string>> {
  let m = cache.get(ctx.map);
  if (m) return m;
  m = new Map();
  for (const r of ctx.map.routes) {
    let set = m.get(r.proxy);
    if (!set) m.set(r.proxy, (set = new Set()));
    for (const vh of r.virtualHosts) for (const c of vh.clusters) set.add(c);
  }
  cache.set(ctx.map, m);
  return m;
}

export function httpRouted(ctx: Context, c: ClusterRow): boolean {
  return routed(ctx).get(c.proxy)?.has(c.name) ?? false;
}

/** Clusters reached by tcp_proxy from a listener chain that does not terminate TLS, matched on
 * transport_protocol tls or server_names: the application's own TLS passes through as bytes. */
export function tlsPassthroughTo(ctx: Context, c: ClusterRow): boolean {
  return ctx.map.listeners.some((l) => l.proxy === c.proxy && l.filterChains.some((fc) => !fc.terminatesTls && (fc.transportProtocol === 'tls' || fc.serverNames.length > 0) && (fc.destination ?? '').split(',').includes(c.name)));
}
