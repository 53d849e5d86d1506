// The public types of the proxy-state explainer: what it reads (Envoy /config_dump, istioctl
// proxy-config … -o json|yaml, ztunnel config dumps) and the TLS map and findings it returns.
// Everything here is plain data (no classes, no functions): a result crosses a Worker's
// postMessage and is printed by `meshtls explain --format json` as is.
//
// Stability: the widget codes against this file; fields are only ever added, never renamed.

export type Lang = 'ko' | 'en';
export type Severity = 'error' | 'warning' | 'info';

/** One pasted text or dropped file. */
export interface ExplainInput {
  /** The file name (or `paste`); findings and problems point back to it. */
  name: string;
  text: string;
}

export interface ExplainOptions {
  /** Language of `message` in findings and problems (both languages are in `messages`). */
  lang: Lang;
  /** The time certificates are checked against (default: now). */
  now?: Date;
  /** A certificate that expires within this many days is "expiring soon" (default 7). */
  expiringDays?: number;
}

/** What kind of proxy a dump came from, from the bootstrap's node id / metadata when present
 * (Istio node ids are `sidecar~IP~pod.ns~ns.svc.cluster.local` or `router~…`; a waypoint is a
 * router whose node metadata names the `istio.io/gateway-name` label / waypoint class). */
export type ProxyKind = 'sidecar' | 'router' | 'waypoint' | 'ztunnel' | 'unknown';

/** The shape the input was recognised as. */
export type InputForm =
  | 'config-dump' // Envoy /config_dump or istioctl proxy-config all -o json|yaml
  | 'clusters' // istioctl proxy-config cluster -o json|yaml: a bare list of Cluster
  | 'listeners' // istioctl proxy-config listener -o json|yaml: a bare list of Listener
  | 'routes' // istioctl proxy-config route -o json|yaml: a bare list of RouteConfiguration
  | 'secrets' // istioctl proxy-config secret -o json|yaml: a SecretsConfigDump
  | 'ztunnel' // ztunnel :15000/config_dump, istioctl ztunnel-config all|certificate|workload -o json
  | 'unknown';

/** One input read: a proxy (several inputs are separate proxies, read together). */
export interface ProxyInfo {
  /** Index in `ExplainResult.proxies`; rows point here with `proxy`. */
  id: number;
  /** The input's name. */
  file: string;
  form: InputForm;
  kind: ProxyKind;
  /** Bootstrap `node.id`, when the dump has a bootstrap. */
  nodeId?: string;
  /** Pod / gateway name and namespace, from the node id or metadata. */
  workload?: string;
  namespace?: string;
  /** `ISTIO_VERSION` from node metadata. */
  istioVersion?: string;
  /** Bytes read from this input. */
  bytes: number;
}

/** Where a certificate, key or trust bundle comes from. */
export interface SecretRef {
  /** `sds`: by name over SDS (Istio: `default`, `ROOTCA`, `kubernetes://name`, `file-cert:…`);
   * `file`: a file path in the config; `inline`: bytes/string in the config. */
  source: 'sds' | 'file' | 'inline';
  /** The SDS secret name, the file path, or `(inline)`. */
  name: string;
  /** For `sds`: whether a secret of that name is in a pasted dump of the same proxy, and in
   * which state; `unknown` when the input carried no secrets section. */
  state?: 'active' | 'warming' | 'missing' | 'unknown';
}

/** A SAN matcher of an upstream validation context (`match_typed_subject_alt_names` or the
 * deprecated `match_subject_alt_names`). */
export interface SanMatcher {
  /** SAN type: DNS, URI, IP_ADDRESS, EMAIL, OTHER_NAME; `any` for the untyped deprecated form. */
  type: string;
  /** `exact`, `prefix`, `suffix`, `contains` or `regex`. */
  match: string;
  value: string;
}

/** TLS settings of one side (an upstream cluster's UpstreamTlsContext or a filter chain's
 * DownstreamTlsContext). */
