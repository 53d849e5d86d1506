// From one Envoy resource (Cluster, Listener, RouteConfiguration, Secret, ClusterLoadAssignment)
// to the small row the TLS map keeps. Field meanings follow Envoy's v3 protos
// (envoyproxy/envoy api/envoy/config/cluster/v3/cluster.proto, listener/v3/listener*.proto,
// extensions/transport_sockets/tls/v3/{tls,common,secret}.proto); what Istio puts into them
// follows istio/istio 1.30.3 pilot/pkg/networking/core (cluster_tls.go, cluster_builder.go,
// listener*.go) and pilot/pkg/networking/util/util.go.
import { arr, g, gp, num, str, typeName, type J } from './fields.ts';
import type { CircuitBreaker, ClusterRow, FilterChainRow, ListenerRow, RouteRow, SanMatcher, SecretRef, TlsSettings, UpstreamTlsMode } from './types.ts';

/** A certificate's bytes kept from the dump for later decoding (inline_bytes is base64 in
 * proto-JSON; inline_string is PEM text). */
export interface PendingPem {
  text: string;
  base64: boolean;
}

export interface PendingSecret {
  proxy: number;
  name: string;
  kind: 'certificate' | 'validation-context' | 'generic' | 'unknown';
  state: 'static' | 'active' | 'warming';
  pem?: PendingPem;
  lastUpdated?: string;
}

// --- data sources and secret references -------------------------------------------------------

function dataSource(ds: J): SecretRef | undefined {
  if (!ds || typeof ds !== 'object') return undefined;
  const file = str(g(ds, 'filename'));
  if (file) return { source: 'file', name: file };
  if (g(ds, 'inline_bytes') !== undefined || g(ds, 'inline_string') !== undefined) return { source: 'inline', name: '(inline)' };
  const env = str(g(ds, 'environment_variable'));
  if (env) return { source: 'inline', name: `$${env}` };
  return undefined;
}

export function pemOf(ds: J): PendingPem | undefined {
  const b = str(g(ds, 'inline_bytes'));
  if (b) return { text: b, base64: true };
  const s = str(g(ds, 'inline_string'));
  if (s) return { text: s, base64: false };
  return undefined;
}

function stringMatcher(m: J): { match: string; value: string } | undefined {
  for (const k of ['exact', 'prefix', 'suffix', 'contains'] as const) {
    const v = str(g(m, k));
    if (v !== undefined) return { match: k, value: v };
  }
  const re = str(gp(m, 'safe_regex', 'regex'));
  if (re !== undefined) return { match: 'regex', value: re };
  return undefined;
}

function sanMatchers(vc: J): SanMatcher[] {
  const out: SanMatcher[] = [];
  for (const t of arr(g(vc, 'match_typed_subject_alt_names'))) {
    const m = stringMatcher(g(t, 'matcher'));
    if (m) out.push({ type: str(g(t, 'san_type')) ?? 'SAN_TYPE_UNSPECIFIED', ...m });
  }
  for (const s of arr(g(vc, 'match_subject_alt_names'))) {
    const m = stringMatcher(s);
    if (m) out.push({ type: 'any', ...m });
  }
  return out;
}

