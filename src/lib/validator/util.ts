import type { Resource } from './types.ts';
import { boundedDistance } from '../text/edit-distance.ts';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/**
 * Edit distance, capped for speed: long strings are never "typos" of each other, and once every
 * prefix is more than `max` edits away the answer is "far" (99) without finishing the table.
 */
export function distance(a: string, b: string, max = 99): number {
  if (Math.abs(a.length - b.length) > Math.min(3, max) || a.length > 64 || b.length > 64) return 99;
  const d = boundedDistance(a, b, max);
  return d > max ? 99 : d;
}

/** The closest candidate, if close enough to be a likely typo (case-insensitive first). */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 99;
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === w ? 0 : distance(w, c.toLowerCase(), Math.min(limit, bestD));
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}

export const resId = (r: Resource) => `${r.kind}/${r.ns}/${r.name}`;

export const isIstioNet = (r: Resource, kind: string) => r.group === 'networking.istio.io' && r.kind === kind;
export const byKind = (rs: Resource[], kind: string) => rs.filter((r) => isIstioNet(r, kind));

/** The registry name Istio resolves a DR/VS host to: a short name gets the resource's namespace. */
export function fqdn(host: string, ns: string): string {
  return host.includes('.') || host.includes('*') ? host : `${host}.${ns}.svc.cluster.local`;
}

/** Does a host pattern (may start with `*.`, or be `*`) cover a concrete host name? */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === host) return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return false;
}

export const isMeshInternal = (host: string) => host.endsWith('.local') || !host.includes('.');

/** Strip the `namespace/` prefix Gateway servers allow in hosts. */
export const gwHost = (h: string) => (h.includes('/') ? h.slice(h.indexOf('/') + 1) : h);

/** Resolve a VS `gateways` entry to `namespace/name`. */
export function gwRef(ref: string, vsNs: string): string {
  return ref.includes('/') ? ref : `${vsNs}/${ref}`;
}

/** Every TLS settings block of a DestinationRule, with its path and the port it applies to. */
export interface TlsAt { tls: Record<string, unknown>; path: (string | number)[]; port?: number; subset?: string }
export function drTlsBlocks(dr: Resource): TlsAt[] {
  const out: TlsAt[] = [];
  const fromPolicy = (tp: unknown, base: (string | number)[], subset?: string) => {
    if (!isObj(tp)) return;
    if (isObj(tp.tls)) out.push({ tls: tp.tls, path: [...base, 'tls'], subset });
    arr(tp.portLevelSettings).forEach((p, i) => {
      if (isObj(p) && isObj(p.tls)) {
        const port = isObj(p.port) && typeof p.port.number === 'number' ? p.port.number : undefined;
        out.push({ tls: p.tls, path: [...base, 'portLevelSettings', i, 'tls'], port, subset });
      }
    });
  };
  fromPolicy(dr.spec.trafficPolicy, ['spec', 'trafficPolicy']);
  arr(dr.spec.subsets).forEach((s, i) => {
    if (isObj(s)) fromPolicy(s.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy'], str(s.name));
  });
  return out;
}

/** Namespaces a resource is exported to: '*' for all. */
export function exportScope(r: Resource): Set<string> | '*' {
  const list = strs(r.spec.exportTo);
  if (list.length === 0 || list.includes('*')) return '*';
  return new Set(list.map((n) => (n === '.' ? r.ns : n)));
}
export function visibleFrom(r: Resource, ns: string): boolean {
  const s = exportScope(r);
  return s === '*' || s.has(ns);
}

/** Kubernetes `Secret` credential lookups: name and its `-cacert` sibling. */
export const secrets = (rs: Resource[]) => rs.filter((r) => r.group === '' && r.apiVersion === 'v1' && r.kind === 'Secret');