export interface TlsSettings {
  /** `sni` of the UpstreamTlsContext (upstream only). */
  sni?: string;
  /** `auto_sni` on the cluster's upstream HTTP protocol options: SNI from the Host header. */
  autoSni?: boolean;
  /** The certificate this side presents (client cert upstream, served cert downstream). */
  certificate?: SecretRef;
  /** The trust bundle used to verify the peer; absent: the peer is not verified (Envoy v1.38
   * tls.proto; see rules/tls-no-validation.ts). */
  trustedCa?: SecretRef;
  /** SAN matchers applied to the peer's certificate. */
  sans: SanMatcher[];
  alpn: string[];
  /** `tls_minimum_protocol_version` / `tls_maximum_protocol_version` (TLSv1_2, …); absent: Envoy's
   * default (cited in rules/tls-version-limits.ts). */
  minVersion?: string;
  maxVersion?: string;
  /** Downstream only: `require_client_certificate`. */
  requireClientCertificate?: boolean;
}

/** How an upstream cluster speaks to its endpoints. */
export type UpstreamTlsMode =
  | 'plaintext' // no transport socket (or raw_buffer)
  | 'istio-mutual' // Istio mTLS always (DestinationRule ISTIO_MUTUAL, or Istio's SDS names)
  | 'auto-istio' // Istio auto mTLS: transport_socket_matches `tlsMode: istio` → mTLS, else plaintext
  | 'simple' // user TLS (DestinationRule SIMPLE): server verified (or not), no client certificate
  | 'mutual'; // user mTLS (DestinationRule MUTUAL): a client certificate is sent

export interface CircuitBreaker {
  /** The `DEFAULT` priority thresholds; absent = Envoy's default (1024 each; max_retries 3:
   * cited in rules/max-connections-default.ts). */
  maxConnections?: number;
  maxPendingRequests?: number;
  maxRequests?: number;
  maxRetries?: number;
}

export interface ClusterRow {
  proxy: number;
  name: string;
  /** `static` (bootstrap), `active` or `warming` (dynamic). */
  state: 'static' | 'active' | 'warming';
  /** From Istio's `direction|port|subset|host` name; `other` for other names. */
  direction: 'outbound' | 'inbound' | 'other';
  /** The host part (`api.partner.example`, `reviews.default.svc.cluster.local`). */
  service?: string;
  port?: number;
  subset?: string;
  /** Discovery type: EDS, STRICT_DNS, LOGICAL_DNS, STATIC, ORIGINAL_DST, or a cluster_type name. */
  type: string;
  mode: UpstreamTlsMode;
  /** True when the cluster may originate TLS (mode is not plaintext). */
  originatesTls: boolean;
  /** The TLS context (for auto-istio: the `tlsMode: istio` match's). */
  tls?: TlsSettings;
  /** `filter_metadata.istio.config` → the DestinationRule that produced the cluster's policy. */
  destinationRule?: { namespace: string; name: string };
  /** Upstream HTTP version, from typed_extension_protocol_options (`h2`, `http1`, `downstream`, `auto`). */
  upstreamProtocol?: 'h2' | 'http1' | 'downstream' | 'auto';
  circuitBreaker: CircuitBreaker;
  /** `connect_timeout` (as in the dump, e.g. `10s`). */
  connectTimeout?: string;
  /** `common_http_protocol_options.idle_timeout`. */
  idleTimeout?: string;
  maxRequestsPerConnection?: number;
  /** Endpoint count when the dump includes EDS (`?include_eds`). */
  endpoints?: number;
  /** With EDS: endpoints labelled for Istio mTLS (`envoy.transport_socket_match: {tlsMode: istio}`
   * metadata); an auto-istio cluster sends the others plaintext. */
  mtlsEndpoints?: number;
}

export interface FilterChainRow {
  name?: string;
  /** filter_chain_match */
  serverNames: string[];
  transportProtocol?: string;
  applicationProtocols: string[];
  destinationPort?: number;
  prefixRanges: string[];
  /** A DownstreamTlsContext transport socket: this chain terminates TLS. */
  terminatesTls: boolean;
  tls?: TlsSettings;
  /** Network filters in order (`envoy.filters.network.http_connection_manager`, `…tcp_proxy`). */
  filters: string[];
  /** tcp_proxy's cluster, or the HTTP route config name (`rds:NAME`). */
  destination?: string;
  /** Istio's filter chain metadata / name hints: `mtls`, `plaintext` (inbound 15006 chains). */
  inboundTls?: 'mtls' | 'tls' | 'plaintext';
}