/** The TLS settings of a CommonTlsContext (+ the outer context's sni / require_client_certificate). */
export function tlsSettings(ctx: J, upstream: boolean): TlsSettings {
  const common = g(ctx, 'common_tls_context') ?? {};
  const out: TlsSettings = { sans: [], alpn: arr(g(common, 'alpn_protocols')).filter((a) => typeof a === 'string') };
  if (upstream) {
    const sni = str(g(ctx, 'sni'));
    if (sni) out.sni = sni;
    if (g(ctx, 'auto_host_sni') === true) out.autoSni = true;
  } else {
    const rcc = g(ctx, 'require_client_certificate');
    out.requireClientCertificate = rcc === true || rcc?.value === true;
  }
  const params = g(common, 'tls_params');
  const min = str(g(params, 'tls_minimum_protocol_version'));
  const max = str(g(params, 'tls_maximum_protocol_version'));
  if (min && min !== 'TLS_AUTO') out.minVersion = min;
  if (max && max !== 'TLS_AUTO') out.maxVersion = max;
  // The certificate: SDS configs first (Istio always uses SDS), else static tls_certificates.
  const sds = arr(g(common, 'tls_certificate_sds_secret_configs'))[0];
  if (sds) out.certificate = { source: 'sds', name: str(g(sds, 'name')) ?? '' };
  else {
    const c = arr(g(common, 'tls_certificates'))[0];
    const ref = c && dataSource(g(c, 'certificate_chain'));
    if (ref) out.certificate = ref;
  }
  // Validation: validation_context, validation_context_sds_secret_config, or
  // combined_validation_context {default_validation_context + validation_context_sds_secret_config}
  // (Istio's form: SAN matchers inline, the root over SDS as ROOTCA / file-root:… / …-cacert).
  const vc = g(common, 'validation_context');
  const combined = g(common, 'combined_validation_context');
  const vcSds = g(common, 'validation_context_sds_secret_config') ?? g(combined, 'validation_context_sds_secret_config');
  const inlineVc = vc ?? g(combined, 'default_validation_context');
  if (vcSds) out.trustedCa = { source: 'sds', name: str(g(vcSds, 'name')) ?? '' };
  else if (inlineVc) {
    const ref = dataSource(g(inlineVc, 'trusted_ca'));
    if (ref) out.trustedCa = ref;
  }
  if (inlineVc) out.sans = sanMatchers(inlineVc);
  return out;
}

// --- clusters ----------------------------------------------------------------------------------

const TLS_SOCKET = 'envoy.transport_sockets.tls';

/** The UpstreamTlsContext inside a transport socket, looking through Istio's wrappers
 * (internal_upstream for HBONE, tcp_stats / metadata-exchange wrappers carry `transport_socket`). */
function upstreamTls(ts: J): J | undefined {
  if (!ts) return undefined;
  const tc = g(ts, 'typed_config');
  const t = typeName(tc);
  if (t.endsWith('UpstreamTlsContext')) return tc;
  const inner = g(tc, 'transport_socket');
  if (inner) return upstreamTls(inner);
  if (str(g(ts, 'name')) === TLS_SOCKET && tc) return tc;
  return undefined;
}

/** Istio's SDS names: the workload certificate `default` and root `ROOTCA` (istio 1.30.3
 * pkg/security/security.go WorkloadKeyCertResourceName / RootCertReqResourceName). */
function isIstioMtls(t: TlsSettings): boolean {
  return t.certificate?.source === 'sds' && t.certificate.name === 'default' && t.trustedCa?.source === 'sds' && t.trustedCa.name === 'ROOTCA';
}

function clusterMode(c: J): { mode: UpstreamTlsMode; tls?: TlsSettings } {
  const direct = upstreamTls(g(c, 'transport_socket'));
  if (direct) {
    const tls = tlsSettings(direct, true);
    return { mode: isIstioMtls(tls) ? 'istio-mutual' : tls.certificate ? 'mutual' : 'simple', tls };
  }
  // transport_socket_matches: Istio's auto mTLS adds `tlsMode-istio` (match {tlsMode: istio}) and a
  // plaintext `tlsMode-disabled`; with HBONE also `hbone`; a DR with TLS over HBONE adds `user`
  // (istio 1.30.3 pilot/pkg/networking/core/cluster_tls.go applyUpstreamTLSSettings).
  for (const m of arr(g(c, 'transport_socket_matches'))) {
    const ctx = upstreamTls(g(m, 'transport_socket'));
    if (!ctx) continue;
    const tls = tlsSettings(ctx, true);
    const name = str(g(m, 'name')) ?? '';
    const isIstioMatch = g(g(m, 'match'), 'tlsMode') === 'istio' || name.startsWith('tlsMode-istio');
    if (isIstioMatch && isIstioMtls(tls)) return { mode: 'auto-istio', tls };
    return { mode: isIstioMtls(tls) ? 'istio-mutual' : tls.certificate ? 'mutual' : 'simple', tls };
  }
  return { mode: 'plaintext' };
}

