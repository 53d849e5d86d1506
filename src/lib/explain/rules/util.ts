// Small judgements several rules share: is a host outside the mesh, does an SNI hit a chain,
// does a certificate satisfy SAN matchers, which pasted gateway a cluster points at.
import type { CertSummary, ClusterRow, FilterChainRow, ListenerRow, ProxyInfo, SanMatcher, SecretRow } from '../types.ts';
import type { Context } from './rule.ts';

/** Istio's own clusters that are not a destination service. */
const SPECIAL = new Set(['PassthroughCluster', 'BlackHoleCluster', 'InboundPassthroughCluster', 'InboundPassthroughClusterIpv4', 'InboundPassthroughClusterIpv6']);

/** A host outside the cluster's service registry (a ServiceEntry host): not `*.svc.*`, not an IP. */
export function isExternalHost(host: string | undefined): boolean {
  if (!host || SPECIAL.has(host)) return false;
  if (/\.svc(\.|$)/.test(host) || host.endsWith('.local')) return false;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return false;
  return host.includes('.');
}

export const isOutbound = (c: ClusterRow) => c.direction === 'outbound' && !SPECIAL.has(c.name);

/** Envoy's server_names: exact, or a `*.suffix` wildcard that matches any longer name ending in
 * `.suffix` (envoy api/envoy/config/listener/v3/listener_components.proto FilterChainMatch.server_names). */
export function sniMatches(serverNames: string[], sni: string): boolean {
  const s = sni.toLowerCase();
  return serverNames.some((n) => {
    const name = n.toLowerCase();
    if (name === s) return true;
    return name.startsWith('*.') && s.endsWith(name.slice(1)) && s.length > name.length - 1;
  });
}

/** A wildcard DNS SAN `*.example.com` covers exactly one label (Envoy
 * DefaultCertValidator::dnsNameMatch, used for exact matchers against DNS SANs). */
function dnsWildcard(san: string, name: string): boolean {
  if (!san.startsWith('*.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot).toLowerCase() === san.slice(1).toLowerCase();
}

function matchOne(m: SanMatcher, value: string, dns: boolean): boolean {
  switch (m.match) {
    case 'exact':
      return value === m.value || (dns && dnsWildcard(value, m.value));
    case 'prefix':
      return value.startsWith(m.value);
    case 'suffix':
      return value.endsWith(m.value);
    case 'contains':
      return value.includes(m.value);
    case 'regex':
      try {
        return new RegExp(`^(?:${m.value})$`).test(value);
      } catch {
        return true; // a regex we cannot run here (RE2-only syntax): do not claim a mismatch
      }
    default:
      return true;
  }
}

/** Whether a certificate satisfies any of the matchers (Envoy accepts a peer when one matcher
 * matches one SAN of its type: default_cert_validator.cc verifySubjectAltName). A matcher of a
 * type the certificate has no SAN of does not match. */
export function sanSatisfied(matchers: SanMatcher[], cert: CertSummary): boolean {
  if (!matchers.length) return true;
  return matchers.some((m) => {
    // The untyped (deprecated) match_subject_alt_names is tried against every SAN type.
    const dns = m.type === 'DNS' || m.type === 'any' ? cert.sans.dns : [];
    const other =
      m.type === 'URI' ? cert.sans.uri
      : m.type === 'IP_ADDRESS' ? cert.sans.ip
      : m.type === 'any' ? [...cert.sans.uri, ...cert.sans.ip]
      : m.type === 'DNS' ? []
      : undefined;
    if (!other) return true; // EMAIL / OTHER_NAME: not decoded here; do not claim a mismatch
    return dns.some((v) => matchOne(m, v, true)) || other.some((v) => matchOne(m, v, false));
  });
}

/** The pasted gateway (router) a cluster points at: its service's first label is the start of the
 * gateway pod name and the namespaces agree (`istio-egressgateway.istio-egress.svc…` →
 * pod `istio-egressgateway-6b8f9c-x2x1z` in `istio-egress`). */
export function gatewayFor(ctx: Context, c: ClusterRow): ProxyInfo | undefined {
  if (!c.service) return undefined;
  const [first, ns] = c.service.split('.');
  return ctx.map.proxies.find((p) => p.id !== c.proxy && (p.kind === 'router' || p.kind === 'waypoint') && !!p.workload && p.workload.startsWith(first!) && (!ns || !p.namespace || p.namespace === ns));
}

/** TLS-terminating chains of a proxy's listeners on `port` (any port when undefined). */
export function tlsChains(ctx: Context, proxy: number, port?: number): { listener: ListenerRow; chain: FilterChainRow; index: number }[] {
  const out: { listener: ListenerRow; chain: FilterChainRow; index: number }[] = [];
  for (const l of ctx.map.listeners) {
    if (l.proxy !== proxy || l.state === 'draining') continue;
    if (port !== undefined && l.port !== undefined && l.port !== port) continue;
    l.filterChains.forEach((chain, index) => {
      if (chain.terminatesTls) out.push({ listener: l, chain, index });
    });
  }
  return out;
}

/** The leaf certificate of an SDS secret of a proxy (first certificate of its active version). */
export function leafOf(ctx: Context, proxy: number, name: string): { secret: SecretRow; cert: CertSummary } | undefined {
  const rows = ctx.secrets(proxy).get(name) ?? [];
  const row = rows.find((s) => s.state !== 'warming') ?? rows[0];
  const cert = row?.certificates[0];
  return row && cert ? { secret: row, cert } : undefined;
}

/** Which ports Istio gives a gateway Service: with the gateway Helm chart 443 → 443, with
 * `istioctl install` 443 → 8443 (pitfalls page, "A word on ports"); try the cluster's port first. */
export function gatewayPorts(port: number | undefined): (number | undefined)[] {
  if (port === 443) return [443, 8443];
  if (port === 80) return [80, 8080];
  return [port];
}

/** A certificate's name for messages: its subject, or (Istio workload certificates have an empty
 * subject) its SPIFFE ID or first DNS name. */
export function certLabel(c: CertSummary): string {
  return c.subject && c.subject !== 'CN=' ? c.subject : c.spiffe ?? c.sans.dns[0] ?? c.sans.uri[0] ?? '?';
}