export interface ListenerRow {
  proxy: number;
  name: string;
  state: 'static' | 'active' | 'warming' | 'draining';
  address?: string;
  port?: number;
  direction: 'outbound' | 'inbound' | 'other';
  /** `envoy.filters.listener.tls_inspector` is among the listener filters. */
  tlsInspector: boolean;
  filterChains: FilterChainRow[];
  /** The default filter chain, if any. */
  defaultChain?: FilterChainRow;
  /** Port 15006 (virtualInbound) only: STRICT when every inbound chain demands Istio mTLS,
   * PERMISSIVE when plaintext chains sit beside mTLS ones, DISABLE when none terminates TLS. */
  inboundMode?: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
  /** Port 15006 only: destination ports of chains that accept plaintext (0 = the catch-all
   * chains for ports without a Service, listed last); empty when STRICT. */
  plaintextPorts?: number[];
}

export interface CertSummary {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Whole days left at the check time (negative: expired). */
  daysLeft: number;
  sans: { dns: string[]; ip: string[]; uri: string[] };
  spiffe?: string;
  isCa: boolean;
}

export interface SecretRow {
  proxy: number;
  /** SDS name (`default`, `ROOTCA`, `kubernetes://…`), or the ztunnel identity. */
  name: string;
  kind: 'certificate' | 'validation-context' | 'generic' | 'unknown';
  state: 'static' | 'active' | 'warming';
  /** Certificates decoded from inline bytes/string (leaf first for a certificate chain). */
  certificates: CertSummary[];
  lastUpdated?: string;
}

export interface RouteRow {
  proxy: number;
  name: string;
  virtualHosts: {
    name: string; domains: string[]; clusters: string[];
    /** Clusters whose route sets `cluster_not_found_response_code` to other than 503: the status a
     * request gets when the cluster is missing (Istio sets 500 on Gateway API routes). */
    notFoundCode?: Record<string, number>;
  }[];
}

/** A ztunnel workload (from its config dump). */
export interface WorkloadRow {
  proxy: number;
  name: string;
  namespace: string;
  serviceAccount?: string;
  /** `HBONE` (in the mesh, mTLS) or `TCP` (plaintext). */
  protocol: string;
  ips: string[];
  waypoint?: string;
  node?: string;
}

export interface FindingTarget {
  kind: 'proxy' | 'cluster' | 'listener' | 'filter-chain' | 'secret' | 'workload';
  proxy: number;
  /** Cluster/listener/secret/workload name; for a filter chain `listener#index`. */
  name: string;
}

export interface ExplainFinding {
  /** Rule id = file name in src/lib/explain/rules/. */
  rule: string;
  severity: Severity;
  /** In the requested language. */
  message: string;
  messages: { ko: string; en: string };
  target: FindingTarget;
  /** The Istio (or Envoy) field that most likely caused it, e.g.
   * `DestinationRule.spec.trafficPolicy.tls.sni`. */
  field: string;
  /** Language-neutral page path (`egress/double-mtls-pitfalls/`); prefix with docsUrl(). */
  docs: string;
  /** Error catalog id (`src/data/errors/<id>.yaml`), when one fits. */
  catalog?: string;
}

/** Input that could not be read; `line` is 1-based (0 when unknown). */
export interface ExplainProblem {
  file: string;
  line: number;
  message: string;
}

export interface ExplainResult {
  proxies: ProxyInfo[];
  clusters: ClusterRow[];
  listeners: ListenerRow[];
  secrets: SecretRow[];
  routes: RouteRow[];
  workloads: WorkloadRow[];
  findings: ExplainFinding[];
  problems: ExplainProblem[];
  summary: { errors: number; warnings: number; infos: number; bytes: number };
}

/** Rule metadata (for a rules page / filter UI). */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: { ko: string; en: string };
  docs: string;
  catalog?: string;
  field: string;
}

/** A streaming input: push text or UTF-8 bytes as they arrive, then end(). JSON is parsed as it
 * streams (memory stays near the size of the TLS map); YAML is collected and parsed at end(). */
export interface InputSink {
  push(chunk: string | Uint8Array): void;
  end(): void;
  /** Bytes (UTF-8) pushed so far, for a progress bar. */
  readonly bytes: number;
}

/** Reads several inputs one after another (or interleaved), then builds the map. */
export interface DumpReader {
  open(name: string): InputSink;
  /** Ends any open inputs, decodes certificates, runs the rules. */
  finish(): Promise<ExplainResult>;
}