/** `/apis/networking.istio.io/v1/namespaces/NS/destination-rule/NAME` (istio 1.30.3
 * pilot/pkg/networking/util/util.go AddConfigInfoMetadata). */
export function destinationRuleOf(meta: J): { namespace: string; name: string } | undefined {
  const cfg = str(gp(meta, 'filter_metadata', 'istio', 'config'));
  const m = cfg?.match(/^\/apis\/[^/]+\/[^/]+\/namespaces\/([^/]+)\/destination-rule\/([^/]+)$/);
  return m ? { namespace: m[1]!, name: m[2]! } : undefined;
}

function circuitBreaker(c: J): CircuitBreaker {
  const out: CircuitBreaker = {};
  for (const t of arr(gp(c, 'circuit_breakers', 'thresholds'))) {
    const p = str(g(t, 'priority'));
    if (p && p !== 'DEFAULT') continue;
    const set = (k: keyof CircuitBreaker, f: string) => {
      const v = num(g(t, f));
      if (v !== undefined) out[k] = v;
    };
    set('maxConnections', 'max_connections');
    set('maxPendingRequests', 'max_pending_requests');
    set('maxRequests', 'max_requests');
    set('maxRetries', 'max_retries');
  }
  return out;
}

function httpOptions(c: J): J | undefined {
  const opts = g(c, 'typed_extension_protocol_options');
  return opts ? g(opts, 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions') : undefined;
}

function upstreamProtocol(c: J, hpo: J): ClusterRow['upstreamProtocol'] {
  if (hpo) {
    const ex = g(hpo, 'explicit_http_config');
    if (ex) return g(ex, 'http2_protocol_options') !== undefined ? 'h2' : 'http1';
    if (g(hpo, 'use_downstream_protocol_config') !== undefined) return 'downstream';
    if (g(hpo, 'auto_config') !== undefined) return 'auto';
  }
  if (g(c, 'http2_protocol_options') !== undefined) return 'h2'; // deprecated cluster field
  return undefined;
}

/** Istio cluster names: `outbound|PORT|SUBSET|HOST`, `inbound|PORT||`, and a waypoint's
 * `inbound-vip|PORT|SUBSET|HOST` (pilot/pkg/model/service.go BuildSubsetKey,
 * TrafficDirectionInboundVIP). */
function parseName(name: string): Pick<ClusterRow, 'direction' | 'service' | 'port' | 'subset'> {
  const p = name.split('|');
  if (p.length === 4 && (p[0] === 'outbound' || p[0] === 'inbound' || p[0] === 'inbound-vip')) {
    const out: Pick<ClusterRow, 'direction' | 'service' | 'port' | 'subset'> = { direction: p[0] === 'outbound' ? 'outbound' : 'inbound' };
    if (p[3]) out.service = p[3];
    if (/^\d+$/.test(p[1]!)) out.port = Number(p[1]);
    if (p[2]) out.subset = p[2];
    return out;
  }
  // SNI-DNAT clusters of a gateway with AUTO_PASSTHROUGH: `outbound_.PORT_.SUBSET_.HOST`
  // (BuildDNSSrvSubsetKey), named like the SNI they serve.
  const dns = /^(outbound|inbound)_\.(\d+)_\.([^_]*)_\.(.+)$/.exec(name);
  if (dns) {
    const out: Pick<ClusterRow, 'direction' | 'service' | 'port' | 'subset'> = { direction: dns[1] === 'outbound' ? 'outbound' : 'inbound', service: dns[4]!, port: Number(dns[2]) };
    if (dns[3]) out.subset = dns[3];
    return out;
  }
  return { direction: 'other' };
}

export function clusterRow(c: J, proxy: number, state: ClusterRow['state']): ClusterRow {
  const name = str(g(c, 'name')) ?? '';
  const { mode, tls } = clusterMode(c);
  const hpo = httpOptions(c);
  const row: ClusterRow = {
    proxy, name, state, ...parseName(name),
    type: str(g(c, 'type')) ?? str(gp(c, 'cluster_type', 'name')) ?? (g(c, 'eds_cluster_config') ? 'EDS' : 'STATIC'),
    mode, originatesTls: mode !== 'plaintext',
    circuitBreaker: circuitBreaker(c),
  };
  if (tls) {
    if (gp(hpo, 'upstream_http_protocol_options', 'auto_sni') === true) tls.autoSni = true;
    row.tls = tls;
  }
  const dr = destinationRuleOf(g(c, 'metadata'));
  if (dr) row.destinationRule = dr;
  const up = upstreamProtocol(c, hpo);
  if (up) row.upstreamProtocol = up;
  const ct = str(g(c, 'connect_timeout'));
  if (ct) row.connectTimeout = ct;
  const common = g(hpo, 'common_http_protocol_options') ?? g(c, 'common_http_protocol_options');
  const idle = str(g(common, 'idle_timeout'));
  if (idle) row.idleTimeout = idle;
  const mrpc = num(g(common, 'max_requests_per_connection')) ?? num(g(c, 'max_requests_per_connection'));
  if (mrpc !== undefined) row.maxRequestsPerConnection = mrpc;
  // A static cluster carries its endpoints inline.
  const la = g(c, 'load_assignment');
  if (la) row.endpoints = countEndpoints(la);
  if (!row.service && row.direction === 'other') {
    const host = firstHost(la);
    if (host) {
      row.service = host.address;
      if (host.port !== undefined) row.port = host.port;
    }
  }
  return row;
}

export function countEndpoints(cla: J): number {
  let n = 0;
  for (const le of arr(g(cla, 'endpoints'))) n += arr(g(le, 'lb_endpoints')).length;
  return n;
}

/** Endpoints Istio labelled for mTLS: `filter_metadata["envoy.transport_socket_match"].tlsMode`
 * (istio 1.30.3 pilot/pkg/networking/util/util.go AppendLbEndpointMetadata, from the pod label
 * security.istio.io/tlsMode that sidecar injection sets). */
export function countMtlsEndpoints(cla: J): number {
  let n = 0;
  for (const le of arr(g(cla, 'endpoints'))) {
    for (const e of arr(g(le, 'lb_endpoints'))) {
      const fm = gp(e, 'metadata', 'filter_metadata');
      if (fm && typeof fm === 'object' && fm['envoy.transport_socket_match']?.tlsMode === 'istio') n++;
    }
  }
  return n;
}

function firstHost(cla: J): { address: string; port?: number } | undefined {
  const le = arr(g(cla, 'endpoints'))[0];
  const sa = gp(arr(g(le, 'lb_endpoints'))[0], 'endpoint', 'address', 'socket_address');
  const address = str(g(sa, 'address'));
  if (!address) return undefined;
  const port = num(g(sa, 'port_value'));
  return port === undefined ? { address } : { address, port };
}

// --- listeners ---------------------------------------------------------------------------------

function filterChainRow(fc: J): FilterChainRow {
  const m = g(fc, 'filter_chain_match') ?? {};
  const row: FilterChainRow = {
    serverNames: arr(g(m, 'server_names')).filter((s) => typeof s === 'string'),
    applicationProtocols: arr(g(m, 'application_protocols')).filter((s) => typeof s === 'string'),
    prefixRanges: arr(g(m, 'prefix_ranges')).map((r) => `${str(g(r, 'address_prefix')) ?? ''}/${num(g(r, 'prefix_len')) ?? 0}`),
    terminatesTls: false,
    filters: [],
  };
  const name = str(g(fc, 'name'));
  if (name) row.name = name;
  const tp = str(g(m, 'transport_protocol'));
  if (tp) row.transportProtocol = tp;
  const dp = num(g(m, 'destination_port'));
  if (dp !== undefined) row.destinationPort = dp;
  const ts = g(fc, 'transport_socket');
  const tc = g(ts, 'typed_config');
  if (typeName(tc).endsWith('DownstreamTlsContext')) {
    row.terminatesTls = true;
    row.tls = tlsSettings(tc, false);
  }
  for (const f of arr(g(fc, 'filters'))) {
    const fname = str(g(f, 'name')) ?? typeName(g(f, 'typed_config'));
    row.filters.push(fname);
    const cfg = g(f, 'typed_config');
    const t = typeName(cfg);
    if (t.endsWith('TcpProxy')) {
      const cl = str(g(cfg, 'cluster'));
      if (cl) row.destination = cl;
      else {
        const wc = arr(gp(cfg, 'weighted_clusters', 'clusters')).map((w) => str(g(w, 'name'))).filter(Boolean);
        if (wc.length) row.destination = wc.join(',');
      }
    } else if (t.endsWith('HttpConnectionManager')) {
      const rds = str(gp(cfg, 'rds', 'route_config_name'));
      if (rds) row.destination = `rds:${rds}`;
      else if (g(cfg, 'route_config')) row.destination = `route:${str(gp(cfg, 'route_config', 'name')) ?? '(inline)'}`;
    }
  }
  // Istio names the 15006 chains by what they accept; the TLS ones match transport_protocol "tls"
  // and ALPN istio-* (istio 1.30.3 pilot/pkg/networking/core/listener_inbound.go, the
  // "virtualInbound" chains and their filter_chain_match from mtls.go).
  if (row.terminatesTls) row.inboundTls = isIstioServerTls(row.tls!) ? 'mtls' : 'tls';
  else row.inboundTls = 'plaintext';
  return row;
}

function isIstioServerTls(t: TlsSettings): boolean {
  return t.certificate?.source === 'sds' && t.certificate.name === 'default' && t.trustedCa?.source === 'sds' && t.trustedCa.name === 'ROOTCA';
}

export function listenerRow(l: J, proxy: number, state: ListenerRow['state']): ListenerRow {
  const name = str(g(l, 'name')) ?? '';
  const sa = gp(l, 'address', 'socket_address');
  const row: ListenerRow = {
    proxy, name, state,
    direction: (() => {
      const d = str(g(l, 'traffic_direction'));
      if (d === 'INBOUND') return 'inbound' as const;
      if (d === 'OUTBOUND') return 'outbound' as const;
      return name === 'virtualInbound' ? ('inbound' as const) : ('other' as const);
    })(),
    tlsInspector: arr(g(l, 'listener_filters')).some((f) => str(g(f, 'name')) === 'envoy.filters.listener.tls_inspector' || typeName(g(f, 'typed_config')).endsWith('tls_inspector.v3.TlsInspector')),
    filterChains: arr(g(l, 'filter_chains')).map(filterChainRow),
  };
  const address = str(g(sa, 'address'));
  if (address) row.address = address;
  const port = num(g(sa, 'port_value'));
  if (port !== undefined) row.port = port;
  const dfc = g(l, 'default_filter_chain');
  if (dfc) row.defaultChain = filterChainRow(dfc);
  if (name === 'virtualInbound' || port === 15006) {
    row.inboundMode = inboundMode(row);
    row.plaintextPorts = [...new Set(inboundChains(row).filter((c) => !c.terminatesTls).map((c) => c.destinationPort ?? 0))].sort((a, b) => (a || 1e6) - (b || 1e6));
  }
  return row;
}

/** The chains of the inbound listener that serve traffic: all but Istio's blackhole chain for
 * connections to 15006 itself (model.VirtualInboundBlackholeFilterChainName). */
function inboundChains(l: ListenerRow): FilterChainRow[] {
  return l.filterChains.filter((c) => c.name !== 'virtualInbound-blackhole');
}

/** The PeerAuthentication mode is only visible through the chains Istio built for it (istio
 * 1.30.3 pilot/pkg/networking/core/filterchain_options.go): STRICT builds only chains that
 * match transport_protocol "tls" and terminate it; PERMISSIVE adds raw_buffer chains and a
 * plain-TLS chain that does not terminate; DISABLE builds only raw_buffer chains. The catch-all
 * chains for ports without a Service (InboundPassthroughCluster) follow the same options. */
function inboundMode(l: ListenerRow): ListenerRow['inboundMode'] {
  const chains = inboundChains(l);
  const tls = chains.filter((c) => c.terminatesTls).length;
  const plain = chains.filter((c) => !c.terminatesTls).length;
  if (tls === 0) return 'DISABLE';
  return plain === 0 ? 'STRICT' : 'PERMISSIVE';
}

// --- routes and secrets ------------------------------------------------------------------------

/** RouteAction.cluster_not_found_response_code other than the default SERVICE_UNAVAILABLE (503)
 * (envoyproxy/envoy api/envoy/config/route/v3/route_components.proto, v1.38), by JSON name or number.
 * Istio writes INTERNAL_SERVER_ERROR on routes of Gateway API resources (istio/istio 1.30.3
 * pilot/pkg/networking/core/route/route.go applyHTTPRouteDestination). */
const NOT_FOUND_CODE: Record<string, number> = { NOT_FOUND: 404, 1: 404, INTERNAL_SERVER_ERROR: 500, 2: 500 };

export function routeRow(rc: J, proxy: number): RouteRow {
  return {
    proxy,
    name: str(g(rc, 'name')) ?? '',
    virtualHosts: arr(g(rc, 'virtual_hosts')).map((vh) => {
      const clusters = new Set<string>();
      const notFoundCode: Record<string, number> = {};
      for (const r of arr(g(vh, 'routes'))) {
        const ra = g(r, 'route');
        const code = NOT_FOUND_CODE[String(g(ra, 'cluster_not_found_response_code'))];
        const add = (n: string | undefined) => {
          if (!n) return;
          clusters.add(n);
          if (code) notFoundCode[n] = code;
        };
        add(str(g(ra, 'cluster')));
        for (const w of arr(gp(ra, 'weighted_clusters', 'clusters'))) add(str(g(w, 'name')));
      }
      const row: RouteRow['virtualHosts'][number] = { name: str(g(vh, 'name')) ?? '', domains: arr(g(vh, 'domains')).filter((d) => typeof d === 'string').slice(0, 50), clusters: [...clusters] };
      if (Object.keys(notFoundCode).length) row.notFoundCode = notFoundCode;
      return row;
    }),
  };
}

/** A Secret resource (envoy.extensions.transport_sockets.tls.v3.Secret). */
export function pendingSecret(s: J, proxy: number, state: PendingSecret['state'], fallbackName?: string, lastUpdated?: string): PendingSecret {
  const name = str(g(s, 'name')) ?? fallbackName ?? '';
  const out: PendingSecret = { proxy, name, state, kind: 'unknown' };
  if (lastUpdated) out.lastUpdated = lastUpdated;
  const cert = g(s, 'tls_certificate');
  const vc = g(s, 'validation_context');
  if (cert) {
    out.kind = 'certificate';
    const p = pemOf(g(cert, 'certificate_chain'));
    if (p) out.pem = p;
  } else if (vc) {
    out.kind = 'validation-context';
    const p = pemOf(g(vc, 'trusted_ca'));
    if (p) out.pem = p;
  } else if (g(s, 'generic_secret')) out.kind = 'generic';
  return out;
}
